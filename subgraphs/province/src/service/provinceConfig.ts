import { z } from 'zod';

export const provinceEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  EMBEDDED_PG_DIR: z.string().optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(50001),
  GATEWAY_URL: z.url().default('http://localhost:4000/graphql'),
  DIRECTORY_FILE: z.string().optional(),
  PRESET_FILE: z.string().optional(),
  /** Folder of the source articles and their index.json. @default the repository's data/sources */
  SOURCES_DIR: z.string().optional(),
});
