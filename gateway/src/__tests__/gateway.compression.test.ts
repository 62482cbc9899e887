import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { issueToken, type JwtSigningKey } from '@devzone/auth';
import { MutableZoneServiceRegistry } from '@devzone/registry';
import { pino } from 'pino';
import { silentLogger } from '../logger';
import { startGateway, type RunningGateway } from '../main';
import { startProvinceService, type TestProvinceService } from './fixtures/provinceService';
import { startZoneService, type TestZoneService } from './fixtures/zoneService';

/** Answers of 1 KiB or more are compressed for clients that accept it (GATEWAY_COMPRESSION, on by default). */
describe('answer compression', () => {
  const key: JwtSigningKey = { kid: 'compression-test', secret: new Uint8Array(randomBytes(32)) };
  let province: TestProvinceService;
  let anhui: TestZoneService;
  let compressing: RunningGateway;
  let plain: RunningGateway;
  let token: string;

  const start = (compression: boolean) =>
    startGateway({
      port: 0,
      provinceUrl: province.url,
      registry: new MutableZoneServiceRegistry([anhui.entry()]),
      logger: silentLogger,
      errorLog: pino({ level: 'silent' }),
      auth: { jwtKeys: [key] },
      rateLimit: false,
      httpPath: { compression },
    });

  beforeAll(async () => {
    province = await startProvinceService();
    anhui = await startZoneService({ name: 'anhui', zoneIds: ['chuzhou', 'feixi'] });
    [compressing, plain] = await Promise.all([start(true), start(false)]);
    token = await issueToken({
      key,
      issuer: 'devzone',
      audience: 'devzone-graph',
      subject: 'analyst',
      grant: { roles: ['ANALYST'], provinces: 'ALL', zoneIds: [] },
      ttlSeconds: 600,
    });
  });

  afterAll(async () => {
    await Promise.all([compressing?.stop(), plain?.stop()]);
    await Promise.all([province?.stop(), anhui?.stop()]);
  });

  /** The raw answer (node:http does not decompress): its encoding header and bytes. */
  const post = (url: string, query: string) =>
    new Promise<{ encoding: string | undefined; etag: string | undefined; body: Buffer }>((resolve, reject) => {
      const req = request(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip', authorization: `Bearer ${token}` } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], etag: res.headers.etag, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ query }));
    });

  // Introspection answers several KiB; one zone's id a few bytes.
  const LARGE = '{ __schema { types { name fields { name } } } }';
  const SMALL = '{ zones { id } }';

  it('gzips a large answer for a client that accepts gzip', async () => {
    const { encoding, body } = await post(compressing.url, LARGE);
    expect(encoding).toBe('gzip');
    const json = JSON.parse(gunzipSync(body).toString('utf8')) as { data?: { __schema: { types: unknown[] } } };
    expect(json.data?.__schema.types.length).toBeGreaterThan(10);
    expect(body.length).toBeLessThan(gunzipSync(body).length / 2);
  });

  it('sends small answers, and every answer with GATEWAY_COMPRESSION=false, as they are', async () => {
    const small = await post(compressing.url, SMALL);
    expect(small.encoding).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8'))).toEqual({ data: { zones: [{ id: 'chuzhou' }, { id: 'chengxi' }, { id: 'feixi' }, { id: 'jinjiang' }] } });
    const large = await post(plain.url, LARGE);
    expect(large.encoding).toBeUndefined();
    expect(large.body.length).toBeGreaterThan(1024);
  });

  it('sends no ETag with a GraphQL answer, compressed or not: nothing revalidates one, and hashing each body costs CPU', async () => {
    const answers = await Promise.all([post(compressing.url, LARGE), post(compressing.url, SMALL), post(plain.url, LARGE)]);
    expect(answers.map((answer) => answer.etag)).toEqual([undefined, undefined, undefined]);
  });
});
