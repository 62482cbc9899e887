import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import express, { type ErrorRequestHandler } from 'express';
import { jsonBody } from '../jsonBody';

/** An app that answers what `jsonBody` left in `req.body`, or the error it passed on (status, type). */
function appWith(limitBytes: number) {
  const app = express();
  app.post('/', jsonBody({ limitBytes }), (req, res) => {
    res.json({ body: req.body as unknown });
  });
  const onError: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, _next) => {
    res.status(error.status ?? 500).json({ error: error.type });
  };
  app.use(onError);
  return app;
}

describe('jsonBody', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer(appWith(64));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends `body` as is, with these headers (no content-length unless given: then it is chunked). */
  function send(body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; json: unknown }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }
  const sized = (body: string, type = 'application/json') => send(body, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) });

  it.each([
    ['an object', '{"query":"{ zones { id } }"}', { query: '{ zones { id } }' }],
    ['an array', '[1,2]', [1, 2]],
    ['an empty body', '', {}],
    ['a body after a byte-order mark', '\uFEFF{"a":1}', { a: 1 }],
    ['UTF-8 text', '{"name":"永康"}', { name: '永康' }],
  ])('reads %s', async (_name, body, parsed) => {
    expect(await sized(body)).toEqual({ status: 200, json: { body: parsed } });
  });

  it('reads a charset=utf-8 body, and leaves other types unread as express.json does', async () => {
    expect(await sized('{"a":1}', 'application/json; charset=UTF-8')).toEqual({ status: 200, json: { body: { a: 1 } } });
    expect(await sized('{"a":1}', 'text/plain')).toEqual({ status: 200, json: {} });
  });

  it.each([
    ['JSON that is not an object or an array', '"text"'],
    ['malformed JSON', '{"a":'],
  ])('refuses %s as body-parser does (entity.parse.failed)', async (_name, body) => {
    expect(await sized(body)).toEqual({ status: 400, json: { error: 'entity.parse.failed' } });
  });

  it('refuses a declared length over the limit without reading it (entity.too.large)', async () => {
    expect(await sized(`{"a":"${'x'.repeat(100)}"}`)).toEqual({ status: 413, json: { error: 'entity.too.large' } });
  });

  it('hands chunked and compressed bodies to express.json, with the same limit', async () => {
    expect(await send('{"a":1}', { 'content-type': 'application/json' })).toEqual({ status: 200, json: { body: { a: 1 } } });
    const gzipped = gzipSync('{"b":2}');
    expect(await send(gzipped, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(gzipped.length) })).toEqual({
      status: 200,
      json: { body: { b: 2 } },
    });
    expect(await send(`{"a":"${'x'.repeat(100)}"}`, { 'content-type': 'application/json' })).toEqual({ status: 413, json: { error: 'entity.too.large' } });
  });
});
