import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProvinceApiKeyVerifier, MAX_GRANT_ANSWER_BYTES } from '../provinceApiKeyVerifier';

/** A stand-in province on a free port answering every request with `answer`. */
async function provinceAnswering(answer: (res: ServerResponse, req: IncomingMessage) => void): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(res, req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe('ProvinceApiKeyVerifier', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  it('reads the grant the province answers', async () => {
    const province = await provinceAnswering((res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { apiKeyGrant: { subject: 'key:1', roles: ['ANALYST'], provinces: null, zoneIds: ['chengxi'] } } }));
    });
    server = province.server;
    await expect(new ProvinceApiKeyVerifier({ provinceUrl: province.url }).verify('dzk_x')).resolves.toEqual({
      subject: 'key:1',
      roles: ['ANALYST'],
      provinces: 'ALL',
      zoneIds: ['chengxi'],
    });
  });

  it('refuses an answer larger than MAX_GRANT_ANSWER_BYTES without reading it all', async () => {
    const province = await provinceAnswering((res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { apiKeyGrant: null }, padding: 'x'.repeat(MAX_GRANT_ANSWER_BYTES) }));
    });
    server = province.server;
    await expect(new ProvinceApiKeyVerifier({ provinceUrl: province.url }).verify('dzk_x')).rejects.toThrow(/bytes allowed/);
  });

  it('gives up after its timeoutMs, the answer body included', async () => {
    const province = await provinceAnswering((res) => {
      res.setHeader('content-type', 'application/json');
      res.write('{"data":');
    });
    server = province.server;
    const started = Date.now();
    await expect(new ProvinceApiKeyVerifier({ provinceUrl: province.url, timeoutMs: 200 }).verify('dzk_x')).rejects.toThrow(/timed out after 200 ms/);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
