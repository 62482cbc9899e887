import { parseEnvironment, runFromEnvironment, startOnServiceDatabase } from '@devzone/subgraph-kit';
import { startZoneService } from './startZoneService';
import { loadSeedDir, type ZoneServiceDefinition } from './zoneServiceDefinition';
import { zoneServiceEnvSchema } from './zoneServiceConfig';

/**
 * Runs one zone service on its own: `DATABASE_URL` for an external PostgreSQL,
 * otherwise an embedded server under `.data/<name>` (EMBEDDED_PG_DIR, EMBEDDED_PG_PORT).
 * SERVICE_SIGNING_KEYS is required: the service answers only requests signed with it.
 */
export function runZoneServiceFromEnv(definition: ZoneServiceDefinition, env: NodeJS.ProcessEnv = process.env): void {
  runFromEnvironment({
    title: `Zone service "${definition.name}"`,
    readyLine: (service) => `Zone service "${definition.name}" (${service.hostedZoneIds.join(', ')}) ready at ${service.url}`,
    start: async () => {
      const config = parseEnvironment(zoneServiceEnvSchema, env);
      const database = {
        name: definition.name,
        databaseUrl: config.DATABASE_URL,
        embeddedDir: config.EMBEDDED_PG_DIR,
        embeddedPort: config.EMBEDDED_PG_PORT ?? definition.defaultPort + 50000 - 4000,
      };
      return startOnServiceDatabase(database, (databaseUrl) =>
        startZoneService({
          name: definition.name,
          databaseUrl,
          seeds: loadSeedDir(definition.seedDir),
          port: config.PORT ?? definition.defaultPort,
          host: config.HOST,
          signingKeys: config.SERVICE_SIGNING_KEYS,
        }),
      );
    },
  });
}
