import { pgTargets, type TestDatabase } from '@devzone/testkit';
import { Client } from 'pg';
import { PgRegistryStore, RegistryVersionConflict, type ChangeDraft, type StateDraft } from '../pgRegistryStore';
import { supergraphHash } from '../supergraphHash';
import { REGISTRY_CHANNEL, type RegisteredService } from '../types';
import { createRegistryDatabase } from './fixtures/registryDatabase';

const service = (name: string, zoneIds: readonly string[]): RegisteredService => ({
  name,
  url: `http://${name}.test/graphql`,
  contact: { name: 'ops' },
  zones: zoneIds.map((id) => ({ id, nameZh: `${id}开发区`, nameEn: id, provinceCode: 'anhui', level: 'unknown' })),
  sdl: 'type Zone { id: ID! }',
  registeredBy: 'key:test',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

const stateDraft = (label: string, services: readonly RegisteredService[]): StateDraft => {
  const supergraphSdl = `# supergraph ${label}`;
  return { services, supergraphSdl, supergraphHash: supergraphHash(supergraphSdl) };
};

const draft = (checkedAgainst: number | null, overrides: Partial<ChangeDraft> = {}): ChangeDraft => ({
  actor: 'key:admin',
  action: 'register',
  serviceName: 'anhui',
  problems: [],
  changes: [],
  forced: false,
  payload: { name: 'anhui' },
  checkedAgainst,
  supergraphHash: null,
  ...overrides,
});

describe.each(pgTargets())('PgRegistryStore on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let store: PgRegistryStore;

  beforeEach(async () => {
    database = await createRegistryDatabase(adminUrl, `registry_store_${label}`);
    store = new PgRegistryStore({ url: database.url });
  });

  afterEach(async () => {
    await store?.close();
    await database?.drop();
  });

  it('accepts states one version after the other, each with its change record', async () => {
    expect(await store.latestState()).toBeNull();
    const first = await store.accept(stateDraft('1', [service('anhui', ['chuzhou'])]), draft(null));
    expect(first.state).toEqual({ version: 1, ...stateDraft('1', [service('anhui', ['chuzhou'])]), acceptedAt: expect.any(String) });
    expect(first.change).toEqual(
      expect.objectContaining({
        outcome: 'accepted',
        stateVersion: 1,
        supergraphHash: first.state.supergraphHash,
        actor: 'key:admin',
        payload: { name: 'anhui' },
      }),
    );
    const second = await store.accept(stateDraft('2', [service('anhui', ['chuzhou', 'feixi'])]), draft(1, { action: 'update', forced: true }));
    expect(second.state.version).toBe(2);
    expect(second.change).toEqual(expect.objectContaining({ action: 'update', forced: true, stateVersion: 2 }));
    expect(await store.latestState()).toEqual(second.state);
    expect(await store.state(1)).toEqual(first.state);
    expect(await store.state(3)).toBeNull();
    expect((await store.states(10)).map((state) => state.version)).toEqual([2, 1]);
  });

  it('refuses a state checked against a version that is no longer the latest, and keeps the one that won', async () => {
    await store.accept(stateDraft('1', [service('anhui', ['chuzhou'])]), draft(null));
    const racing = await Promise.allSettled([
      store.accept(stateDraft('2a', [service('anhui', ['chuzhou', 'feixi'])]), draft(1)),
      store.accept(stateDraft('2b', [service('anhui', ['chuzhou', 'ningguo'])]), draft(1)),
    ]);
    expect(racing.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [lost] = racing.filter((result) => result.status === 'rejected');
    expect((lost as PromiseRejectedResult).reason).toBeInstanceOf(RegistryVersionConflict);
    expect((lost as PromiseRejectedResult).reason.message).toMatch(/registry state 2 was accepted while this change was checked against state 1/);
    await expect(store.accept(stateDraft('again', []), draft(null))).rejects.toThrow(RegistryVersionConflict);
    expect((await store.latestState())?.version).toBe(2);
    expect((await store.history()).map((change) => change.stateVersion)).toEqual([2, 1]);
  });

  it('records refusals against the state they were checked against, or none', async () => {
    const nothingYet = await store.refuse(draft(null, { problems: [{ check: 'payload', path: 'url', message: 'must be an http or https URL' }] }));
    expect(nothingYet).toEqual(
      expect.objectContaining({
        outcome: 'refused',
        stateVersion: null,
        problems: [{ check: 'payload', path: 'url', message: 'must be an http or https URL' }],
      }),
    );
    await store.accept(stateDraft('1', [service('anhui', ['chuzhou'])]), draft(null));
    const breaking = { criticality: 'BREAKING' as const, type: 'FIELD_REMOVED', path: 'Zone.alliances', message: "Field 'alliances' was removed" };
    const refused = await store.refuse(draft(1, { action: 'update', changes: [breaking], supergraphHash: 'a'.repeat(64), payload: { odd: 'nul\u0000byte' } }));
    expect(refused).toEqual(
      expect.objectContaining({ outcome: 'refused', stateVersion: 1, changes: [breaking], supergraphHash: 'a'.repeat(64), payload: { odd: 'nul\uFFFDbyte' } }),
    );
    expect((await store.latestState())?.version).toBe(1);
  });

  it('lists history newest first, by service, paged back with `before`', async () => {
    await store.accept(stateDraft('1', [service('anhui', ['chuzhou'])]), draft(null));
    await store.refuse(draft(1, { serviceName: 'yongkang', action: 'register' }));
    await store.accept(stateDraft('2', [service('anhui', ['chuzhou']), service('yongkang', ['yongkang'])]), draft(1, { serviceName: 'yongkang' }));
    await store.refuse(draft(2, { serviceName: null, action: 'rollback', payload: { toVersion: 9 } }));
    const all = await store.history();
    expect(all.map((change) => [change.action, change.serviceName, change.outcome])).toEqual([
      ['rollback', null, 'refused'],
      ['register', 'yongkang', 'accepted'],
      ['register', 'yongkang', 'refused'],
      ['register', 'anhui', 'accepted'],
    ]);
    expect((await store.history({ serviceName: 'yongkang' })).map((change) => change.id)).toEqual([all[1]!.id, all[2]!.id]);
    expect((await store.history({ before: all[1]!.id, limit: 1 })).map((change) => change.id)).toEqual([all[2]!.id]);
  });

  it('announces each accepted version on the registry channel, to a listening connection', async () => {
    const listener = new Client({ connectionString: database.url });
    await listener.connect();
    try {
      const announced: string[] = [];
      let heard: () => void = () => undefined;
      const twoHeard = new Promise<void>((resolve) => (heard = resolve));
      listener.on('notification', ({ channel, payload }) => {
        if (channel === REGISTRY_CHANNEL && payload) announced.push(payload);
        if (announced.length === 2) heard();
      });
      await listener.query(`LISTEN ${REGISTRY_CHANNEL}`);
      await store.accept(stateDraft('1', [service('anhui', ['chuzhou'])]), draft(null));
      await store.refuse(draft(1));
      await expect(store.accept(stateDraft('stale', []), draft(null))).rejects.toThrow(RegistryVersionConflict);
      await store.accept(stateDraft('2', [service('anhui', ['chuzhou', 'feixi'])]), draft(1));
      await twoHeard;
      expect(announced).toEqual(['1', '2']);
    } finally {
      await listener.end();
    }
  });

  it('reads what gateway replicas reported of each service', async () => {
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    try {
      await admin.query(
        `INSERT INTO registry_health (service_name, replica, state, last_seen, checked_at, detail) VALUES
         ('yongkang', 'gw-1', 'up', '2026-12-01T08:00:00Z', '2026-12-01T08:00:05Z', NULL),
         ('anhui', 'gw-2', 'down', NULL, '2026-12-01T08:00:05Z', 'connection refused'),
         ('anhui', 'gw-1', 'degraded', '2026-12-01T07:59:00Z', '2026-12-01T08:00:05Z', 'slow')`,
      );
    } finally {
      await admin.end();
    }
    expect(await store.health()).toEqual([
      { serviceName: 'anhui', replica: 'gw-1', state: 'degraded', lastSeen: '2026-12-01T07:59:00.000Z', checkedAt: '2026-12-01T08:00:05.000Z', detail: 'slow' },
      { serviceName: 'anhui', replica: 'gw-2', state: 'down', lastSeen: null, checkedAt: '2026-12-01T08:00:05.000Z', detail: 'connection refused' },
      { serviceName: 'yongkang', replica: 'gw-1', state: 'up', lastSeen: '2026-12-01T08:00:00.000Z', checkedAt: '2026-12-01T08:00:05.000Z', detail: null },
    ]);
  });
});
