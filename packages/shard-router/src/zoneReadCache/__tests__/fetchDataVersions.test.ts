import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKeys, verifyRequest } from '@devzone/auth';
import { fetchDataVersions } from '../fetchDataVersions';

const keys = generateSigningKeys();
let server: Server;
let url: string;
let answer: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('fetchDataVersions', () => {
  it('posts the zones to <service url>data-versions, signed over the body, and reads the versions', async () => {
    let seen: { path: string | undefined; body: unknown; signed: boolean } | undefined;
    answer = (req, body, res) => {
      seen = { path: req.url, body: JSON.parse(body.toString()), signed: verifyRequest({ keys, headers: req.headers, body, now: Date.now() }).ok };
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"versions":{"feixi":"3","chuzhou":"12"}}');
    };

    const read = await fetchDataVersions(url, ['feixi', 'chuzhou', 'yongkang'], { signingKeys: keys, timeoutMs: 1000 });

    expect(seen).toEqual({ path: '/data-versions', body: { zones: ['feixi', 'chuzhou', 'yongkang'] }, signed: true });
    expect(read).toEqual({
      status: 'answered',
      versions: new Map([
        ['feixi', '3'],
        ['chuzhou', '12'],
      ]),
    });
  });

  it.each<[string, (res: ServerResponse) => void, string]>([
    ['404: no endpoint', (res) => res.writeHead(404).end(), 'unsupported'],
    ['an answer that is not the contract', (res) => res.writeHead(200).end('{"data":null}'), 'unsupported'],
    ['a version that is not a decimal string', (res) => res.writeHead(200).end('{"versions":{"feixi":3}}'), 'unsupported'],
    ['not JSON', (res) => res.writeHead(200).end('<html>'), 'unsupported'],
    ['another status', (res) => res.writeHead(401).end('{}'), 'error'],
  ])('answers %s as failed (%s)', async (_, send, reason) => {
    answer = (_req, _body, res) => send(res);
    expect(await fetchDataVersions(url, ['feixi'], { signingKeys: keys, timeoutMs: 1000 })).toMatchObject({ status: 'failed', reason });
  });

  it('gives up after its deadline', async () => {
    answer = () => undefined;
    expect(await fetchDataVersions(url, ['feixi'], { signingKeys: keys, timeoutMs: 100 })).toMatchObject({ status: 'failed', reason: 'timeout' });
  });

  it('answers a refused connection as failed', async () => {
    expect(await fetchDataVersions('http://127.0.0.1:1/', ['feixi'], { timeoutMs: 1000 })).toMatchObject({ status: 'failed', reason: 'error' });
  });
});
