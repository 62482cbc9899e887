import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// globalSetup runs outside jest's module registry (no moduleNameMapper): this is the built
// package, which `npm test` builds before jest starts.
import { EmbeddedPostgresServer } from '@devzone/database';
import { findChromium } from '../browser/findChromium';

/** Why some tests will be skipped, for the closing line of `npm test` (scripts/run.mjs reads it). */
export const SKIP_REASONS_FILE = join(__dirname, '../../../../.jest-skip-reasons.json');

function recordSkipReasons(): void {
  const chromium = findChromium();
  rmSync(SKIP_REASONS_FILE, { force: true });
  if (!chromium.found) writeFileSync(SKIP_REASONS_FILE, JSON.stringify({ 'browser tests': chromium.reason }));
}

/**
 * Starts one embedded PostgreSQL server (real binaries from npm) for the whole
 * run; each test file creates its own databases on it. Its admin URL reaches
 * the test files through EMBEDDED_PG_ADMIN_URL.
 */
export default async function globalSetup(): Promise<void> {
  recordSkipReasons();
  const dataDir = join(mkdtempSync(join(tmpdir(), 'devzone-jest-')), 'pg');
  const port = 55000 + Math.floor(Math.random() * 5000);
  const server = new EmbeddedPostgresServer({ dataDir, port });
  await server.start();
  (globalThis as { __EMBEDDED_PG__?: EmbeddedPostgresServer }).__EMBEDDED_PG__ = server;
  process.env.EMBEDDED_PG_ADMIN_URL = server.urlFor('postgres');
}
