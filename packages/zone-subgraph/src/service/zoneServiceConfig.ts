import { envHost, envOptionalListenPort, envOptionalPort, envOptionalString, envPostgresUrl, envSigningKeys } from '@devzone/subgraph-kit';
import { z } from 'zod';

/** A zone service started on its own (`node subgraphs/<name>/dist/main.js`), with the kit's rules for each variable. */
export const zoneServiceEnvSchema = z.object({
  /** @default the service's usual port (yongkang 4011 … anhui 4014) */
  PORT: envOptionalListenPort,
  HOST: envHost,
  DATABASE_URL: envPostgresUrl,
  EMBEDDED_PG_DIR: envOptionalString,
  /** @default the service's usual port + 46000 */
  EMBEDDED_PG_PORT: envOptionalPort,
  /** Required: the keys shared with the gateway and the province (`keyId:secret,...`, the first one signs). */
  SERVICE_SIGNING_KEYS: envSigningKeys,
});

export type ZoneServiceEnv = z.infer<typeof zoneServiceEnvSchema>;
