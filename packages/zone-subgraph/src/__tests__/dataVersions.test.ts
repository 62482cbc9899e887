import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { encodePrincipal, PRINCIPAL_HEADER, signRequest, type Principal } from '@devzone/subgraph-kit';
import { createTestDatabase, pgTargets, type TestDatabase } from '@devzone/testkit';
import { runZoneDataCli } from '../cli/zoneDataCli';
import { startZoneService, type RunningZoneService } from '../service/startZoneService';
import { ALPHA, ALPHA_SYSTEM, ANALYST, BETA, callerOf, KEYS } from './upkeepFixtures';

const REPO = resolve(__dirname, '../../../..');

/** Tables a zone's GraphQL answers never read: their writes change no data version. */
const UNVERSIONED_TABLES = ['applied_seed', 'computed_figure', 'migrations', 'zone_data_version'];

interface Answer {
  status: number;
  type: string | null;
  json: { versions?: Record<string, string>; errors?: { message: string; extensions: { code: string; field?: string; service?: string } }[] };
}

describe.each(pgTargets())('zone data versions on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let service: RunningZoneService;
  const call = callerOf(() => service);
  const sql = <T>(text: string, params: unknown[] = []) => service.database.dataSource.query(text, params) as Promise<T[]>;

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `data_versions_${label}`);
    service = await startZoneService({ name: 'data-versions', databaseUrl: database.url, seeds: [ALPHA, BETA], signingKeys: KEYS });
  });

  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });

  const post = async (body: string, { signed = true, principal = null as Principal | null, method = 'POST' } = {}): Promise<Answer> => {
    const principalHeader = principal ? encodePrincipal(principal) : null;
    const headers = {
      'content-type': 'application/json',
      ...(signed ? signRequest({ keys: KEYS, body, principalHeader }) : {}),
      ...(principalHeader ? { [PRINCIPAL_HEADER]: principalHeader } : {}),
    };
    const response = await fetch(`${service.url}data-versions`, { method, headers, ...(method === 'POST' ? { body } : {}) });
    return { status: response.status, type: response.headers.get('content-type'), json: (await response.json()) as Answer['json'] };
  };
  const versions = async (...zones: string[]) => {
    const answer = await post(JSON.stringify({ zones }));
    expect(answer.status).toBe(200);
    return answer.json.versions!;
  };
  const versionOf = async (zone: string) => BigInt((await versions(zone))[zone]!);

  it("answers each hosted zone's version as a decimal string, with or without a forwarded principal, leaving out zones it does not host", async () => {
    const answer = await post(JSON.stringify({ zones: ['alpha', 'beta', 'gamma', 'alpha'] }));
    expect(answer).toMatchObject({ status: 200, type: expect.stringMatching(/^application\/json/) });
    expect(Object.keys(answer.json.versions!).sort()).toEqual(['alpha', 'beta']);
    expect(Object.values(answer.json.versions!).every((v) => /^[1-9][0-9]*$/.test(v))).toBe(true);
    expect(answer.json.versions!.alpha).not.toBe(answer.json.versions!.beta);
    expect((await post(JSON.stringify({ zones: ['beta', 'alpha'] }), { principal: ANALYST })).json).toEqual(answer.json);
    expect(await versions('gamma')).toEqual({});
  });

  it('reads the versions in one statement', async () => {
    const before = service.database.statements.statements;
    await versions('alpha', 'beta');
    expect(service.database.statements.statements - before).toBe(1);
  });

  it('refuses unsigned requests and other methods as GraphQL does (401 UNAUTHENTICATED)', async () => {
    for (const answer of [await post(JSON.stringify({ zones: ['alpha'] }), { signed: false }), await post('', { method: 'GET' })]) {
      expect(answer.status).toBe(401);
      expect(answer.json.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(answer.json.versions).toBeUndefined();
    }
  });

  it.each([
    ['no zones', {}, 'zones'],
    ['an empty list', { zones: [] }, 'zones'],
    ['a string for the list', { zones: 'alpha' }, 'zones'],
    ['more than 1,000 zones', { zones: Array.from({ length: 1001 }, (_, i) => `z-${i}`) }, 'zones'],
    ['a number for a zone', { zones: ['alpha', 7] }, 'zones[1]'],
    ['a string that is no zone id', { zones: ['alpha', 'beta', 'Not A Zone'] }, 'zones[2]'],
    ['a field besides zones', { zones: ['alpha'], since: 3 }, 'since'],
    ['an array for the body', ['alpha'], 'body'],
    ['null for the body', null, 'body'],
  ])('refuses %s with 400 BAD_USER_INPUT naming the field', async (_case, body, field) => {
    const answer = await post(JSON.stringify(body));
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/^application\/json/);
    expect(answer.json.errors).toEqual([
      { message: expect.stringMatching(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: `)), extensions: { code: 'BAD_USER_INPUT', field } },
    ]);
  });

  it('answers 503 ZONE_UNAVAILABLE naming the service when its database fails, without its words', async () => {
    await sql(`ALTER TABLE zone_data_version RENAME TO zone_data_version_away`);
    try {
      const answer = await post(JSON.stringify({ zones: ['alpha'] }));
      expect(answer.status).toBe(503);
      expect(answer.json.errors).toEqual([
        { message: 'Service "data-versions" is unavailable: its database failed', extensions: { code: 'ZONE_UNAVAILABLE', service: 'data-versions' } },
      ]);
    } finally {
      await sql(`ALTER TABLE zone_data_version_away RENAME TO zone_data_version`);
    }
  });

  it("changes a zone's version with an upkeep mutation, and no other zone's", async () => {
    const before = await versions('alpha', 'beta');
    const body = await call(ALPHA_SYSTEM, `mutation ($input: EnterpriseInput!) { upsertEnterprise(zoneId: "alpha", input: $input) { outcome } }`, {
      input: { nameZh: '版本测试企业', flags: [] },
    });
    expect(body.errors).toBeUndefined();
    const after = await versions('alpha', 'beta');
    expect(BigInt(after.alpha!)).toBeGreaterThan(BigInt(before.alpha!));
    expect(after.beta).toBe(before.beta);
  });

  it('changes the version with an import, and not with its dry run', async () => {
    const IMPORT = `mutation ($content: ImportContent!, $dryRun: Boolean!) {
      importZoneRecords(zoneId: "alpha", kind: ENTERPRISES, format: CSV, content: $content, dryRun: $dryRun) { applied created problems { message } }
    }`;
    const content = '企业名称,职工人数\n版本导入企业甲,12\n版本导入企业乙,30\n';
    const before = await versionOf('alpha');
    const dry = await call<{ importZoneRecords: { applied: boolean } }>(ALPHA_SYSTEM, IMPORT, { content, dryRun: true });
    expect(dry.data?.importZoneRecords.applied).toBe(false);
    expect(await versionOf('alpha')).toBe(before);
    const real = await call<{ importZoneRecords: { applied: boolean; created: number } }>(ALPHA_SYSTEM, IMPORT, { content, dryRun: false });
    expect(real.data?.importZoneRecords).toMatchObject({ applied: true, created: 2 });
    expect(await versionOf('alpha')).toBeGreaterThan(before);
  });

  it('changes the version when a seed file is applied (pnpm zone-data apply-seeds, its own connection)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'data-versions-'));
    try {
      const seed = { ...ALPHA, enterprises: [...ALPHA.enterprises, { ...ALPHA.enterprises[0]!, localId: 'seeded-later', nameZh: '种子新增企业' }] };
      writeFileSync(join(dir, 'alpha.json'), JSON.stringify(seed));
      const before = await versions('alpha', 'beta');
      const out: string[] = [];
      const code = await runZoneDataCli(
        ['apply-seeds', 'data-versions', '--seed-dir', dir],
        { DATABASE_URL: database.url },
        { out: (l) => out.push(l), err: (l) => out.push(l) },
        REPO,
      );
      expect({ code, out }).toMatchObject({ code: 0, out: expect.arrayContaining([expect.stringMatching(/applied: 1 created/)]) });
      const after = await versions('alpha', 'beta');
      expect(BigInt(after.alpha!)).toBeGreaterThan(BigInt(before.alpha!));
      expect(after.beta).toBe(before.beta);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bumps each zone once per transaction, however many rows and statements it writes', async () => {
    const before = await versions('alpha', 'beta');
    const sequence = async () => BigInt((await sql<{ last: string }>(`SELECT last_value::text AS last FROM zone_data_version_seq`))[0]!.last);
    const drawn = await sequence();
    await service.database.dataSource.transaction(async (manager) => {
      // 3,000 enterprises of two zones in one statement, then more statements on both.
      await manager.query(
        `INSERT INTO enterprise (id, zone_id, name_zh, synthetic)
         SELECT z || ':bulk-' || i, z, '批量企业' || i, true FROM unnest(ARRAY['alpha', 'beta']) z, generate_series(1, 1500) i`,
      );
      await manager.query(`UPDATE enterprise SET employees = 5 WHERE id LIKE '%:bulk-%'`);
      await manager.query(`DELETE FROM enterprise WHERE id LIKE 'beta:bulk-%'`);
      // Outside the transaction, nothing shows before it commits.
      expect(await versions('alpha', 'beta')).toEqual(before);
    });
    const after = await versions('alpha', 'beta');
    expect(BigInt(after.alpha!)).toBeGreaterThan(BigInt(before.alpha!));
    expect(BigInt(after.beta!)).toBeGreaterThan(BigInt(before.beta!));
    // One value of the shared sequence per zone: two bumps in all.
    expect((await sequence()) - drawn).toBe(2n);
  });

  it('changes the version through a parent: coverage links (both zones) and alliance members', async () => {
    const before = await versions('alpha', 'beta');
    await sql(`INSERT INTO organization_coverage (organization_id, enterprise_id) VALUES ('alpha:committee', 'beta:one')`);
    const linked = await versions('alpha', 'beta');
    expect([BigInt(linked.alpha!) > BigInt(before.alpha!), BigInt(linked.beta!) > BigInt(before.beta!)]).toEqual([true, true]);
    await sql(`DELETE FROM alliance_member WHERE alliance_id = 'alpha:logistics' AND member_id = 'alpha:sanfeng'`);
    const left = await versions('alpha', 'beta');
    expect(BigInt(left.alpha!)).toBeGreaterThan(BigInt(linked.alpha!));
    expect(left.beta).toBe(linked.beta);
  });

  it('keeps versions of a rolled-back write, and gives a zone created again a version never used', async () => {
    const before = await versionOf('beta');
    await expect(
      service.database.dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE zone SET name_en = 'Beta (renamed)' WHERE id = 'beta'`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await versionOf('beta')).toBe(before);

    await sql(`INSERT INTO zone (id, name_zh, name_en, enterprises_completeness, party_organizations_completeness, honors_completeness,
                                alliances_completeness, service_stations_completeness) VALUES ('delta', '德尔塔', 'Delta', 'complete', 'complete', 'complete', 'complete', 'complete')`);
    const [first] = await sql<{ version: string }>(`SELECT version::text FROM zone_data_version WHERE zone_id = 'delta'`);
    await sql(`DELETE FROM zone WHERE id = 'delta'`);
    expect(await sql(`SELECT 1 FROM zone_data_version WHERE zone_id = 'delta'`)).toEqual([]);
    await sql(`INSERT INTO zone (id, name_zh, name_en, enterprises_completeness, party_organizations_completeness, honors_completeness,
                                alliances_completeness, service_stations_completeness) VALUES ('delta', '德尔塔', 'Delta', 'complete', 'complete', 'complete', 'complete', 'complete')`);
    const [again] = await sql<{ version: string }>(`SELECT version::text FROM zone_data_version WHERE zone_id = 'delta'`);
    expect(BigInt(again!.version)).toBeGreaterThan(BigInt(first!.version));
  });

  it('gives a version to a zone created in a transaction that named it before, or deleted it first', async () => {
    const createZone = (id: string) => `INSERT INTO zone (id, name_zh, name_en, enterprises_completeness, party_organizations_completeness,
        honors_completeness, alliances_completeness, service_stations_completeness)
      VALUES ('${id}', '新开发区', 'New Zone', 'complete', 'complete', 'complete', 'complete', 'complete')`;
    await service.database.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO upkeep_audit (actor, zone_id, entity_kind, natural_key, action, after) VALUES ('test', 'epsilon', 'zone', 'id=epsilon', 'create', '{}')`,
      );
      await manager.query(createZone('epsilon'));
    });
    await service.database.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM zone WHERE id = 'delta'`);
      await manager.query(createZone('delta'));
    });
    expect(await sql(`SELECT zone_id FROM zone_data_version WHERE zone_id IN ('delta', 'epsilon') ORDER BY zone_id`)).toEqual([
      { zone_id: 'delta' },
      { zone_id: 'epsilon' },
    ]);
  });

  it('has insert, update, delete and truncate triggers on every table a GraphQL answer reads', async () => {
    const rows = await sql<{ table: string; triggers: string[] }>(`
      SELECT c.relname::text AS table, coalesce(array_agg(t.tgname::text ORDER BY t.tgname) FILTER (WHERE t.tgname IS NOT NULL), '{}'::text[]) AS triggers
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
        LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname LIKE 'zone_data_%'
       WHERE c.relkind = 'r'
       GROUP BY c.relname`);
    const versioned = rows.filter((r) => !UNVERSIONED_TABLES.includes(r.table));
    expect(versioned.map((r) => r.table).sort()).toEqual(
      [
        'alliance',
        'alliance_member',
        'enterprise',
        'honor',
        'indicator_report',
        'organization_coverage',
        'party_organization',
        'service_station',
        'upkeep_audit',
        'zone',
      ].sort(),
    );
    for (const { table, triggers } of versioned)
      expect({ table, triggers }).toEqual({ table, triggers: ['zone_data_deleted', 'zone_data_inserted', 'zone_data_truncated', 'zone_data_updated'] });
  });
});
