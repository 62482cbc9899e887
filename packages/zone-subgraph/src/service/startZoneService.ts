import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { openServiceDatabase, type ServiceDatabase } from '@devzone/database';
import { zoneIdOf } from '@devzone/registry';
import { guardSchema, serveSignedGraphQL, subgraphFormatError, type SigningKeys } from '@devzone/subgraph-kit';
import { zoneEntities, ZoneRow } from '../db/entities';
import { zoneMigrations } from '../db/migrations';
import type { ZoneContext } from '../graphql/context.type';
import { buildZoneSchema } from '../graphql/buildZoneSchema';
import { createLoaders } from '../loaders/createLoaders';
import type { WritableZoneSeed } from '../seed/seedSchema';
import { writeZoneSeeds, type SeedOutcome } from '../seed/writeSeed';
import { RequestStats } from './requestStats';

export interface ZoneServiceOptions {
  /** Service name as registered, e.g. `anhui`. */
  name: string;
  databaseUrl: string;
  /** Seeds loaded on first start (zones already stored are left as they are). */
  seeds: readonly WritableZoneSeed[];
  /** Marks seeded rows as synthetic (generator output). @default false */
  synthetic?: boolean;
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** The deployment's keys: only requests signed with one of them are answered. */
  signingKeys: SigningKeys;
}

export interface RunningZoneService {
  name: string;
  url: string;
  hostedZoneIds: readonly string[];
  seedOutcomes: readonly SeedOutcome[];
  stats: RequestStats;
  database: ServiceDatabase;
  stop(): Promise<void>;
}

/** Opens the zone database (migrations), seeds it once, and serves the zone subgraph. */
export async function startZoneService(options: ZoneServiceOptions): Promise<RunningZoneService> {
  const database = await openServiceDatabase({ url: options.databaseUrl, entities: zoneEntities, migrations: zoneMigrations });
  try {
    const seedOutcomes = await writeZoneSeeds(database.dataSource, options.seeds, { synthetic: options.synthetic });
    const hostedZoneIds = (await database.dataSource.getRepository(ZoneRow).find({ select: { id: true }, order: { id: 'ASC' } })).map((z) => z.id);
    const hosted = new Set(hostedZoneIds);
    const stats = new RequestStats();
    const server = new ApolloServer<ZoneContext>({
      // Arguments checked before any SQL; database failures answered as ZONE_UNAVAILABLE naming zone and service.
      schema: guardSchema(await buildZoneSchema(), { service: options.name, zoneIdOf }),
      formatError: subgraphFormatError(options.name),
      plugins: [stats.plugin(), ApolloServerPluginInlineTraceDisabled()],
    });
    const served = await serveSignedGraphQL({
      server,
      keys: options.signingKeys,
      port: options.port ?? 0,
      host: options.host ?? '127.0.0.1',
      context: async (principal) => ({ loaders: createLoaders(database.dataSource), hostedZoneIds: hosted, principal, dataSource: database.dataSource }),
    });
    return {
      name: options.name,
      url: served.url,
      hostedZoneIds,
      seedOutcomes,
      stats,
      database,
      stop: async () => {
        await served.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
