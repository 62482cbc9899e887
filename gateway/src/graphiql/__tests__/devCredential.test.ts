import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import express from 'express';
import { graphiqlRouter } from '../graphiqlRouter';

const CREDENTIAL = `ApiKey dzk_0123456789abcdef_${'a'.repeat(64)}`;

async function serve(host: string): Promise<{ server: Server; port: number }> {
  const app = express();
  app.use(graphiqlRouter({ devCredential: CREDENTIAL }));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** fetch cannot set Host: a raw request, as a page on a rebound DNS name would send it. */
function pageWithHost(port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers: { host, accept: 'text/html' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

const page = async (url: string, headers: Record<string, string> = {}) => (await fetch(url, { headers: { accept: 'text/html', ...headers } })).text();

describe('GraphiQL and the development credential', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => ({ server, port } = await serve('0.0.0.0')));
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends it from a page requested directly on this machine, never cached', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain(CREDENTIAL);
    expect(html).toContain('headers: { Authorization:');
    expect(await page(`http://localhost:${port}/graphql`)).toContain(CREDENTIAL);
  });

  it('leaves it out behind a proxy, for a foreign Host (DNS rebinding) and for another machine', async () => {
    expect(await page(`http://127.0.0.1:${port}/`, { 'x-forwarded-for': '203.0.113.7' })).not.toContain(CREDENTIAL);
    expect(await page(`http://127.0.0.1:${port}/`, { forwarded: 'for=203.0.113.7' })).not.toContain(CREDENTIAL);
    expect(await pageWithHost(port, `evil.example:${port}`)).not.toContain(CREDENTIAL);
    expect(await pageWithHost(port, `localhost:${port}`)).toContain(CREDENTIAL);
    // A request to the machine's own non-loopback address comes from that address, as another machine's would.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (external) {
      const html = await page(`http://${external.address}:${port}/`);
      expect(html).toContain('GraphiQL');
      expect(html).not.toContain(CREDENTIAL);
    }
  });

  it('is never in the page of a gateway started without one', async () => {
    const plain = express();
    plain.use(graphiqlRouter());
    const other = createServer(plain);
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const html = await page(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    await new Promise<void>((resolve) => other.close(() => resolve()));
    expect(html).not.toContain('Authorization');
  });
});
