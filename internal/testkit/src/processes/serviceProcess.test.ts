import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS } from '@devzone/service-shell';
import { startServiceProcess } from './serviceProcess';

describe('startServiceProcess', () => {
  it("runs the script with the services' node options, as the image, compose and Kubernetes do", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'devzone-service-process-'));
    const script = join(dir, 'main.js');
    writeFileSync(script, "console.log('Test service ready at http://127.0.0.1:1/'); setInterval(() => undefined, 1000);\n");
    const service = await startServiceProcess({ name: 'test service', script, env: {} });
    try {
      const commandLine = readFileSync(`/proc/${service.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(commandLine.slice(1)).toEqual([...SERVICE_NODE_FLAGS, script]);
      expect(service.url).toBe('http://127.0.0.1:1/');
    } finally {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
