import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ZoneServiceEntry } from '@devzone/registry';
import { startProvinceService, type TestProvinceService } from '../../__tests__/fixtures/provinceService';
import { composeFixtureSupergraph, createRegistryDatabase, type TestRegistryDatabase } from '../../__tests__/fixtures/registryDatabase';
import { eventually, startRegistryGateway, type RegistryGateway } from '../../__tests__/fixtures/registryGateway';
import { mutationZoneTypeDefs, zoneTypeDefs } from '../../__tests__/fixtures/schemas';
import { startZoneService, type TestZoneService } from '../../__tests__/fixtures/zoneService';
import { readStateFile } from '../stateFile';

/**
 * A gateway in registry mode serves what the registry database holds: the stored
 * supergraph and shard map, swapped in place when a newer state is announced.
 * Every zone service runs the later zone schema (`enterpriseCount`, a mutation), so the
 * supergraph decides what clients see. `jiangsu` also holds Feixi's data, so Feixi can
 * move between `anhui` and `jiangsu` with both answering for it.
 */
jest.setTimeout(120_000);

type ZonesAnswer = { zones: { id: string; name: string; servedBy: string | null }[] };
const ZONES = '{ zones { id name servedBy } }';

let province: TestProvinceService;
let anhui: TestZoneService;
let jiangsu: TestZoneService;
let fujian: TestZoneService;
let stateDir: string;
let supergraph: string;
let laterSupergraph: string;

const entry = (service: TestZoneService, zoneIds: string[]): ZoneServiceEntry => ({ name: service.name, url: service.url, zoneIds });
/** Feixi on `anhui`. */
const feixiOnAnhui = () => [entry(anhui, ['chuzhou', 'feixi']), entry(jiangsu, ['chengxi']), entry(fujian, ['jinjiang'])];
/** Feixi moved to `jiangsu`. */
const feixiOnJiangsu = () => [entry(anhui, ['chuzhou']), entry(jiangsu, ['chengxi', 'feixi']), entry(fujian, ['jinjiang'])];
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const servedBy = (answer: { data?: ZonesAnswer | null }) => Object.fromEntries((answer.data?.zones ?? []).map((zone) => [zone.id, zone.servedBy]));

beforeAll(async () => {
  province = await startProvinceService();
  [anhui, jiangsu, fujian] = await Promise.all([
    startZoneService({ name: 'anhui', zoneIds: ['chuzhou', 'feixi'], typeDefs: mutationZoneTypeDefs }),
    startZoneService({ name: 'jiangsu', zoneIds: ['chengxi', 'feixi'], typeDefs: mutationZoneTypeDefs }),
    startZoneService({ name: 'fujian', zoneIds: ['jinjiang'], typeDefs: mutationZoneTypeDefs }),
  ]);
  stateDir = mkdtempSync(join(tmpdir(), 'gateway-registry-'));
  supergraph = composeFixtureSupergraph(zoneTypeDefs);
  laterSupergraph = composeFixtureSupergraph(mutationZoneTypeDefs);
});

afterAll(async () => {
  await Promise.all([province?.stop(), anhui?.stop(), jiangsu?.stop(), fujian?.stop()]);
  rmSync(stateDir, { recursive: true, force: true });
});

describe('one gateway in registry mode', () => {
  let registry: TestRegistryDatabase;
  let gateway: RegistryGateway;
  const stateFile = () => join(stateDir, 'one.json');

  beforeAll(async () => {
    registry = await createRegistryDatabase('gateway_registry_one');
    await registry.accept(1, supergraph, feixiOnAnhui());
    // Polling every minute: within a test's wait, only NOTIFY can bring a new state.
    gateway = await startRegistryGateway({ provinceUrl: province.url, databaseUrl: registry.url, stateFile: stateFile(), pollIntervalMs: 60_000 });
  });

  afterAll(async () => {
    await gateway?.stop();
    await registry?.drop();
  });

  it('serves the stored supergraph, reaching the province at its own URL and each zone through the shard map', async () => {
    const answer = await gateway.query<ZonesAnswer>(ZONES);

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.zones).toEqual([
      { id: 'chuzhou', name: 'Chuzhou ETDZ', servedBy: 'anhui' },
      { id: 'chengxi', name: 'Chengxi New Area', servedBy: 'jiangsu' },
      { id: 'feixi', name: 'Feixi ETDZ', servedBy: 'anhui' },
      { id: 'jinjiang', name: 'Jinjiang ETDZ', servedBy: 'fujian' },
    ]);
  });

  it('reports the version and supergraph hash served on /ready, and the zone services on /health', async () => {
    await eventually('the LISTEN connection', async () => (await gateway.served())?.watching === 'notify');

    expect(await gateway.served()).toEqual({ version: 1, hash: sha256(supergraph), loadedFrom: 'database', watching: 'notify' });
    const health = (await (await fetch(new URL('/health', gateway.gateway.url))).json()) as { zoneServices: { name: string }[] };
    expect(health.zoneServices.map((service) => service.name)).toEqual(['anhui', 'jiangsu', 'fujian']);
  });

  it('stores the snapshot it serves in the state file', async () => {
    await eventually('the state file', async () => (await readStateFile(stateFile()))?.version === 1);

    expect(await readStateFile(stateFile())).toEqual({ version: 1, supergraphHash: sha256(supergraph), supergraphSdl: supergraph, services: feixiOnAnhui() });
  });

  it('serves a zone moved to another service once the new state is announced', async () => {
    await registry.accept(2, supergraph, feixiOnJiangsu());
    await eventually('version 2', async () => (await gateway.served())?.version === 2);

    expect(servedBy(await gateway.query<ZonesAnswer>(ZONES))).toEqual({ chuzhou: 'anhui', chengxi: 'jiangsu', feixi: 'jiangsu', jinjiang: 'fujian' });
    await eventually('the state file at version 2', async () => (await readStateFile(stateFile()))?.version === 2);
  });

  it('swaps the supergraph with the shard map: a field the new state adds is served from then on', async () => {
    const count = '{ zones { id enterpriseCount } }';
    expect((await gateway.query(count)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    await registry.accept(3, laterSupergraph, feixiOnAnhui());
    await eventually('version 3', async () => (await gateway.served())?.version === 3);

    const answer = await gateway.query<{ zones: { id: string; enterpriseCount: number }[] }>(count);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.zones.map((zone) => zone.enterpriseCount)).toEqual([2, 2, 2, 2]);
    expect(await gateway.served()).toMatchObject({ version: 3, hash: sha256(laterSupergraph) });
  });

  it('keeps serving the previous state when the gateway refuses a newer one, and applies the next good one', async () => {
    await registry.accept(4, 'this is not a supergraph', feixiOnJiangsu());
    await eventually('the refusal in the log', () => gateway.log.some((line) => line.startsWith('error: Registry: keeping version 3; version 4 was refused')));

    expect(await gateway.served()).toMatchObject({ version: 3 });
    expect(servedBy(await gateway.query<ZonesAnswer>(ZONES)).feixi).toBe('anhui');

    await registry.accept(5, laterSupergraph, feixiOnJiangsu());
    await eventually('version 5', async () => (await gateway.served())?.version === 5);
    expect(servedBy(await gateway.query<ZonesAnswer>(ZONES)).feixi).toBe('jiangsu');
  });

  it('serves a state accepted without announcement once refresh() reads the registry, and reports nothing newer after', async () => {
    await registry.accept(6, laterSupergraph, feixiOnAnhui(), { notify: false });
    const refreshed = await gateway.gateway.refresh();

    expect(refreshed.outcome).toBe('updated');
    expect(await gateway.served()).toMatchObject({ version: 6 });
    await expect(gateway.gateway.refresh()).resolves.toMatchObject({ outcome: 'unchanged' });
  });

  it('finishes a request in flight on the shard map it started with', async () => {
    expect(servedBy(await gateway.query<ZonesAnswer>(ZONES)).feixi).toBe('anhui');
    province.behave('hang');
    let inFlight!: Promise<{ data?: ZonesAnswer | null }>;
    try {
      inFlight = gateway.query<ZonesAnswer>(ZONES);
      await eventually('the request to reach the province', () => province.heldRequests() === 1);
      await registry.accept(7, laterSupergraph, feixiOnJiangsu());
      await eventually('version 7', async () => (await gateway.served())?.version === 7);
    } finally {
      province.behave('normal');
    }

    expect(servedBy(await inFlight)).toEqual({ chuzhou: 'anhui', chengxi: 'jiangsu', feixi: 'anhui', jinjiang: 'fujian' });
    expect(servedBy(await gateway.query<ZonesAnswer>(ZONES)).feixi).toBe('jiangsu');
  });
});

describe('load across a swap', () => {
  let registry: TestRegistryDatabase;
  let gateway: RegistryGateway;

  beforeAll(async () => {
    registry = await createRegistryDatabase('gateway_registry_load');
    await registry.accept(1, supergraph, feixiOnAnhui());
    gateway = await startRegistryGateway({
      provinceUrl: province.url,
      databaseUrl: registry.url,
      stateFile: join(stateDir, 'load.json'),
      pollIntervalMs: 60_000,
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await registry?.drop();
  });

  it('answers every request of 8 concurrent clients while Feixi moves back and forth between two services', async () => {
    const failures: string[] = [];
    const feixiServedBy = new Set<string>();
    let answered = 0;
    let running = true;
    const client = async () => {
      while (running) {
        try {
          const answer = await gateway.query<ZonesAnswer>(ZONES);
          const zones = servedBy(answer);
          if (answer.errors || Object.values(zones).length !== 4 || Object.values(zones).includes(null)) failures.push(JSON.stringify(answer));
          else feixiServedBy.add(zones.feixi!);
        } catch (error) {
          failures.push(String(error));
        }
        answered += 1;
      }
    };
    const started = Date.now();
    const clients = Array.from({ length: 8 }, () => client());
    try {
      for (const [version, services] of [
        [2, feixiOnJiangsu()],
        [3, feixiOnAnhui()],
        [4, feixiOnJiangsu()],
      ] as const) {
        const before = answered;
        await eventually('requests between two swaps', () => answered >= before + 8);
        await registry.accept(version, supergraph, services);
        await eventually(`version ${version}`, async () => (await gateway.served())?.version === version);
      }
      await eventually('about 2 s of load', () => Date.now() - started >= 2000);
    } finally {
      running = false;
      await Promise.all(clients);
    }

    expect(failures).toEqual([]);
    expect([...feixiServedBy].sort()).toEqual(['anhui', 'jiangsu']);
    expect(answered).toBeGreaterThanOrEqual(24);
  });
});

describe('two replicas on one registry', () => {
  let registry: TestRegistryDatabase;
  let replicas: RegistryGateway[] = [];

  beforeAll(async () => {
    registry = await createRegistryDatabase('gateway_registry_replicas');
    await registry.accept(1, supergraph, feixiOnAnhui());
    replicas = await Promise.all(
      ['a', 'b'].map((name) =>
        startRegistryGateway({
          provinceUrl: province.url,
          databaseUrl: registry.url,
          stateFile: join(stateDir, `replica-${name}.json`),
          pollIntervalMs: 60_000,
        }),
      ),
    );
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await registry?.drop();
  });

  it('both serve a new state once it is announced', async () => {
    for (const replica of replicas) await eventually('the LISTEN connection', async () => (await replica.served())?.watching === 'notify');

    await registry.accept(2, laterSupergraph, feixiOnJiangsu());

    for (const replica of replicas) {
      await eventually('version 2 on every replica', async () => (await replica.served())?.version === 2);
      expect(servedBy(await replica.query<ZonesAnswer>(ZONES)).feixi).toBe('jiangsu');
    }
  });
});
