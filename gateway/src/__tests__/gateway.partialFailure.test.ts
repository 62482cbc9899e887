import type { GraphQLFormattedError } from 'graphql';
import { startTestEnvironment, type TestEnvironment } from './fixtures/testEnvironment';
import type { ZoneServiceBehaviour } from './fixtures/zoneService';

interface ZonesData {
  zones: { id: string; name: string; servedBy: string | null; enterprises: { id: string }[] | null }[];
}

const ZONES_QUERY = `{ zones { id name servedBy enterprises { id } } }`;
const TIMEOUT_MS = 500;

/** Jiangsu (zone chengxi, listed second) is the failing service in every case. */
function expectOnlyChengxiLost(result: { data?: ZonesData | null; errors?: readonly GraphQLFormattedError[] }, reason: RegExp) {
  expect(result.data?.zones).toEqual([
    { id: 'chuzhou', name: 'Chuzhou ETDZ', servedBy: 'anhui', enterprises: [{ id: 'chuzhou:e1' }, { id: 'chuzhou:e2' }] },
    // Directory facts come from the province; what the zone contributes is null.
    { id: 'chengxi', name: 'Chengxi New Area', servedBy: null, enterprises: null },
    { id: 'feixi', name: 'Feixi ETDZ', servedBy: 'anhui', enterprises: [{ id: 'feixi:e1' }, { id: 'feixi:e2' }] },
    { id: 'jinjiang', name: 'Jinjiang ETDZ', servedBy: 'fujian', enterprises: [{ id: 'jinjiang:e1' }, { id: 'jinjiang:e2' }] },
  ]);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error!.message).toMatch(/^Zone "chengxi" \(service "jiangsu"\) is unavailable: /);
  expect(error!.message).toMatch(reason);
  expect(error!.path).toEqual(['zones', 1]);
  expect(error!.extensions).toEqual(expect.objectContaining({ code: 'ZONE_UNAVAILABLE', zoneId: 'chengxi', service: 'jiangsu' }));
}

describe('one zone service failing never fails the province-wide query', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment({ timeoutMs: TIMEOUT_MS });
  });
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => env.resetZones());

  const cases: [string, ZoneServiceBehaviour, RegExp][] = [
    [`answers after the ${TIMEOUT_MS} ms deadline`, { kind: 'slow', delayMs: 30_000 }, new RegExp(`timed out after ${TIMEOUT_MS} ms`)],
    ['answers fewer entities than representations', { kind: 'short-answer' }, /answered 0 entities for 1 representations/],
    ['answers something that is not JSON', { kind: 'not-json' }, /Expected JSON response body/],
    ['answers HTTP 500', { kind: 'http-error' }, /HTTP 500: Internal Server Error: database connection lost/],
  ];

  it.each(cases)('when the service %s', async (_title, behaviour, reason) => {
    env.zones.jiangsu!.behave(behaviour);

    const result = await env.query<ZonesData>(ZONES_QUERY);

    expectOnlyChengxiLost(result, reason);
    expect(env.zones.anhui!.entityRequests()).toHaveLength(1);
    expect(env.zones.fujian!.entityRequests()).toHaveLength(1);
  });

  it('names every zone of a failed service that hosts several', async () => {
    env.zones.anhui!.behave({ kind: 'short-answer' });

    const result = await env.query<ZonesData>(ZONES_QUERY);

    expect(result.data?.zones.map((zone) => zone.servedBy)).toEqual([null, 'jiangsu', null, 'fujian']);
    expect(result.errors?.map((error) => [error.extensions?.zoneId, error.path])).toEqual([
      ['chuzhou', ['zones', 0]],
      ['feixi', ['zones', 2]],
    ]);
  });

  // Last: the service stays down.
  it('when the service is stopped', async () => {
    await env.zones.jiangsu!.stop();

    const result = await env.query<ZonesData>(ZONES_QUERY);

    expectOnlyChengxiLost(result, /fetch failed \(ECONNREFUSED\)$/);
  });
});
