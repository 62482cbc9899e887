import { resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);

export const launcherEnvSchema = z.object({
  /** Gateway port. */
  PORT: port.default(4000),
  /** Interface every service binds to. */
  HOST: z.string().default('127.0.0.1'),
  /** Where the embedded PostgreSQL keeps its data. */
  DATA_DIR: z.string().default(resolve(__dirname, '../../../.data')),
  EMBEDDED_PG_PORT: port.default(54320),
  /** Per-service external databases: <SERVICE>_DATABASE_URL, e.g. ANHUI_DATABASE_URL, PROVINCE_DATABASE_URL. */
  ZONE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
});

export type LauncherConfig = z.infer<typeof launcherEnvSchema>;

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');

/** `<SERVICE>_DATABASE_URL` for a service, validated; undefined when unset. */
export function databaseUrlFromEnv(service: string, env: NodeJS.ProcessEnv): string | undefined {
  const variable = `${service.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`;
  const value = env[variable];
  if (value === undefined || value === '') return undefined;
  const parsed = postgresUrl.safeParse(value);
  if (!parsed.success) throw new Error(`${variable}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}
