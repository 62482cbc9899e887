import type { Principal } from '@devzone/auth';
import { pgTargets, type TestDatabase } from '@devzone/testkit';
import { Client } from 'pg';
import { PgRegistryStore } from '../pgRegistryStore';
import { RegistryService } from '../registryService';
import type { RegistryChangeOutcome } from '../service';
import type { RegistryState, ServiceRegistration, ZoneClaim } from '../types';
import { createRegistryDatabase } from './fixtures/registryDatabase';
import { edited, provinceSdl, withoutAlliances, withZoneField, zoneSdl } from './fixtures/schemas';
import { SdlProbe } from './fixtures/sdlProbe';

const admin: Principal = { subject: 'key:admin', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] };
const anhuiSystem: Principal = { subject: 'key:anhui-system', roles: ['ZONE_SYSTEM'], provinces: [], zoneIds: ['chuzhou', 'feixi', 'changfeng'] };
const analyst: Principal = { subject: 'key:analyst', roles: ['ANALYST'], provinces: 'ALL', zoneIds: [] };

const zone = (id: string, nameZh: string, provinceCode: string, city: string): ZoneClaim => ({
  id,
  nameZh,
  nameEn: `${id} zone`,
  provinceCode,
  city,
  level: 'national',
});
const registration = (name: string, zones: readonly ZoneClaim[]): ServiceRegistration => ({
  name,
  url: `http://${name}.zones.test/graphql`,
  contact: { name: `${name} 信息中心`, email: `ops@${name}.example.cn` },
  zones,
});

const yongkang = registration('yongkang', [zone('yongkang', '永康经济开发区', 'zhejiang', '永康市')]);
const anhui = registration('anhui', [zone('chuzhou', '滁州经济技术开发区', 'anhui', '滁州市'), zone('feixi', '肥西经济开发区', 'anhui', '肥西县')]);
const hefei = registration('hefei', [zone('changfeng', '长丰双凤经济开发区', 'anhui', '长丰县')]);

const parkArea = (sdl: string) => withZoneField(sdl, 'parkArea: Float');

function accepted(outcome: RegistryChangeOutcome) {
  if (outcome.outcome !== 'accepted') throw new Error(`expected accepted, got ${JSON.stringify(outcome.problems)}`);
  return outcome;
}

function refused(outcome: RegistryChangeOutcome) {
  if (outcome.outcome !== 'refused') throw new Error('expected a refusal');
  return outcome;
}

const zoneFieldsOf = (state: RegistryState) => /type Zone\s[^{]*\{([^}]*)\}/.exec(state.supergraphSdl)![1]!;

describe.each(pgTargets())('RegistryService on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let store: PgRegistryStore;
  let probe: SdlProbe;
  let province: { url: string; sdl: string };
  let registry: RegistryService;

  const serve = (service: ServiceRegistration, sdl = zoneSdl, zoneIds = service.zones.map((z) => z.id)) => probe.serve(service.url, sdl, zoneIds);
  const registryOver = (over: PgRegistryStore) =>
    new RegistryService({ store: over, probe, province: async () => province, knownProvinces: async () => ['anhui', 'fujian', 'zhejiang'] });

  beforeEach(async () => {
    database = await createRegistryDatabase(adminUrl, `registry_service_${label}`);
    store = new PgRegistryStore({ url: database.url });
    probe = new SdlProbe();
    province = { url: 'http://province.test/graphql', sdl: provinceSdl };
    registry = registryOver(store);
    serve(yongkang);
    serve(anhui);
    serve(hefei);
  });

  afterEach(async () => {
    await store?.close();
    await database?.drop();
  });

  it('registers services one state after the other, and refuses a name already registered', async () => {
    const first = accepted(await registry.register(yongkang, admin));
    expect(first.state.version).toBe(1);
    expect(first.changes).toEqual([]);
    expect(first.state.services).toEqual([{ ...yongkang, sdl: zoneSdl, registeredBy: 'key:admin', updatedAt: expect.any(String) }]);
    expect(zoneFieldsOf(first.state)).toMatch(/alliances: \[Alliance!\]/);
    expect(first.state.supergraphSdl).toMatch(/ZONES @join__graph\(name: "zones", url: "sharded:\/\/zones"\)/);
    expect(first.change).toEqual(
      expect.objectContaining({ action: 'register', outcome: 'accepted', actor: 'key:admin', serviceName: 'yongkang', stateVersion: 1, payload: yongkang }),
    );

    const second = accepted(await registry.register(anhui, admin));
    expect(second.state.version).toBe(2);
    expect(second.state.services.map((s) => s.name)).toEqual(['yongkang', 'anhui']);
    expect(second.changes).toEqual([]);
    expect(second.state.supergraphHash).toBe(first.state.supergraphHash);

    const again = refused(await registry.register({ ...anhui, url: 'http://elsewhere.test/graphql' }, admin));
    expect(again.problems).toEqual([{ check: 'claims', path: 'name', message: 'service "anhui" is already registered: update it instead' }]);
    expect((await registry.latestState())?.version).toBe(2);
  });

  it('keeps a field one service adds out of the served schema until every service has it, and the status says who lacks it', async () => {
    accepted(await registry.register(yongkang, admin));
    accepted(await registry.register(anhui, admin));
    serve(anhui, parkArea(zoneSdl));
    const added = accepted(await registry.update(anhui, admin));
    expect(added.state.version).toBe(3);
    expect(added.state.services.find((s) => s.name === 'anhui')?.sdl).toBe(parkArea(zoneSdl));
    expect(zoneFieldsOf(added.state)).not.toMatch(/parkArea/);
    expect(added.changes).toEqual([]);
    const status = await registry.status();
    expect(status.services.map((s) => [s.name, s.lacking])).toEqual([
      ['yongkang', ['Zone.parkArea']],
      ['anhui', []],
    ]);

    serve(yongkang, parkArea(zoneSdl));
    const everywhere = accepted(await registry.update(yongkang, admin));
    expect(zoneFieldsOf(everywhere.state)).toMatch(/parkArea: Float/);
    expect(everywhere.changes).toEqual([
      { criticality: 'NON_BREAKING', type: 'FIELD_ADDED', path: 'Zone.parkArea', message: "Field 'parkArea' was added to object type 'Zone'" },
    ]);
    expect((await registry.status()).services.map((s) => s.lacking)).toEqual([[], []]);
  });

  it('refuses a breaking change, listing it, and accepts it when an administrator forces it', async () => {
    accepted(await registry.register(yongkang, admin));
    const before = accepted(await registry.register(anhui, admin)).state;
    serve(anhui, withoutAlliances(zoneSdl));

    const refusal = refused(await registry.update(anhui, admin));
    expect(refusal.problems).toEqual([
      {
        check: 'contract',
        path: 'Zone.alliances',
        message: "breaking change for clients: Field 'alliances' was removed from object type 'Zone' (an administrator may force it)",
      },
    ]);
    expect(refusal.change).toEqual(
      expect.objectContaining({
        outcome: 'refused',
        stateVersion: 2,
        forced: false,
        changes: [expect.objectContaining({ criticality: 'BREAKING', path: 'Zone.alliances' })],
        supergraphHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    );
    expect(await registry.latestState()).toEqual(before);

    const zoneSystemForcing = refused(await registry.update(anhui, anhuiSystem, { force: true }));
    expect(zoneSystemForcing.problems).toEqual([{ check: 'authorization', path: 'force', message: 'force is for administrators only' }]);

    const forced = accepted(await registry.update(anhui, admin, { force: true }));
    expect(forced.state.version).toBe(3);
    expect(forced.change.forced).toBe(true);
    expect(forced.changes).toEqual([expect.objectContaining({ criticality: 'BREAKING', type: 'FIELD_REMOVED', path: 'Zone.alliances' })]);
    expect(zoneFieldsOf(forced.state)).not.toMatch(/alliances/);
    expect((await registry.status()).services.map((s) => [s.name, s.lacking])).toEqual([
      ['yongkang', []],
      ['anhui', ['Zone.alliances']],
    ]);
  });

  it('lets a zone system change only services whose every zone is its own, never with force, and no other role at all', async () => {
    accepted(await registry.register(yongkang, admin));
    expect(accepted(await registry.register(anhui, anhuiSystem)).change.actor).toBe('key:anhui-system');

    const foreignClaim = refused(await registry.update({ ...anhui, zones: [...anhui.zones, yongkang.zones[0]!] }, anhuiSystem, { moveZones: ['yongkang'] }));
    expect(foreignClaim.problems).toEqual([
      { check: 'authorization', path: 'zones[2].id', message: 'this zone system may not claim zone "yongkang"' },
      { check: 'authorization', path: 'moveZones[0]', message: 'this zone system may not move zone "yongkang"' },
    ]);
    const othersService = refused(await registry.update({ ...yongkang, zones: [anhui.zones[0]!] }, anhuiSystem, { moveZones: ['chuzhou'] }));
    expect(othersService.problems).toEqual([
      { check: 'authorization', message: 'service "yongkang" hosts zone "yongkang", which this zone system may not change' },
    ]);
    expect(refused(await registry.deregister('yongkang', anhuiSystem)).problems).toEqual([
      { check: 'authorization', message: 'service "yongkang" hosts zone "yongkang", which this zone system may not change' },
    ]);
    expect(refused(await registry.update(anhui, analyst)).problems).toEqual([
      { check: 'authorization', message: 'only an administrator or a zone system may change the registry' },
    ]);
    expect(refused(await registry.rollback(1, anhuiSystem)).problems).toEqual([{ check: 'authorization', message: 'rollback is for administrators only' }]);

    expect(accepted(await registry.update({ ...anhui, contact: { name: '合肥园区运维' } }, anhuiSystem)).state.version).toBe(3);
  });

  it('refuses a zone another service hosts unless it is moved, and a move that would leave a service without a zone', async () => {
    accepted(await registry.register(anhui, admin));
    const doubleClaim = refused(await registry.register({ ...hefei, zones: [...hefei.zones, anhui.zones[1]!] }, admin));
    expect(doubleClaim.problems).toEqual([
      { check: 'claims', path: 'zones[1].id', message: 'zone "feixi" is hosted by service "anhui": list it in moveZones to move it here' },
    ]);
    accepted(await registry.register(hefei, admin));
    const emptying = refused(await registry.update({ ...hefei, zones: [...hefei.zones, ...anhui.zones] }, admin, { moveZones: ['chuzhou', 'feixi'] }));
    expect(emptying.problems).toEqual([
      { check: 'claims', path: 'moveZones', message: 'moving "chuzhou", "feixi" would leave service "anhui" without a zone: deregister "anhui" instead' },
    ]);
    expect(refused(await registry.update(hefei, admin, { moveZones: ['feixi'] })).problems).toEqual([
      { check: 'payload', path: 'moveZones[0]', message: 'zone "feixi" is moved but not among the zones claimed' },
    ]);
  });

  it('moves a zone from one service to another in one new state', async () => {
    accepted(await registry.register(anhui, admin));
    accepted(await registry.register(hefei, admin));
    const withFeixi = { ...hefei, zones: [...hefei.zones, anhui.zones[1]!] };

    serve(hefei, zoneSdl, ['changfeng']);
    const notYetServed = refused(await registry.update(withFeixi, admin, { moveZones: ['feixi'] }));
    expect(notYetServed.problems).toEqual([
      {
        check: 'probe',
        path: 'zones[1].id',
        message: 'the service does not resolve zone "feixi": ZONE_NOT_HOSTED: zone "feixi" is not hosted by this service',
      },
    ]);

    serve(hefei, zoneSdl, ['changfeng', 'feixi']);
    const moved = accepted(await registry.update(withFeixi, admin, { moveZones: ['feixi'] }));
    expect(moved.state.version).toBe(3);
    expect(moved.state.services.map((s) => [s.name, s.zones.map((z) => z.id)])).toEqual([
      ['anhui', ['chuzhou']],
      ['hefei', ['changfeng', 'feixi']],
    ]);
    expect(moved.change.payload).toEqual({ registration: withFeixi, moveZones: ['feixi'] });
    expect((await store.states(10)).map((state) => state.version)).toEqual([3, 2, 1]);
  });

  it('deregisters a service, but neither an unknown one nor the last one', async () => {
    accepted(await registry.register(anhui, admin));
    accepted(await registry.register(hefei, admin));
    const gone = accepted(await registry.deregister('hefei', admin));
    expect(gone.state.services.map((s) => s.name)).toEqual(['anhui']);
    expect(gone.change).toEqual(expect.objectContaining({ action: 'deregister', serviceName: 'hefei', payload: { name: 'hefei' } }));
    expect(refused(await registry.deregister('hefei', admin)).problems).toEqual([
      { check: 'claims', path: 'name', message: 'no service named "hefei" is registered' },
    ]);
    expect(refused(await registry.deregister('anhui', admin)).problems).toEqual([
      { check: 'claims', path: 'name', message: '"anhui" is the last zone service: the zones subgraph needs at least one' },
    ]);
    expect(refused(await registry.deregister('Not A Name', admin)).problems).toEqual([
      { check: 'payload', path: 'name', message: expect.stringContaining('lowercase') },
    ]);
  });

  it('rolls back to an earlier state as a new version, reporting breaking changes without refusing them', async () => {
    accepted(await registry.register(yongkang, admin));
    const v2 = accepted(await registry.register(anhui, admin)).state;
    serve(anhui, parkArea(zoneSdl));
    accepted(await registry.update(anhui, admin));
    serve(yongkang, parkArea(zoneSdl));
    accepted(await registry.update(yongkang, admin));

    const rollback = accepted(await registry.rollback(2, admin));
    expect(rollback.state.version).toBe(5);
    expect(rollback.state.services).toEqual(v2.services);
    expect(rollback.state.supergraphHash).toBe(v2.supergraphHash);
    expect(rollback.changes).toEqual([expect.objectContaining({ criticality: 'BREAKING', type: 'FIELD_REMOVED', path: 'Zone.parkArea' })]);
    expect(rollback.change).toEqual(expect.objectContaining({ action: 'rollback', payload: { toVersion: 2 }, serviceName: null, stateVersion: 5 }));
    expect(refused(await registry.rollback(42, admin)).problems).toEqual([
      { check: 'payload', path: 'toVersion', message: 'no accepted state has version 42' },
    ]);
  });

  it('recomposes with the province’s new SDL, and creates no state when the supergraph is unchanged', async () => {
    accepted(await registry.register(yongkang, admin));
    const unchanged = accepted(await registry.recompose(admin));
    expect(unchanged.state.version).toBe(1);
    expect(unchanged.change).toEqual(expect.objectContaining({ action: 'recompose', outcome: 'accepted', stateVersion: 1 }));

    province = { ...province, sdl: edited(provinceSdl, 'type Query {\n', 'type Query {\n  registryNotice: String\n') };
    const recomposed = accepted(await registry.recompose(admin));
    expect(recomposed.state.version).toBe(2);
    expect(recomposed.changes).toEqual([expect.objectContaining({ criticality: 'NON_BREAKING', path: 'Query.registryNotice' })]);
    expect((await store.states(10)).map((state) => state.version)).toEqual([2, 1]);
  });

  it('records every refusal with its problems and leaves the served state untouched', async () => {
    accepted(await registry.register(yongkang, admin));
    const served = await registry.latestState();

    const badPayload = refused(await registry.register({ ...anhui, url: 'ftp://anhui', extra: 1, zones: [{ ...anhui.zones[0]!, city: '滁州' }] }, admin));
    expect(badPayload.problems.map((p) => p.path)).toEqual(['url', 'zones[0].city', 'extra']);
    const unknownProvince = refused(await registry.register({ ...anhui, zones: [{ ...anhui.zones[0]!, provinceCode: 'atlantis' }] }, admin));
    expect(unknownProvince.problems).toEqual([
      { check: 'payload', path: 'zones[0].provinceCode', message: 'unknown province "atlantis"; known: anhui, fujian, zhejiang' },
    ]);
    probe.stop(anhui.url);
    const unreachable = refused(await registry.register(anhui, admin));
    expect(unreachable.problems).toEqual([{ check: 'reachability', path: 'url', message: 'http://anhui.zones.test/graphql: connect ECONNREFUSED' }]);
    serve(anhui, zoneSdl, ['chuzhou']);
    const unresolved = refused(await registry.register(anhui, admin));
    expect(unresolved.problems).toEqual([{ check: 'probe', path: 'zones[1].id', message: expect.stringContaining('does not resolve zone "feixi"') }]);
    serve(anhui, 'type Zone {');
    const unparsable = refused(await registry.register(anhui, admin));
    expect(unparsable.problems).toEqual([{ check: 'contract', path: 'anhui', message: expect.stringContaining('the SDL of service "anhui" does not parse') }]);
    serve(anhui);
    const servedProvince = province;
    province = { ...province, sdl: withZoneField(provinceSdl, 'records: String') };
    const uncomposable = refused(await registry.register(anhui, admin));
    expect(uncomposable.problems).toContainEqual(
      expect.objectContaining({ check: 'composition', message: expect.stringMatching(/^INVALID_FIELD_SHARING: .*Zone\.records/) }),
    );
    province = servedProvince;

    expect(await registry.latestState()).toEqual(served);
    const history = await registry.history();
    expect(history.map((change) => [change.outcome, change.problems[0]?.check ?? null, change.stateVersion])).toEqual([
      ['refused', 'composition', 1],
      ['refused', 'contract', 1],
      ['refused', 'probe', 1],
      ['refused', 'reachability', 1],
      ['refused', 'payload', 1],
      ['refused', 'payload', 1],
      ['accepted', null, 1],
    ]);
    expect(history[5]!.payload).toEqual({ ...anhui, url: 'ftp://anhui', extra: 1, zones: [{ ...anhui.zones[0]!, city: '滁州' }] });
    expect((await registry.history({ serviceName: 'anhui', limit: 2 })).map((change) => change.id)).toEqual([history[0]!.id, history[1]!.id]);
  });

  it('runs concurrent changes one at a time', async () => {
    const [one, two] = await Promise.all([registry.register(anhui, admin), registry.register({ ...anhui, contact: { name: 'twin' } }, admin)]);
    expect(accepted(one).state.version).toBe(1);
    expect(refused(two).problems).toEqual([{ check: 'claims', path: 'name', message: 'service "anhui" is already registered: update it instead' }]);
  });

  it('refuses a change another process overtook while it was checked, and records it', async () => {
    accepted(await registry.register(anhui, admin));
    const otherStore = new PgRegistryStore({ url: database.url });
    try {
      const otherProcess = registryOver(otherStore);
      const held = probe.hold(hefei.url);
      const slow = registry.register(hefei, admin);
      await held.reached;
      accepted(await otherProcess.register(yongkang, admin));
      held.release();
      const overtaken = refused(await slow);
      expect(overtaken.problems).toEqual([
        { check: 'concurrency', message: 'registry state 2 was accepted while this change was checked against state 1: check the change again' },
      ]);
      expect(overtaken.change.stateVersion).toBe(1);
      expect((await registry.latestState())?.services.map((s) => s.name)).toEqual(['anhui', 'yongkang']);
      expect(accepted(await registry.register(hefei, admin)).state.version).toBe(3);
    } finally {
      await otherStore.close();
    }
  });

  it('reports health rows and contacts in the status', async () => {
    expect(await registry.status()).toEqual({ version: null, supergraphHash: null, acceptedAt: null, services: [], differing: [], health: [] });
    accepted(await registry.register(anhui, admin));
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO registry_health (service_name, replica, state, last_seen, checked_at, detail) VALUES ('anhui', 'gw-1', 'up', now(), now(), NULL)`,
      );
    } finally {
      await client.end();
    }
    const status = await registry.status();
    expect(status.version).toBe(1);
    expect(status.services).toEqual([{ ...anhui, registeredBy: 'key:admin', updatedAt: expect.any(String), lacking: [] }]);
    expect(status.health).toEqual([expect.objectContaining({ serviceName: 'anhui', replica: 'gw-1', state: 'up' })]);
  });
});
