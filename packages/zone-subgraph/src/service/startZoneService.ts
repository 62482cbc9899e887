import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { openServiceDatabase, type ServiceDatabase } from '@devzone/database';
import { zoneIdOf } from '@devzone/registry';
import { guardSchema, serveSignedGraphQL, subgraphFormatError, type SigningKeys } from '@devzone/subgraph-kit';
import { zoneEntities, ZoneRow } from '../db/entities';
import { zoneMigrations } from '../db/migrations';
import type { ZoneContext } from '../graphql/context.type';
import { buildZoneSchema } from '../graphql/buildZoneSchema';
import { createLoaders, sharedLoaderState } from '../loaders/createLoaders';
import { checkSeedDrift, seedDriftWarning, type SeedDrift } from '../seed/seedDrift';
import type { WritableZoneSeed } from '../seed/seedSchema';
import { writeZoneSeeds, type SeedOutcome } from '../seed/writeSeed';
import { dataVersionsRoute } from '../versions/dataVersionsRoute';
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
  /** Where start-up warnings go (a seed file changed since it was applied). @default console.warn */
  warn?: (line: string) => void;
}

export interface RunningZoneService {
  name: string;
  url: string;
  hostedZoneIds: readonly string[];
  seedOutcomes: readonly SeedOutcome[];
  /** Each seed file read from disk against the content its zone last had applied; a changed one was reported at start, not applied. */
  seedDrift: readonly SeedDrift[];
  stats: RequestStats;
  database: ServiceDatabase;
  stop(): Promise<void>;
}

/**
 * Opens the zone database (migrations), seeds it once, reports seed files changed
 * since they were applied (never applying them silently), and serves the zone subgraph
 * and its zones' data versions (`POST <url>data-versions`).
 */
export async function startZoneService(options: ZoneServiceOptions): Promise<RunningZoneService> {
  const database = await openServiceDatabase({ url: options.databaseUrl, entities: zoneEntities, migrations: zoneMigrations });
  try {
    const seedOutcomes = await writeZoneSeeds(database.dataSource, options.seeds, { synthetic: options.synthetic });
    const seedDrift = await checkSeedDrift(database.dataSource, options.seeds);
    for (const drift of seedDrift) {
      const warning = seedDriftWarning(drift, options.name);
      if (warning) (options.warn ?? console.warn)(warning);
    }
    const hostedZoneIds = (await database.dataSource.getRepository(ZoneRow).find({ select: { id: true }, order: { id: 'ASC' } })).map((z) => z.id);
    const hosted = new Set(hostedZoneIds);
    const stats = new RequestStats();
    const loaderState = sharedLoaderState(database.dataSource);
    const server = new ApolloServer<ZoneContext>({
      // Arguments checked before any SQL; database failures answered as ZONE_UNAVAILABLE naming zone and service.
      schema: guardSchema(await buildZoneSchema(), { service: options.name, zoneIdOf }),
      formatError: subgraphFormatError(options.name),
      // No cache hints are used: without the cache-control plugin Apollo Server does not wrap every field resolver.
      plugins: [stats.plugin(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
    });
    const served = await serveSignedGraphQL({
      server,
      keys: options.signingKeys,
      port: options.port ?? 0,
      host: options.host ?? '127.0.0.1',
      signedRoutes: [dataVersionsRoute({ service: options.name, dataSource: database.dataSource, hostedZoneIds: hosted })],
      context: async (principal) => ({
        loaders: createLoaders(database.dataSource, loaderState),
        hostedZoneIds: hosted,
        principal,
        dataSource: database.dataSource,
      }),
    });
    return {
      name: options.name,
      url: served.url,
      hostedZoneIds,
      seedOutcomes,
      seedDrift,
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
