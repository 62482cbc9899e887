import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { freePort } from './freePort';

function ephemeralStart(): number | undefined {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  } catch {
    return undefined;
  }
}

function listenOn(port: number): Promise<() => Promise<void>> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(() => new Promise((closed) => server.close(() => closed()))));
  });
}

describe('freePort', () => {
  it('gives distinct ports a server can listen on, below the ephemeral range where the kernel says where it starts', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    const start = ephemeralStart();
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(start !== undefined ? 10_000 : 1);
      if (start !== undefined) expect(port).toBeLessThan(start);
    }
    const closes = await Promise.all([...new Set(ports)].map(listenOn));
    await Promise.all(closes.map((close) => close()));
  });
});
