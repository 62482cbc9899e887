import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeadlineExceededError, withDeadline } from '../../deadline';
import { AnswerTooLargeError, RequestFailedError, UnaskedEncodingError } from '../errors';
import { PooledHttpClient } from '../pooledHttpClient';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface TestServer {
  readonly url: string;
  /** TCP connections accepted so far. */
  connections(): number;
  /** Resolves when the next answer's connection closes before the answer was finished. */
  nextCutAnswer(): Promise<void>;
  close(): Promise<void>;
}

async function serve(handler: Handler): Promise<TestServer> {
  let connections = 0;
  let cut: (() => void) | undefined;
  const server: Server = createServer((req, res) => {
    res.once('close', () => {
      if (!res.writableFinished) cut?.();
    });
    handler(req, res);
  });
  server.on('connection', () => (connections += 1));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    connections: () => connections,
    nextCutAnswer: () => new Promise<void>((resolve) => (cut = resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers the request body back, as JSON. */
const echo: Handler = (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ received: Buffer.concat(chunks).toString('utf8'), principal: req.headers['x-devzone-principal'] ?? null }));
  });
};

describe('PooledHttpClient', () => {
  const client = new PooledHttpClient();
  const servers: TestServer[] = [];
  const start = async (handler: Handler) => {
    const server = await serve(handler);
    servers.push(server);
    return server;
  };

  afterAll(async () => {
    await client.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('sends the body and headers as given, and keeps its connections alive for the requests that follow', async () => {
    const server = await start(echo);
    for (let i = 0; i < 10; i += 1) {
      const answer = await client.request(server.url, { headers: { 'x-devzone-principal': 'p' }, body: `{"n":${i}}`, maxResponseBytes: 1024 });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/json');
      expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ received: `{"n":${i}}`, principal: 'p' });
    }
    // A request sent as the previous answer completes may find its connection not yet released: a second one opens, no more.
    expect(server.connections()).toBeLessThanOrEqual(2);
  });

  it('answers non-2xx statuses with their text and body (the caller decides)', async () => {
    const server = await start((_req, res) => res.writeHead(503, 'Busy', { 'content-type': 'text/plain' }).end('later'));
    const answer = await client.request(server.url, { headers: {}, body: '{}', maxResponseBytes: 1024 });
    expect(answer).toMatchObject({ status: 503, statusText: 'Busy' });
    expect(answer.body.toString('utf8')).toBe('later');
  });

  it('refuses an answer that declares more than the limit before reading it', async () => {
    const server = await start((_req, res) => {
      res.writeHead(200, { 'content-length': String(10_000) });
      res.write('x'.repeat(100));
    });
    const cut = server.nextCutAnswer();
    await expect(client.request(server.url, { headers: {}, body: '{}', maxResponseBytes: 1000 })).rejects.toThrow(
      new AnswerTooLargeError(1000, 'it declared 10000'),
    );
    await cut;
  });

  it('refuses a streamed answer past the limit and cuts its connection, without reading the rest', async () => {
    let written = 0;
    const server = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const writeMore = () => {
        while (!res.destroyed && written < 50 * 1024 * 1024) {
          written += 16 * 1024;
          if (!res.write('x'.repeat(16 * 1024))) return void res.once('drain', writeMore);
        }
        res.end();
      };
      writeMore();
    });
    const cut = server.nextCutAnswer();
    await expect(client.request(server.url, { headers: {}, body: '{}', maxResponseBytes: 64 * 1024 })).rejects.toThrow(
      /^answered more than the 65536 bytes allowed \(refused after \d+ bytes\)$/,
    );
    await cut;
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it("is aborted by its signal with the signal's reason, cutting the connection", async () => {
    const server = await start(() => undefined);
    const cut = server.nextCutAnswer();
    const controller = new AbortController();
    const answer = client.request(server.url, { headers: {}, body: '{}', maxResponseBytes: 1024, signal: controller.signal });
    const reason = new Error('deadline passed');
    setImmediate(() => controller.abort(reason));
    await expect(answer).rejects.toBe(reason);
    await cut;
  });

  it("is aborted at withDeadline's deadline, whose signal it listens to without addEventListener", async () => {
    const server = await start(() => undefined);
    const cut = server.nextCutAnswer();
    const added = jest.spyOn(AbortSignal.prototype, 'addEventListener');
    try {
      const answer = withDeadline(50, (signal) => client.request(server.url, { headers: {}, body: '{}', maxResponseBytes: 1024, signal }));
      await expect(answer).rejects.toBeInstanceOf(DeadlineExceededError);
      await cut;
      expect(added).not.toHaveBeenCalled();
    } finally {
      added.mockRestore();
    }
  });

  it('says "fetch failed" with the cause when nothing answers', async () => {
    const server = await start(echo);
    const url = server.url;
    await server.close();
    const failure: unknown = await client.request(url, { headers: {}, body: '{}', maxResponseBytes: 1024 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RequestFailedError);
    expect(failure).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
  });

  it('refuses an answer in an encoding it did not ask for (it could not count it)', async () => {
    const server = await start((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(Buffer.alloc(10)));
    await expect(client.request(server.url, { headers: {}, body: '{}', maxResponseBytes: 1024 })).rejects.toThrow(UnaskedEncodingError);
  });
});

describe('PooledHttpClient idle pools', () => {
  const servers: TestServer[] = [];
  const clients: PooledHttpClient[] = [];
  const start = async (handler: Handler) => {
    const server = await serve(handler);
    servers.push(server);
    return server;
  };
  const newClient = (idlePoolSweepMs: number) => {
    const client = new PooledHttpClient({ idlePoolSweepMs });
    clients.push(client);
    return client;
  };
  const ask = (client: PooledHttpClient, url: string) => client.request(url, { headers: {}, body: '{}', maxResponseBytes: 1024 });
  const originOf = (url: string) => new URL(url).origin;

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await Promise.all(servers.map((server) => server.close()));
  });

  it('closes a pool no request used since the last sweep, and opens a new one for the next request to its origin', async () => {
    const [used, left] = [await start(echo), await start(echo)];
    const client = newClient(0);
    await ask(client, used.url);
    await ask(client, left.url);
    client.sweepIdlePools();
    await ask(client, used.url);
    client.sweepIdlePools();
    expect(client.origins).toEqual([originOf(used.url)]);

    const answer = await ask(client, left.url);
    expect(answer.status).toBe(200);
    expect(client.origins.sort()).toEqual([originOf(used.url), originOf(left.url)].sort());
    // The closed pool's connection went with it: the request after the sweep opened another.
    expect(left.connections()).toBe(2);
    expect(used.connections()).toBe(1);
  });

  it('keeps a pool while a request is under way, however long, and closes it once idle', async () => {
    let answerNow: (() => void) | undefined;
    const server = await start((_req, res) => {
      answerNow = () => res.end('{}');
    });
    const client = newClient(0);
    const answer = ask(client, server.url);
    await new Promise<void>((resolve) => {
      const check = () => (answerNow ? resolve() : setImmediate(check));
      check();
    });
    client.sweepIdlePools();
    client.sweepIdlePools();
    client.sweepIdlePools();
    expect(client.origins).toEqual([originOf(server.url)]);

    answerNow!();
    expect((await answer).status).toBe(200);
    client.sweepIdlePools();
    client.sweepIdlePools();
    expect(client.origins).toEqual([]);
  });

  it('sweeps on its own every idlePoolSweepMs', async () => {
    const server = await start(echo);
    const client = newClient(30);
    await ask(client, server.url);
    expect(client.origins).toEqual([originOf(server.url)]);
    const deadline = Date.now() + 5000;
    while (client.origins.length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.origins).toEqual([]);
  });
});
