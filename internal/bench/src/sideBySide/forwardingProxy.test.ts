import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodePrincipal, generateSigningKeys, verifyRequest } from '@devzone/auth';
import { forwarderTo, forwardingServer } from './forwardingProxyMain';
import { BENCH_PRINCIPAL } from './httpClient';

const keys = generateSigningKeys('bench-test');

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

function listening(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`)));
}

function post(url: string, body: string, method = 'POST'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? body : undefined);
  });
}

describe('the forwarding proxy (the side-by-side floor)', () => {
  const received: Received[] = [];
  const upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{ "data": { "_entities": [ { "indicators": [] } ] } }');
    });
  });
  let upstreamUrl = '';
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    upstreamUrl = await listening(upstream);
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  async function proxyTo(url: string): Promise<string> {
    const forwarder = forwarderTo(url, keys);
    const server = forwardingServer(forwarder.forward);
    const proxyUrl = await listening(server);
    closers.push(async () => {
      await new Promise((resolve) => server.close(resolve));
      await forwarder.close();
    });
    return proxyUrl;
  }

  it('forwards the request signed for the bench principal and answers the zone service’s data', async () => {
    const proxyUrl = await proxyTo(upstreamUrl);
    const asked = '{ "query": "{ _entities(representations: $r) { __typename } }",  "variables": { "r": [] } }';
    const answer = await post(proxyUrl, asked);

    expect(answer).toEqual({ status: 200, body: '{"data":{"_entities":[{"indicators":[]}]}}' });
    const [forwarded] = received.slice(-1);
    // Parsed and serialised again, as a gateway builds its own request.
    expect(forwarded!.body).toBe(JSON.stringify(JSON.parse(asked)));
    const verified = verifyRequest({ keys, headers: forwarded!.headers, body: forwarded!.body });
    expect(verified.ok).toBe(true);
    expect(decodePrincipal(verified.ok ? verified.principalHeader : null)).toEqual(BENCH_PRINCIPAL);
  });

  it('answers 502 naming the cause when the zone service cannot be reached, and 405 to anything but a POST', async () => {
    const closed = createServer();
    const closedUrl = await listening(closed);
    await new Promise((resolve) => closed.close(resolve));
    const proxyUrl = await proxyTo(closedUrl);

    const unreachable = await post(proxyUrl, '{"query":"{ __typename }"}');
    expect(unreachable.status).toBe(502);
    expect(JSON.parse(unreachable.body)).toEqual({ errors: [{ message: expect.stringMatching(/^forwarding failed: .*ECONNREFUSED/) }] });
    expect((await post(proxyUrl, '', 'GET')).status).toBe(405);
  });

  it('answers 502 to a body that is not JSON, without forwarding it', async () => {
    const proxyUrl = await proxyTo(upstreamUrl);
    const before = received.length;
    const answer = await post(proxyUrl, 'not json');
    expect(answer.status).toBe(502);
    expect(answer.body).toContain('forwarding failed');
    expect(received).toHaveLength(before);
  });
});
