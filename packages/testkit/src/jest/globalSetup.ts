import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// globalSetup runs outside jest's module registry (no moduleNameMapper): import the source.
import { EmbeddedPostgresServer } from '../../../database/src/embeddedServer';

/**
 * Starts one embedded PostgreSQL server (real binaries from npm) for the whole
 * run; each test file creates its own databases on it. Its admin URL reaches
 * the test files through EMBEDDED_PG_ADMIN_URL.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'devzone-jest-')), 'pg');
  const port = 55000 + Math.floor(Math.random() * 5000);
  const server = new EmbeddedPostgresServer({ dataDir, port });
  await server.start();
  (globalThis as { __EMBEDDED_PG__?: EmbeddedPostgresServer }).__EMBEDDED_PG__ = server;
  process.env.EMBEDDED_PG_ADMIN_URL = server.urlFor('postgres');
}
