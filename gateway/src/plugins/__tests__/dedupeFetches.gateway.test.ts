import { randomBytes } from 'node:crypto';
import { issueToken, type JwtSigningKey } from '@devzone/auth';
import { pino } from 'pino';
import { MutableZoneServiceRegistry } from '@devzone/registry';
import { startProvinceService, type TestProvinceService } from '../../__tests__/fixtures/provinceService';
import { startZoneService, type TestZoneService } from '../../__tests__/fixtures/zoneService';
import { silentLogger } from '../../logger';
import { startGateway, type RunningGateway } from '../../main';

/**
 * Through the gateway over HTTP: identical client requests in flight together share their
 * subgraph fetches when they come from the same principal, never otherwise (the zones
 * subgraph only with the zone-read cache off: with it on, the cache shares misses). The zone
 * service answers after a delay, so that the second request arrives while the first one's
 * fetch is in flight.
 */
describe('in-flight deduplication across requests, through the gateway', () => {
  const key: JwtSigningKey = { kid: 'dedup-test', secret: new Uint8Array(randomBytes(32)) };
  let province: TestProvinceService;
  let jiangsu: TestZoneService;
  let gateway: RunningGateway;
  let undeduplicated: RunningGateway;
  let cached: RunningGateway;

  const tokenFor = (subject: string) =>
    issueToken({ key, issuer: 'devzone', audience: 'devzone-graph', subject, grant: { roles: ['ANALYST'], provinces: 'ALL', zoneIds: [] }, ttlSeconds: 600 });

  /** The zone-read cache is read from the environment: off here, where the zones subgraph keeps the cross-request dedup. */
  const start = async (dedupInFlight: boolean, zoneReadCache: 'on' | 'off' = 'off') => {
    const previous = process.env.ZONE_READ_CACHE;
    process.env.ZONE_READ_CACHE = zoneReadCache;
    try {
      return await startGatewayWith(dedupInFlight);
    } finally {
      if (previous === undefined) delete process.env.ZONE_READ_CACHE;
      else process.env.ZONE_READ_CACHE = previous;
    }
  };
  const startGatewayWith = (dedupInFlight: boolean) =>
    startGateway({
      port: 0,
      provinceUrl: province.url,
      registry: new MutableZoneServiceRegistry([jiangsu.entry()]),
      logger: silentLogger,
      errorLog: pino({ level: 'silent' }),
      auth: { jwtKeys: [key] },
      rateLimit: false,
      httpPath: { dedupInFlight },
    });

  beforeAll(async () => {
    province = await startProvinceService();
    jiangsu = await startZoneService({ name: 'jiangsu', zoneIds: ['chengxi'] });
    gateway = await start(true);
    undeduplicated = await start(false);
    cached = await start(true, 'on');
  });

  afterAll(async () => {
    await gateway?.stop();
    await undeduplicated?.stop();
    await cached?.stop();
    await Promise.all([province?.stop(), jiangsu?.stop()]);
  });

  beforeEach(() => {
    jiangsu.reset();
    jiangsu.behave({ kind: 'slow', delayMs: 1500 });
  });

  const ask = async (url: string, token: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ enterprises(ids: ["chengxi:e1"]) { name servedBy } }' }),
    });
    return (await response.json()) as unknown;
  };
  const answer = { data: { enterprises: [{ name: 'Enterprise e1 of chengxi', servedBy: 'jiangsu' }] } };

  it('sends one fetch for two identical requests of the same principal', async () => {
    const token = await tokenFor('analyst-a');
    expect(await Promise.all([ask(gateway.url, token), ask(gateway.url, await tokenFor('analyst-a'))])).toEqual([answer, answer]);
    expect(jiangsu.entityRequests()).toHaveLength(1);
  });

  it('sends one fetch per principal when the principals differ', async () => {
    expect(await Promise.all([ask(gateway.url, await tokenFor('analyst-a')), ask(gateway.url, await tokenFor('analyst-b'))])).toEqual([answer, answer]);
    expect(jiangsu.entityRequests()).toHaveLength(2);
  });

  it('sends one zones fetch per request with the zone-read cache on (it shares misses itself, by zone version; this service has none)', async () => {
    const token = await tokenFor('analyst-a');
    expect(await Promise.all([ask(cached.url, token), ask(cached.url, token)])).toEqual([answer, answer]);
    expect(jiangsu.entityRequests()).toHaveLength(2);
  });

  it('sends one fetch per request with GATEWAY_DEDUP_INFLIGHT=false', async () => {
    const token = await tokenFor('analyst-a');
    expect(await Promise.all([ask(undeduplicated.url, token), ask(undeduplicated.url, token)])).toEqual([answer, answer]);
    expect(jiangsu.entityRequests()).toHaveLength(2);
  });
});
