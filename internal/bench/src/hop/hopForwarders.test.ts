import { Agent, createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo, type Server as NetServer } from 'node:net';
import { decodePrincipal, generateSigningKeys, verifyRequest } from '@devzone/auth';
import { BENCH_PRINCIPAL } from '../sideBySide/httpClient';
import { BACK_KINDS, backTo, FRONT_KINDS, forwarder, type Back } from './hopForwarders';

const keys = generateSigningKeys('hop-test');
const ANSWER = '{ "data": { "_entities": [ { "indicators": [] } ] } }';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  remotePort: number | undefined;
}

function listening(server: NetServer): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`)));
}

const closed = (server: NetServer) => new Promise((resolve) => server.close(resolve));

function post(url: string, body: string, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe.each(FRONT_KINDS.flatMap((front) => BACK_KINDS.map((back) => [front, back] as const)))('the hop forwarder %s → %s', (front, back) => {
  const received: Received[] = [];
  // The answer leaves in two writes, a few milliseconds apart: the forwarder must wait for all of it.
  const upstream: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body, remotePort: req.socket.remotePort });
      res.writeHead(body.includes('fail') ? 500 : 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(ANSWER) });
      res.write(ANSWER.slice(0, 10));
      setTimeout(() => res.end(ANSWER.slice(10)), 5);
    });
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let proxyUrl = '';
  let proxy: NetServer;
  let forwarding: Back;

  beforeAll(async () => {
    const upstreamUrl = await listening(upstream);
    forwarding = backTo(back, upstreamUrl, keys);
    proxy = forwarder(front, forwarding);
    proxyUrl = await listening(proxy);
  });
  afterAll(async () => {
    agent.destroy();
    await forwarding.close();
    await closed(proxy);
    await closed(upstream);
  });

  it('forwards the body as it came, signed for the bench principal, and answers the zone service’s bytes, request after request on one connection', async () => {
    const asked = ['{ "query": "{ _entities { __typename } }",  "variables": { "r": [] } }', '{"query":"{ second }"}'];
    const answers = [await post(proxyUrl, asked[0]!, agent), await post(proxyUrl, asked[1]!, agent)];

    expect(answers).toEqual([
      { status: 200, body: ANSWER },
      { status: 200, body: ANSWER },
    ]);
    const forwarded = received.slice(-2);
    expect(forwarded.map((r) => r.body)).toEqual(asked);
    for (const { headers, body } of forwarded) {
      const verified = verifyRequest({ keys, headers, body });
      expect(verified.ok).toBe(true);
      expect(decodePrincipal(verified.ok ? verified.principalHeader : null)).toEqual(BENCH_PRINCIPAL);
    }
    // Kept alive towards the zone service too.
    expect(forwarded[0]!.remotePort).toBe(forwarded[1]!.remotePort);
  });

  it('passes the zone service’s status on', async () => {
    expect((await post(proxyUrl, '{"query":"fail"}', agent)).status).toBe(500);
  });
});

describe.each(FRONT_KINDS.flatMap((front) => BACK_KINDS.map((back) => [front, back] as const)))(
  'the hop forwarder %s → %s, zone service down',
  (front, back) => {
    it('answers 502 naming the cause', async () => {
      const gone = createServer();
      const goneUrl = await listening(gone);
      await closed(gone);
      const forwarding = backTo(back, goneUrl, keys);
      const proxy = forwarder(front, forwarding);
      const agent = new Agent({ keepAlive: false });
      try {
        const answer = await post(await listening(proxy), '{"query":"{ a }"}', agent);
        expect(answer.status).toBe(502);
        expect(JSON.parse(answer.body)).toEqual({ errors: [{ message: expect.stringMatching(/^forwarding failed: .*(ECONNREFUSED|closed)/) }] });
      } finally {
        agent.destroy();
        await forwarding.close();
        await closed(proxy);
      }
    });
  },
);

describe('the raw-socket front', () => {
  it('waits for a request written in pieces, then answers it', async () => {
    const upstream = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('{"data":{}}'));
    });
    const forwarding = backTo('undici', await listening(upstream), keys);
    const proxy = forwarder('raw-socket', forwarding);
    const { port } = new URL(await listening(proxy));
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1');
        let text = '';
        socket.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.endsWith('{"data":{}}')) {
            socket.destroy();
            resolve(text);
          }
        });
        socket.on('error', reject);
        socket.write('POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-le');
        setTimeout(() => socket.write('ngth: 12\r\n\r\n{"query":'), 5);
        setTimeout(() => socket.write('"a"}'), 10);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*content-length: 11\r\n\r\n\{"data":\{\}\}$/);
    } finally {
      await forwarding.close();
      await closed(proxy);
      await closed(upstream);
    }
  });
});
