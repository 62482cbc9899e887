import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgRegistryReader, type RegistryReader, type ZoneServiceEntry } from '@devzone/registry';
import { generateZones } from '@devzone/synthetic';
import { createTestDatabase, generateSigningKeys, type TestDatabase } from '@devzone/testkit';
import { startZoneService as startRealZoneService, type RunningZoneService } from '@devzone/zone-subgraph';
import { startProvinceService, type TestProvinceService } from '../../__tests__/fixtures/provinceService';
import { composeFixtureSupergraph, createRegistryDatabase, type HealthRow, type TestRegistryDatabase } from '../../__tests__/fixtures/registryDatabase';
import { eventually, startRegistryGateway, type RegistryGateway } from '../../__tests__/fixtures/registryGateway';
import { startZoneService, type TestZoneService } from '../../__tests__/fixtures/zoneService';

/**
 * Every replica checks each registered zone service with a signed `{ __typename }` and
 * records what it saw in `registry_health`, one row per service and replica.
 */
jest.setTimeout(120_000);

const REPLICA = 'gateway-health-test';
/** Zone deadline of the gateway under test: answers slower than half of it are `degraded`. */
const TIMEOUT_MS = 4000;

let province: TestProvinceService;
let steady: TestZoneService;
let slow: TestZoneService;
let gone: TestZoneService;
let fleeting: TestZoneService;
let real: RunningZoneService;
let realDatabase: TestDatabase;
let registry: TestRegistryDatabase;
let gateway: RegistryGateway;
let stateDir: string;

const entry = (service: { name: string; url: string }, zoneIds: string[]): ZoneServiceEntry => ({ name: service.name, url: service.url, zoneIds });
const rowOf = async (serviceName: string): Promise<HealthRow | undefined> =>
  (await registry.healthRows()).find((row) => row.serviceName === serviceName && row.replica === REPLICA);

beforeAll(async () => {
  const keys = generateSigningKeys();
  province = await startProvinceService();
  [steady, slow, gone, fleeting] = await Promise.all([
    startZoneService({ name: 'steady', zoneIds: ['chuzhou', 'feixi'] }),
    startZoneService({ name: 'slow', zoneIds: ['chengxi'] }),
    startZoneService({ name: 'gone', zoneIds: ['jinjiang'] }),
    startZoneService({ name: 'fleeting', zoneIds: ['ningguo'] }),
  ]);
  slow.behave({ kind: 'slow', delayMs: TIMEOUT_MS / 2 + 500 });
  await gone.stop();
  // A real zone service checks the signature of every request: the health check must be signed like real traffic.
  realDatabase = await createTestDatabase(process.env.EMBEDDED_PG_ADMIN_URL!, 'gateway_health_zone');
  real = await startRealZoneService({
    name: 'synthetic',
    databaseUrl: realDatabase.url,
    seeds: generateZones({ zones: 1, enterprisesPerZone: 3, seed: 11, prefix: 'health' }),
    synthetic: true,
    signingKeys: keys,
  });
  registry = await createRegistryDatabase('gateway_registry_health');
  await registry.accept(1, composeFixtureSupergraph(), [
    entry(steady, ['chuzhou', 'feixi']),
    entry(slow, ['chengxi']),
    entry(gone, ['jinjiang']),
    entry(fleeting, ['ningguo']),
    entry(real, [...real.hostedZoneIds]),
  ]);
  stateDir = mkdtempSync(join(tmpdir(), 'gateway-registry-health-'));
  gateway = await startRegistryGateway({
    provinceUrl: province.url,
    databaseUrl: registry.url,
    stateFile: join(stateDir, 'health.json'),
    healthIntervalMs: 200,
    replicaId: REPLICA,
    timeoutMs: TIMEOUT_MS,
    signingKeys: keys,
  });
});

afterAll(async () => {
  await gateway?.stop();
  await Promise.all([province?.stop(), steady?.stop(), slow?.stop(), fleeting?.stop(), real?.stop()]);
  await registry?.drop();
  await realDatabase?.drop();
  rmSync(stateDir, { recursive: true, force: true });
});

it('records an answering service as up, a slow one as degraded and a stopped one as down, never seen', async () => {
  await eventually('a health row for every service', async () => (await registry.healthRows()).length === 5);
  await eventually('the slow service checked', async () => (await rowOf('slow'))?.state === 'degraded');

  expect(await rowOf('steady')).toEqual({ serviceName: 'steady', replica: REPLICA, state: 'up', lastSeen: expect.any(String), detail: null });
  expect(await rowOf('synthetic')).toEqual({ serviceName: 'synthetic', replica: REPLICA, state: 'up', lastSeen: expect.any(String), detail: null });
  expect(await rowOf('slow')).toMatchObject({
    state: 'degraded',
    lastSeen: expect.any(String),
    detail: expect.stringMatching(/^answered in \d+ ms, more than 2000 ms/),
  });
  expect(await rowOf('gone')).toMatchObject({ state: 'down', lastSeen: null, detail: expect.stringContaining('ECONNREFUSED') });
});

it('records a service that stops answering as down, keeping when it last answered', async () => {
  await eventually('the fleeting service up', async () => (await rowOf('fleeting'))?.state === 'up');
  const lastUp = (await rowOf('fleeting'))!.lastSeen!;

  await fleeting.stop();
  await eventually('the fleeting service down', async () => (await rowOf('fleeting'))?.state === 'down');

  const down = (await rowOf('fleeting'))!;
  expect(down.lastSeen).not.toBeNull();
  expect(Date.parse(down.lastSeen!)).toBeGreaterThanOrEqual(Date.parse(lastUp));
});

it('logs a report it cannot record, once, and keeps serving', async () => {
  const database = new PgRegistryReader({ connectionString: registry.url });
  let attempts = 0;
  const reader: RegistryReader = {
    readServing: () => database.readServing(),
    listen: (onVersion) => database.listen(onVersion),
    recordHealth: async () => {
      attempts += 1;
      throw new Error('registry_health is read-only in this test');
    },
    close: () => database.close(),
  };
  // A short zone deadline: the slow service costs each round 1 s, not 2.5.
  const failing = await startRegistryGateway({
    provinceUrl: province.url,
    reader,
    stateFile: join(stateDir, 'failing.json'),
    healthIntervalMs: 200,
    timeoutMs: 1000,
  });
  try {
    await eventually('three rounds of reports', () => attempts >= 15);

    expect(failing.log.filter((line) => line.includes('could not record the health'))).toEqual([
      expect.stringMatching(/^warn: Registry: could not record the health of "\w+": registry_health is read-only in this test$/),
    ]);
    const answer = await failing.query<{ zones: { id: string }[] }>('{ zones { id } }');
    expect(answer.errors).toBeUndefined();
  } finally {
    await failing.stop();
  }
});
