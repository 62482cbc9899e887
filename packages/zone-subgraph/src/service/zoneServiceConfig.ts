import { envHost, envOptionalPort, envOptionalString, envPostgresUrl } from '@devzone/subgraph-kit';
import { z } from 'zod';

/** A zone service started on its own (`node subgraphs/<name>/dist/main.js`), with the kit's rules for each variable. */
export const zoneServiceEnvSchema = z.object({
  /** @default the service's usual port (yongkang 4011 … anhui 4014) */
  PORT: envOptionalPort,
  HOST: envHost,
  DATABASE_URL: envPostgresUrl,
  EMBEDDED_PG_DIR: envOptionalString,
  /** @default the service's usual port + 46000 */
  EMBEDDED_PG_PORT: envOptionalPort,
});

export type ZoneServiceEnv = z.infer<typeof zoneServiceEnvSchema>;
