import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LISTENER_APPLICATION_NAME, PgRegistryReader, type RegistryReader, type ZoneServiceEntry } from '@devzone/registry';
import { Client } from 'pg';
import { startProvinceService, type TestProvinceService } from '../../__tests__/fixtures/provinceService';
import { composeFixtureSupergraph, createRegistryDatabase, type TestRegistryDatabase } from '../../__tests__/fixtures/registryDatabase';
import { eventually, startRegistryGateway, type RegistryGateway } from '../../__tests__/fixtures/registryGateway';
import { startZoneService, type TestZoneService } from '../../__tests__/fixtures/zoneService';
import { readStateFile } from '../stateFile';

/**
 * How a replica starts and keeps up when the registry database is not there: the
 * stored supergraph at start, polling while it cannot LISTEN, listening again once it can.
 */
jest.setTimeout(120_000);

/** A port nothing listens on: connecting is refused at once. */
const UNREACHABLE = 'postgres://devzone@127.0.0.1:1/registry';
const ZONES = '{ zones { id servedBy } }';
type ZonesAnswer = { zones: { id: string; servedBy: string | null }[] };

let province: TestProvinceService;
let anhui: TestZoneService;
let jiangsu: TestZoneService;
let registry: TestRegistryDatabase;
let stateDir: string;
let supergraph: string;

const services = (): ZoneServiceEntry[] => [
  { name: anhui.name, url: anhui.url, zoneIds: ['chuzhou', 'feixi'] },
  { name: jiangsu.name, url: jiangsu.url, zoneIds: ['chengxi', 'jinjiang'] },
];
const movedFeixi = (): ZoneServiceEntry[] => [
  { name: anhui.name, url: anhui.url, zoneIds: ['chuzhou'] },
  { name: jiangsu.name, url: jiangsu.url, zoneIds: ['chengxi', 'feixi', 'jinjiang'] },
];
const feixiServedBy = async (gateway: RegistryGateway) => (await gateway.query<ZonesAnswer>(ZONES)).data?.zones.find((zone) => zone.id === 'feixi')?.servedBy;

beforeAll(async () => {
  province = await startProvinceService();
  [anhui, jiangsu] = await Promise.all([
    startZoneService({ name: 'anhui', zoneIds: ['chuzhou', 'feixi'] }),
    startZoneService({ name: 'jiangsu', zoneIds: ['chengxi', 'feixi', 'jinjiang'] }),
  ]);
  registry = await createRegistryDatabase('gateway_registry_start');
  supergraph = composeFixtureSupergraph();
  await registry.accept(1, supergraph, services());
  stateDir = mkdtempSync(join(tmpdir(), 'gateway-registry-start-'));
});

afterAll(async () => {
  await Promise.all([province?.stop(), anhui?.stop(), jiangsu?.stop()]);
  await registry?.drop();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('a replica starting while the registry database is down', () => {
  const stateFile = () => join(stateDir, 'earlier-replica.json');

  beforeAll(async () => {
    const earlier = await startRegistryGateway({ provinceUrl: province.url, databaseUrl: registry.url, stateFile: stateFile() });
    try {
      await eventually('the earlier replica to store its supergraph', async () => (await readStateFile(stateFile()))?.version === 1);
    } finally {
      await earlier.stop();
    }
  });

  it('serves the supergraph an earlier replica stored', async () => {
    const replica = await startRegistryGateway({ provinceUrl: province.url, databaseUrl: UNREACHABLE, stateFile: stateFile() });
    try {
      const answer = await replica.query<ZonesAnswer>(ZONES);

      expect(answer.errors).toBeUndefined();
      expect(answer.data?.zones.map((zone) => zone.servedBy)).toEqual(['anhui', 'jiangsu', 'anhui', 'jiangsu']);
      expect(await replica.served()).toMatchObject({ version: 1, loadedFrom: 'stateFile', watching: 'polling' });
      expect(replica.log.some((line) => line.startsWith('warn: Registry: the registry database is unreachable'))).toBe(true);
    } finally {
      await replica.stop();
    }
  });

  it('refuses to start without a stored supergraph, saying what is missing', async () => {
    const missing = join(stateDir, 'never-written.json');

    await expect(startRegistryGateway({ provinceUrl: province.url, databaseUrl: UNREACHABLE, stateFile: missing })).rejects.toThrow(
      /The registry database is unreachable \(.+\) and there is no stored supergraph at .*never-written\.json/,
    );
  });

  it('refuses to start on a corrupt stored supergraph, naming the file', async () => {
    const corrupt = join(stateDir, 'corrupt.json');
    writeFileSync(corrupt, '{"version": 1, "hash": "abc"');

    await expect(startRegistryGateway({ provinceUrl: province.url, databaseUrl: UNREACHABLE, stateFile: corrupt })).rejects.toThrow(
      /The stored supergraph .*corrupt\.json is corrupt: not valid JSON/,
    );
  });
});

it('refuses to start when no zone service was ever registered and nothing is stored', async () => {
  const empty = await createRegistryDatabase('gateway_registry_empty');
  try {
    await expect(startRegistryGateway({ provinceUrl: province.url, databaseUrl: empty.url, stateFile: join(stateDir, 'none.json') })).rejects.toThrow(
      /No zone service is registered yet: the registry holds no accepted state and there is no stored supergraph at .*none\.json/,
    );
  } finally {
    await empty.drop();
  }
});

describe('watching the registry without NOTIFY', () => {
  let fresh: TestRegistryDatabase;

  beforeEach(async () => {
    fresh = await createRegistryDatabase('gateway_registry_watch');
    await fresh.accept(1, supergraph, services());
  });

  afterEach(async () => {
    await fresh?.drop();
  });

  it('polls when it cannot LISTEN, and picks up a state nobody announced', async () => {
    const database = new PgRegistryReader({ connectionString: fresh.url });
    const reader: RegistryReader = {
      readServing: () => database.readServing(),
      listen: async () => {
        throw new Error('LISTEN is refused in this test');
      },
      recordHealth: (report) => database.recordHealth(report),
      close: () => database.close(),
    };
    const gateway = await startRegistryGateway({ provinceUrl: province.url, reader, stateFile: join(stateDir, 'polling.json'), pollIntervalMs: 100 });
    try {
      expect(await feixiServedBy(gateway)).toBe('anhui');

      await fresh.accept(2, supergraph, movedFeixi(), { notify: false });
      await eventually('version 2, by polling', async () => (await gateway.served())?.version === 2);

      expect(await gateway.served()).toMatchObject({ watching: 'polling' });
      expect(await feixiServedBy(gateway)).toBe('jiangsu');
      expect(gateway.log.filter((line) => /LISTEN|listening/.test(line))).toEqual([
        'warn: Registry: cannot LISTEN for new states (LISTEN is refused in this test); reading the registry every 100 ms',
      ]);
    } finally {
      await gateway.stop();
    }
  });

  it('falls back to polling when the LISTEN connection is lost, and listens again once it can', async () => {
    const admin = new Client({ connectionString: fresh.url });
    await admin.connect();
    const gateway = await startRegistryGateway({
      provinceUrl: province.url,
      databaseUrl: fresh.url,
      stateFile: join(stateDir, 'relisten.json'),
      pollIntervalMs: 200,
    });
    try {
      await eventually('the LISTEN connection', async () => (await gateway.served())?.watching === 'notify');

      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [
        LISTENER_APPLICATION_NAME,
      ]);
      await eventually('listening again', () => gateway.log.some((line) => line === 'info: Registry: listening for new states again (NOTIFY)'));

      expect(gateway.log.filter((line) => /LISTEN|listening/.test(line))).toEqual([
        expect.stringMatching(/^warn: Registry: lost the LISTEN connection \(.+\); reading the registry every 200 ms until it is back$/),
        'info: Registry: listening for new states again (NOTIFY)',
      ]);
      await fresh.accept(2, supergraph, movedFeixi());
      await eventually('version 2', async () => (await gateway.served())?.version === 2);
      expect(await gateway.served()).toMatchObject({ watching: 'notify' });
      expect(await feixiServedBy(gateway)).toBe('jiangsu');
    } finally {
      await gateway.stop();
      await admin.end();
    }
  });
});
