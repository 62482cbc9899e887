import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface ProxyState {
  delayMs: number;
  requests: number;
}

/**
 * A tiny loopback HTTP proxy that holds every request `delayMs` before
 * forwarding it to `target`: a zone service that answers slowly, without
 * touching the service. `delayMs` can be changed between measurements.
 */
export class DelayProxy {
  private constructor(
    /** Where clients (the gateway's registry) send requests. */
    readonly url: string,
    private readonly server: Server,
    private readonly agent: Agent,
    private readonly state: ProxyState,
  ) {}

  static async start(targetUrl: string, delayMs = 0): Promise<DelayProxy> {
    const target = new URL(targetUrl);
    if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') throw new Error(`delay proxy forwards to loopback only, not ${targetUrl}`);
    const state: ProxyState = { delayMs, requests: 0 };
    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    const server = createServer((req, res) => {
      state.requests += 1;
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        setTimeout(() => forward(target, agent, req, body, res), state.delayMs);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new DelayProxy(`http://127.0.0.1:${port}${target.pathname}`, server, agent, state);
  }

  get delayMs(): number {
    return this.state.delayMs;
  }

  set delayMs(value: number) {
    this.state.delayMs = value;
  }

  /** Requests received since start. */
  get requests(): number {
    return this.state.requests;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      this.agent.destroy();
    });
  }
}

function forward(target: URL, agent: Agent, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
  const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
  const upstream = request(
    { protocol: target.protocol, hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`delay proxy: ${error.message}`);
  });
  upstream.end(body);
}
