import { createHash } from 'node:crypto';
import { openServiceDatabase } from '@devzone/database';
import { createTestDatabase, pgTargets, type TestDatabase } from '@devzone/testkit';
import { Client } from 'pg';
import { registryMigrations } from './migrations';
import { LISTENER_APPLICATION_NAME, PgRegistryReader } from './pgRegistryReader';
import { REGISTRY_CHANNEL } from './types';

/** A registered service as the province stores it: the reader keeps name, url and zone ids. */
function storedService(name: string, url: string, zoneIds: readonly string[]) {
  return {
    name,
    url,
    contact: { name: 'ops' },
    zones: zoneIds.map((id) => ({ id, nameZh: `${id}开发区`, nameEn: id, provinceCode: 'anhui', level: 'unknown' })),
    sdl: 'type Query { _dummy: Int }',
    registeredBy: 'key:test',
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe.each(pgTargets())('PgRegistryReader on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let admin: Client;
  let reader: PgRegistryReader;

  const writeState = async (version: number, services: unknown, sdl = `# supergraph ${version}`) => {
    await admin.query('INSERT INTO registry_state (version, services, supergraph_sdl, supergraph_hash) VALUES ($1, $2, $3, $4)', [
      version,
      JSON.stringify(services),
      sdl,
      sha256(sdl),
    ]);
  };

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `registry_reader_${label}`);
    const migrated = await openServiceDatabase({ url: database.url, entities: [], migrations: registryMigrations });
    await migrated.close();
    admin = new Client({ connectionString: database.url });
    await admin.connect();
    reader = new PgRegistryReader({ connectionString: database.url });
  });

  afterAll(async () => {
    await reader?.close();
    await admin?.end();
    await database?.drop();
  });

  it('reads null before any state is accepted, then the newest state as a shard map', async () => {
    await expect(reader.readServing()).resolves.toBeNull();

    await writeState(1, [storedService('anhui', 'http://anhui.test/graphql', ['chuzhou'])]);
    await writeState(2, [
      storedService('anhui', 'http://anhui.test/graphql', ['chuzhou', 'feixi']),
      storedService('yongkang', 'http://yk.test/graphql', ['yongkang']),
    ]);

    await expect(reader.readServing()).resolves.toEqual({
      version: 2,
      supergraphSdl: '# supergraph 2',
      supergraphHash: sha256('# supergraph 2'),
      services: [
        { name: 'anhui', url: 'http://anhui.test/graphql', zoneIds: ['chuzhou', 'feixi'] },
        { name: 'yongkang', url: 'http://yk.test/graphql', zoneIds: ['yongkang'] },
      ],
    });
  });

  it('refuses a stored shard map that is not one, naming the state and the field', async () => {
    await writeState(3, [storedService('anhui', 'not a url', ['chuzhou'])]);
    try {
      await expect(reader.readServing()).rejects.toThrow(/registry_state version 3: services is invalid: \[0\]\.url/);
    } finally {
      await admin.query('DELETE FROM registry_state WHERE version = 3');
    }
  });

  it('delivers the version of every NOTIFY on the registry channel, ignoring other channels and malformed payloads', async () => {
    const versions: number[] = [];
    let seen!: () => void;
    const delivered = new Promise<void>((resolve) => (seen = resolve));
    const stop = await reader.listen((version) => {
      versions.push(version);
      if (version === 7) seen();
    });
    try {
      await admin.query(`SELECT pg_notify('another_channel', '5')`);
      await admin.query(`SELECT pg_notify($1, 'not a version')`, [REGISTRY_CHANNEL]);
      await admin.query(`SELECT pg_notify($1, '6')`, [REGISTRY_CHANNEL]);
      await admin.query(`SELECT pg_notify($1, '7')`, [REGISTRY_CHANNEL]);
      await delivered;
      expect(versions).toEqual([6, 7]);
    } finally {
      await stop();
    }
  });

  it('reports a lost LISTEN connection through onError, and listens again when asked', async () => {
    let lostWith!: (error: Error) => void;
    const lost = new Promise<Error>((resolve) => (lostWith = resolve));
    await reader.listen(() => undefined, { onError: lostWith });

    const { rows } = await admin.query<{ terminated: boolean }>(
      'SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
      [LISTENER_APPLICATION_NAME],
    );
    expect(rows.map((row) => row.terminated)).toEqual([true]);
    await expect(lost).resolves.toBeInstanceOf(Error);

    let heard!: (version: number) => void;
    const again = new Promise<number>((resolve) => (heard = resolve));
    const stop = await reader.listen(heard);
    try {
      await admin.query(`SELECT pg_notify($1, '8')`, [REGISTRY_CHANNEL]);
      await expect(again).resolves.toBe(8);
    } finally {
      await stop();
    }
  });

  it('upserts one health row per service and replica, keeping last_seen when a report has none', async () => {
    await reader.recordHealth({
      serviceName: 'anhui',
      replica: 'gw-1',
      state: 'up',
      lastSeen: '2026-12-01T10:00:00.000Z',
      checkedAt: '2026-12-01T10:00:00.000Z',
      detail: null,
    });
    await reader.recordHealth({
      serviceName: 'anhui',
      replica: 'gw-2',
      state: 'degraded',
      lastSeen: '2026-12-01T10:00:01.000Z',
      checkedAt: '2026-12-01T10:00:01.000Z',
      detail: 'answered in 3000 ms',
    });
    await reader.recordHealth({
      serviceName: 'anhui',
      replica: 'gw-1',
      state: 'down',
      lastSeen: null,
      checkedAt: '2026-12-01T10:00:10.000Z',
      detail: 'fetch failed (ECONNREFUSED)',
    });

    const { rows } = await admin.query<{ replica: string; state: string; last_seen: Date | null; checked_at: Date; detail: string | null }>(
      `SELECT replica, state, last_seen, checked_at, detail FROM registry_health WHERE service_name = 'anhui' ORDER BY replica`,
    );
    expect(rows.map((row) => ({ ...row, last_seen: row.last_seen?.toISOString() ?? null, checked_at: row.checked_at.toISOString() }))).toEqual([
      { replica: 'gw-1', state: 'down', last_seen: '2026-12-01T10:00:00.000Z', checked_at: '2026-12-01T10:00:10.000Z', detail: 'fetch failed (ECONNREFUSED)' },
      { replica: 'gw-2', state: 'degraded', last_seen: '2026-12-01T10:00:01.000Z', checked_at: '2026-12-01T10:00:01.000Z', detail: 'answered in 3000 ms' },
    ]);
  });

  it('throws on every operation when the database is unreachable', async () => {
    const unreachable = new PgRegistryReader({ connectionString: 'postgres://devzone@127.0.0.1:1/registry', connectTimeoutMs: 1000 });
    try {
      await expect(unreachable.readServing()).rejects.toThrow();
      await expect(unreachable.listen(() => undefined)).rejects.toThrow();
    } finally {
      await unreachable.close();
    }
  });

  it('closes its listeners with itself, and listens no more once closed', async () => {
    const closing = new PgRegistryReader({ connectionString: database.url });
    await closing.listen(() => undefined);
    const count = async () =>
      (
        await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [
          LISTENER_APPLICATION_NAME,
        ])
      ).rows[0]!.n;
    expect(await count()).toBe(1);

    await closing.close();

    expect(await count()).toBe(0);
    await expect(closing.listen(() => undefined)).rejects.toThrow();
  });
});
