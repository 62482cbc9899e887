import type { GraphQLFormattedError } from 'graphql';
import { startTestEnvironment, type GraphQLResponseBody, type TestEnvironment } from './fixtures/testEnvironment';
import { IMPOSTOR } from './fixtures/zoneService';

interface ZonesData {
  zones: { id: string; name: string; servedBy: string | null }[];
}

interface ReadyBody {
  status: string;
  reasons: string[];
  supergraph: string;
  services: { name: string; kind: string; state: string; consecutiveFailures: number; lastSuccessAt: string | null; lastFailureAt: string | null }[];
}

const ZONES_QUERY = '{ zones { id name servedBy } }';

/** Goes province → zones → province → zones → province → zones: chengxi (jiangsu) is asked in the 2nd and 3rd zone fetches. */
const BACK_AND_FORTH = `{ enterprises(ids: ["chuzhou:e1"]) { zone { neighbours { id servedBy enterprises { zone { neighbours { id servedBy } } } } } } }`;

async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await call();
  return { result, ms: Date.now() - started };
}

async function ready(env: TestEnvironment): Promise<{ status: number; body: ReadyBody }> {
  const response = await fetch(new URL('/ready', env.gateway.url));
  return { status: response.status, body: (await response.json()) as ReadyBody };
}

const stateOf = (body: ReadyBody, name: string) => body.services.find((service) => service.name === name)?.state;
const chengxiErrors = (result: GraphQLResponseBody<unknown>): GraphQLFormattedError[] =>
  (result.errors ?? []).filter((error) => error.extensions?.zoneId === 'chengxi');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a hung zone service', () => {
  const DEADLINE_MS = 1000;
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment({ timeoutMs: DEADLINE_MS, requestTimeoutMs: 10_000, breakerFailureThreshold: 2, breakerCoolDownMs: 600 });
  });
  afterAll(() => env.stop());

  it('costs its deadline once per request, not once per fetch that reaches it', async () => {
    env.zones.jiangsu!.behave({ kind: 'hang' });

    const { result, ms } = await timed(() => env.query(BACK_AND_FORTH));

    // Asked once; the later fetch of the same request failed without being sent.
    expect(env.zones.jiangsu!.entityRequests()).toHaveLength(1);
    const messages = chengxiErrors(result).map((error) => error.message);
    expect(messages).toContain(`Zone "chengxi" (service "jiangsu") is unavailable: timed out after ${DEADLINE_MS} ms`);
    expect(messages).toContain(`Zone "chengxi" (service "jiangsu") is unavailable: failed earlier in this request: timed out after ${DEADLINE_MS} ms`);
    expect(ms).toBeLessThan(2 * DEADLINE_MS);
  });

  it('then costs ~0 ms: its breaker opens and refuses without asking it, named OPEN', async () => {
    await env.query(ZONES_QUERY);
    env.resetZones();
    env.zones.jiangsu!.behave({ kind: 'hang' });

    const { result, ms } = await timed(() => env.query<ZonesData>(ZONES_QUERY));

    expect(env.zones.jiangsu!.entityRequests()).toHaveLength(0);
    expect(result.data?.zones.map((zone) => zone.servedBy)).toEqual(['anhui', null, 'anhui', 'fujian']);
    expect(chengxiErrors(result)).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Zone "chengxi" \(service "jiangsu"\) is unavailable: its circuit breaker is open after 2 consecutive failures/),
        extensions: expect.objectContaining({ code: 'ZONE_UNAVAILABLE', zoneId: 'chengxi', service: 'jiangsu', breaker: 'OPEN' }),
      }),
    ]);
    expect(ms).toBeLessThan(DEADLINE_MS / 2);
    const { status, body } = await ready(env);
    expect(status).toBe(200);
    expect(stateOf(body, 'jiangsu')).toBe('open');
    expect(stateOf(body, 'anhui')).toBe('up');
  });

  it('is used again, without restarting the gateway, once it answers: the probe closes the breaker', async () => {
    env.resetZones();
    await sleep(700);

    const result = await env.query<ZonesData>(ZONES_QUERY);

    expect(result.errors).toBeUndefined();
    expect(result.data?.zones.map((zone) => zone.servedBy)).toEqual(['anhui', 'jiangsu', 'anhui', 'fujian']);
    const jiangsu = (await ready(env)).body.services.find((service) => service.name === 'jiangsu');
    // Recent failures keep it degraded for a while, with no failure since its last success.
    expect(jiangsu).toMatchObject({ state: 'degraded', consecutiveFailures: 0, lastSuccessAt: expect.any(String) });
  });
});

describe('a hung province service', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment({ requestTimeoutMs: 2000, provinceTimeoutMs: 30_000, breakerFailureThreshold: 1, breakerCoolDownMs: 500 });
  });
  afterAll(() => env.stop());

  it('is answered within the request deadline with an error naming it, and makes the gateway unready', async () => {
    env.province.behave('hang');

    const { result, ms } = await timed(() => env.query<ZonesData>(ZONES_QUERY));

    expect(ms).toBeLessThan(2000 + 1000);
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        // What was left of the request's 2000 ms when the province was asked: 2000, or a millisecond less.
        message: expect.stringMatching(/^Service "province" is unavailable: timed out after (2000|199\d) ms \(the request deadline of 2000 ms\)$/),
        extensions: expect.objectContaining({ code: 'ZONE_UNAVAILABLE', service: 'province' }),
      }),
    ]);
    const { status, body } = await ready(env);
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'not ready', reasons: ['the province service is open'], supergraph: 'composed' });
  });

  it('recovers once it answers again', async () => {
    env.province.behave('normal');
    await sleep(600);

    const result = await env.query<ZonesData>(ZONES_QUERY);

    expect(result.errors).toBeUndefined();
    expect(result.data?.zones).toHaveLength(4);
    expect((await ready(env)).status).toBe(200);
  });
});

describe('a zone answer is checked before it is used', () => {
  const LIMIT = 1024 * 1024;
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment({ maxResponseBytes: LIMIT });
  });
  afterAll(() => env.stop());
  beforeEach(() => env.resetZones());

  it('refuses a zone that answers entities with other ids: the wrong values never reach the client', async () => {
    env.zones.jiangsu!.behave({ kind: 'wrong-id' });

    const result = await env.query<ZonesData>(ZONES_QUERY);

    expect(JSON.stringify(result)).not.toContain(IMPOSTOR);
    expect(result.data?.zones.map((zone) => zone.servedBy)).toEqual(['anhui', null, 'anhui', 'fujian']);
    expect(chengxiErrors(result).map((error) => error.message)).toEqual([
      'Zone "chengxi" (service "jiangsu") is unavailable: answered an entity with another id (asked "chengxi", got "chengxi-impostor")',
    ]);
  });

  it('refuses a 50 MB answer past the size limit without reading it whole', async () => {
    const jiangsu = env.zones.jiangsu!;
    jiangsu.behave({ kind: 'huge', bytes: 50 * 1024 * 1024 });

    const result = await env.query<ZonesData>(ZONES_QUERY);

    expect(result.data?.zones.map((zone) => zone.servedBy)).toEqual(['anhui', null, 'anhui', 'fujian']);
    expect(chengxiErrors(result).map((error) => error.message)).toEqual([
      expect.stringMatching(new RegExp(`^Zone "chengxi" \\(service "jiangsu"\\) is unavailable: answered more than the ${LIMIT} bytes allowed`)),
    ]);
    // The gateway hung up: the service got far less than the 50 MB out.
    for (let i = 0; i < 50 && jiangsu.hugeBytesSent() === 0; i++) await sleep(20);
    expect(jiangsu.hugeBytesSent()).toBeGreaterThan(LIMIT);
    expect(jiangsu.hugeBytesSent()).toBeLessThan(16 * LIMIT);
  });
});
