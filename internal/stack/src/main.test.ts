import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { missingNodeFlagsHint, SERVICE_NODE_FLAGS } from '@devzone/service-shell';

const run = promisify(execFile);
const LAUNCHER = join(__dirname, '..', 'dist', 'main.js');

describe('npm start (the launcher)', () => {
  it.each([
    ['EMBEDDED_PG_PORT', 'abc'],
    ['EMBEDDED_PG_PORT', '70000'],
  ])('refuses %s=%s in one line naming the variable, before it creates anything', async (variable, value) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'devzone-launcher-'));
    try {
      const failed = await run(process.execPath, [...SERVICE_NODE_FLAGS, LAUNCHER], {
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', DATA_DIR: dataDir, [variable]: value },
      }).then(
        () => undefined,
        (error: { code?: number; stdout?: string; stderr?: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr?.trim()).toMatch(new RegExp(`^Could not start the system: environment is invalid: ${variable}: [^\\n]+$`));
      expect(failed?.stdout).toBe('');
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("started without the services' node options (as `node internal/stack/dist/main.js`), says how to start it", async () => {
    const failed = await run(process.execPath, [LAUNCHER], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', EMBEDDED_PG_PORT: 'abc' },
    }).then(
      () => undefined,
      (error: { stdout?: string }) => error,
    );
    expect(failed?.stdout?.trim()).toBe(missingNodeFlagsHint('The system', 'internal/stack/dist/main.js (npm start does)', []));
  });
});
