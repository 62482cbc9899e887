import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmbeddedPostgresServer } from '@devzone/database';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __EMBEDDED_PG__?: EmbeddedPostgresServer }).__EMBEDDED_PG__;
  if (!server) return;
  await server.stop();
  rmSync(dirname(server.dataDir), { recursive: true, force: true });
}
