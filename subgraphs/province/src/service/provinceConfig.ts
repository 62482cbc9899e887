import { envFixedPort, envHost, envOptionalString, envPort, envPostgresUrl, envSigningKeys, envTimeoutMs } from '@devzone/subgraph-kit';
import { z } from 'zod';

/** The province service started on its own (`node subgraphs/province/dist/main.js`), with the kit's rules for each variable. */
export const provinceEnvSchema = z.object({
  PORT: envPort(4001),
  HOST: envHost,
  DATABASE_URL: envPostgresUrl,
  EMBEDDED_PG_DIR: envOptionalString,
  EMBEDDED_PG_PORT: envFixedPort(50001),
  DIRECTORY_FILE: envOptionalString,
  PRESET_FILE: envOptionalString,
  /** Folder of the source articles and their index.json. @default the repository's data/sources */
  SOURCES_DIR: envOptionalString,
  /**
   * Deadline of the province's own requests to a zone service (zone reads, lookups by id), like the gateway's variable.
   * Keep it below the gateway's PROVINCE_TIMEOUT_MS, or a hung zone is reported as a failed province.
   */
  ZONE_TIMEOUT_MS: envTimeoutMs(5000),
  /** Required: the keys shared with the gateway and the zone services (`keyId:secret,...`, the first one signs). */
  SERVICE_SIGNING_KEYS: envSigningKeys,
});
