import { resolve } from 'node:path';
import { EmbeddedPostgresServer } from '@devzone/database';
import { parseOrThrow } from '@devzone/errors';
import { startZoneService } from './startZoneService';
import { loadSeedDir, type ZoneServiceDefinition } from './zoneServiceDefinition';
import { zoneServiceEnvSchema } from './zoneServiceConfig';

/**
 * Runs one zone service on its own: `DATABASE_URL` for an external PostgreSQL,
 * otherwise an embedded server under `.data/<name>` (EMBEDDED_PG_DIR, EMBEDDED_PG_PORT).
 */
export async function runZoneServiceFromEnv(definition: ZoneServiceDefinition, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = parseOrThrow(zoneServiceEnvSchema, env, 'environment');
  let embedded: EmbeddedPostgresServer | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = new EmbeddedPostgresServer({
      dataDir: config.EMBEDDED_PG_DIR ?? resolve(process.cwd(), '.data', definition.name),
      port: config.EMBEDDED_PG_PORT ?? definition.defaultPort + 50000 - 4000,
    });
    await embedded.start();
    databaseUrl = await embedded.ensureDatabase(`devzone_${definition.name.replace(/-/g, '_')}`);
  }
  const service = await startZoneService({
    name: definition.name,
    databaseUrl,
    seeds: loadSeedDir(definition.seedDir),
    port: config.PORT ?? definition.defaultPort,
    host: config.HOST,
  });
  console.log(`Zone service "${definition.name}" (${service.hostedZoneIds.join(', ')}) ready at ${service.url}`);
  const shutdown = async () => {
    await service.stop();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
