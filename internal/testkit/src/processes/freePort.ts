import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The lowest port handed out below the ephemeral range: the project's defaults (4000-4014) and the system's stay clear. */
const LOWEST_PORT = 10_000;
/** Random ports tried below the ephemeral range before the OS is asked to pick one. */
const ATTEMPTS = 20;

/**
 * A TCP port nobody listens on right now on 127.0.0.1, chosen below the kernel's ephemeral range
 * when it can be: a port from that range (what `listen(0)` gives) may be taken by any outgoing
 * connection before the process it is meant for binds it, as a test starting a stack while others
 * connect saw (EADDRINUSE). Outgoing connections never take a port below the range.
 */
export async function freePort(): Promise<number> {
  const below = ephemeralRangeStart();
  if (below !== undefined && below - LOWEST_PORT > 1000) {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const port = LOWEST_PORT + Math.floor(Math.random() * (below - LOWEST_PORT));
      if (await listens(port)) return port;
    }
  }
  return listens(0);
}

/** The first port of Linux's ephemeral range; undefined elsewhere. */
function ephemeralRangeStart(): number | undefined {
  try {
    const start = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(start) && start > 0 ? start : undefined;
  } catch {
    return undefined;
  }
}

/** Listens on `port` (0: one the OS picks) on 127.0.0.1 and closes again: the port it got, or 0 when that port cannot be had. */
function listens(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    // A chosen port that cannot be had (taken, not allowed) is one to pass over; the OS's own pick failing is an error.
    server.once('error', (error) => (port !== 0 ? resolve(0) : reject(error)));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const got = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (got > 0 ? resolve(got) : reject(new Error('the OS gave no port'))));
    });
  });
}
