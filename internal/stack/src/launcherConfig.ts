import { resolve } from 'node:path';
import { blankAsUnset, envFixedPort, envHost, envPostgresUrl, envTimeoutMs, parseEnvironment } from '@devzone/service-shell';
import { z } from 'zod';

/** `npm start`'s environment, with the rules every service applies. */
export const launcherEnvSchema = z.object({
  /** Gateway port only: the province listens on 4001 and each zone service on its usual port (4011 … 4014), whatever PORT is. */
  PORT: envFixedPort(4000),
  /** Interface every service binds to. */
  HOST: envHost,
  /** Where the embedded PostgreSQL keeps its data. */
  DATA_DIR: z.preprocess(blankAsUnset, z.string().default(resolve(__dirname, '../../../.data'))),
  EMBEDDED_PG_PORT: envFixedPort(54320),
  ZONE_TIMEOUT_MS: envTimeoutMs(5000),
});

export type LauncherConfig = z.infer<typeof launcherEnvSchema>;

/** `<SERVICE>_DATABASE_URL` for a service (e.g. ANHUI_DATABASE_URL, PROVINCE_DATABASE_URL), validated; undefined when unset. */
export function databaseUrlFromEnv(service: string, env: NodeJS.ProcessEnv): string | undefined {
  const variable = `${service.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`;
  return parseEnvironment(z.object({ [variable]: envPostgresUrl }), env)[variable];
}
