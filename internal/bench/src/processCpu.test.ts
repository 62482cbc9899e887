import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { processCpuMs, processTreeCpuMs } from './processCpu';

const onLinux = existsSync('/proc/self/stat');

(onLinux ? describe : describe.skip)('processCpuMs, processTreeCpuMs (Linux /proc)', () => {
  it('counts CPU time this process spends', () => {
    const before = processCpuMs(process.pid)!;
    const until = Date.now() + 300;
    while (Date.now() < until);
    expect(processCpuMs(process.pid)! - before).toBeGreaterThanOrEqual(150);
  });

  it('counts a grandchild that is busy now in its grandparent tree', async () => {
    const busy = 'const u = Date.now() + 1500; while (Date.now() < u);';
    // A child that only waits, running a busy grandchild, as the database process runs PostgreSQL's server.
    const child = spawn(process.execPath, [
      '-e',
      `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(busy)}], { stdio: 'inherit' }).on('exit', () => process.exit())`,
    ]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(processTreeCpuMs(child.pid!)! - processCpuMs(child.pid!)!).toBeGreaterThan(100);
      expect(processTreeCpuMs(process.pid)!).toBeGreaterThanOrEqual(processTreeCpuMs(child.pid!)!);
    } finally {
      child.kill();
    }
  });

  it('answers undefined for a process that does not exist', () => {
    expect(processCpuMs(2 ** 30)).toBeUndefined();
    expect(processTreeCpuMs(2 ** 30)).toBeUndefined();
  });
});
