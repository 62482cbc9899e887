import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, pgTargets, type TestDatabase } from '@devzone/testkit';
import { runZoneDataCli } from '../cli/zoneDataCli';
import { checkSeedDrift } from '../seed/seedDrift';
import { writeZoneSeeds } from '../seed/writeSeed';
import { startZoneService, type RunningZoneService } from '../service/startZoneService';
import { loadSeedDir } from '../service/zoneServiceDefinition';
import { ALPHA_SYSTEM, callerOf, count, KEYS } from './upkeepFixtures';

const REPO = resolve(__dirname, '../../../..');
const CHENGXI_SEED = join(REPO, 'subgraphs/chengxi/seed/chengxi.json');

type Json = Record<string, unknown> & { zone: Record<string, unknown>; enterprises: Record<string, unknown>[]; honors: Record<string, unknown>[] };

/** The real Chengxi seed file, copied to a folder of its own so that the test can edit it. */
function seedFolder(): { dir: string; file: string; edit: (change: (seed: Json) => void) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'seed-drift-'));
  const file = join(dir, 'chengxi.json');
  copyFileSync(CHENGXI_SEED, file);
  return {
    dir,
    file,
    edit: (change) => {
      const seed = JSON.parse(readFileSync(file, 'utf8')) as Json;
      change(seed);
      writeFileSync(file, JSON.stringify(seed, null, 2));
    },
  };
}

const CHENGXI_SYSTEM = { ...ALPHA_SYSTEM, subject: 'key:chengxisys0000001', zoneIds: ['chengxi'] };

describe.each(pgTargets())('seed drift on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let service: RunningZoneService | undefined;
  const folder = seedFolder();
  const warnings: string[] = [];
  const start = async () => {
    warnings.length = 0;
    service = await startZoneService({
      name: 'chengxi',
      databaseUrl: database.url,
      seeds: loadSeedDir(folder.dir),
      signingKeys: KEYS,
      warn: (line) => warnings.push(line),
    });
    return service;
  };
  const restart = async () => {
    await service?.stop();
    return start();
  };
  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runZoneDataCli(argv, { DATABASE_URL: database.url }, { out: (l) => out.push(l), err: (l) => err.push(l) }, REPO);
    return { code, out, err };
  };
  const call = callerOf(() => service!);
  const industryOf = async (id: string) => (await service!.database.dataSource.query(`SELECT industry FROM enterprise WHERE id = $1`, [id]))[0]?.industry;

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `seed_drift_${label}`);
  });

  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });

  it('records the content of each seed file it applies on a first start', async () => {
    const running = await start();
    expect(running.seedOutcomes).toEqual([{ zoneId: 'chengxi', status: 'seeded' }]);
    expect(running.seedDrift).toEqual([expect.objectContaining({ zoneId: 'chengxi', fileName: 'chengxi.json', state: 'applied' })]);
    expect(warnings).toEqual([]);
    expect(await count(running, `SELECT count(*) AS n FROM applied_seed WHERE zone_id = 'chengxi' AND applied_by = 'seed:chengxi.json'`)).toBe(1);
  });

  it('reports a seed file edited after it was applied, at start, naming the file, the zone and the command; it does not apply it', async () => {
    // A zone system keeps one of the seed's records current meanwhile, and gives an honor to another.
    const kept = await call(
      CHENGXI_SYSTEM,
      `mutation { upsertEnterprise(zoneId: "chengxi", input: { nameZh: "中通快递", industry: "快递物流" }) { outcome } }`,
    );
    expect(kept.errors).toBeUndefined();
    const honor = await call(
      CHENGXI_SYSTEM,
      `mutation { upsertHonor(zoneId: "chengxi", input: { holderKind: ENTERPRISE, holder: "顺丰", title: "红色驿站示范点", level: ZONE, year: 2024 }) { outcome } }`,
    );
    expect(honor.errors).toBeUndefined();

    folder.edit((seed) => {
      seed.zone.recordsAsOf = '2021-09';
      seed.enterprises.find((e) => e.localId === 'yunda')!.industry = 'express delivery and logistics';
      seed.enterprises = seed.enterprises.filter((e) => e.localId !== 'jitu');
      seed.enterprises.push({
        localId: 'jd',
        nameZh: '京东物流',
        industry: 'logistics',
        source: { document: '002_f58e7a24f91462c7.txt', passage: '快递物流企业' },
      });
      seed.honors = [];
    });
    const running = await restart();
    expect(running.seedDrift).toEqual([expect.objectContaining({ zoneId: 'chengxi', state: 'changed' })]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^WARNING: seed file chengxi\.json of zone "chengxi" \(service "chengxi"\) has changed since it was applied on \d{4}-/);
    expect(warnings[0]).toContain('pnpm zone-data apply-seeds chengxi');
    expect(await industryOf('chengxi:yunda')).toBe('express delivery');
    expect(await count(running, `SELECT count(*) AS n FROM enterprise WHERE id = 'chengxi:jd'`)).toBe(0);
  });

  it('seed-status and a dry run list what would change and write nothing', async () => {
    const auditBefore = await count(service!, 'SELECT count(*) AS n FROM upkeep_audit');
    const status = await cli('seed-status', 'chengxi', '--seed-dir', folder.dir);
    expect(status.code).toBe(0);
    expect(status.out[0]).toMatch(/^chengxi\.json \(zone chengxi\): CHANGED since applied .*; applying it would change 5 record\(s\)$/);
    const dry = await cli('apply-seeds', 'chengxi', '--seed-dir', folder.dir, '--dry-run');
    expect(dry).toMatchObject({ code: 0, err: [] });
    expect(dry.out[0]).toBe('chengxi.json (zone chengxi): would apply: 1 created, 2 updated, 2 deleted');
    expect(dry.out.slice(1).sort()).toEqual(
      [
        '  create enterprise id=chengxi:jd',
        '  delete enterprise id=chengxi:jitu',
        '  delete honor id=chengxi:lange-red-workshop-2020',
        '  update enterprise id=chengxi:yunda',
        '  update zone id=chengxi',
      ].sort(),
    );
    expect(await count(service!, 'SELECT count(*) AS n FROM upkeep_audit')).toBe(auditBefore);
    expect(await industryOf('chengxi:yunda')).toBe('express delivery');
  });

  it('apply-seeds applies what the file changed as an audited upsert (actor seed:<file>), keeping the zone system’s other edits', async () => {
    const applied = await cli('apply-seeds', 'chengxi', '--seed-dir', folder.dir);
    expect(applied).toMatchObject({ code: 0, err: [] });
    expect(applied.out[0]).toMatch(
      /^chengxi\.json \(zone chengxi\): applied: 1 created, 2 updated, 2 deleted \(audit import id [0-9a-f-]{36}, actor seed:chengxi\.json\)$/,
    );
    expect(await industryOf('chengxi:yunda')).toBe('express delivery and logistics');
    expect(await industryOf('chengxi:zhongtong')).toBe('快递物流');
    expect(
      await count(service!, `SELECT count(*) AS n FROM enterprise WHERE id IN ('chengxi:jd') AND entered_by IS NULL AND source_document IS NOT NULL`),
    ).toBe(1);
    expect(await count(service!, `SELECT count(*) AS n FROM enterprise WHERE id = 'chengxi:jitu'`)).toBe(0);
    expect((await service!.database.dataSource.query(`SELECT records_as_of FROM zone WHERE id = 'chengxi'`))[0].records_as_of).toBe('2021-09');

    const audit = await service!.database.dataSource.query(
      `SELECT entity_kind, action, record_id, before, after FROM upkeep_audit WHERE actor = 'seed:chengxi.json' ORDER BY id`,
    );
    expect(audit.map((a: { entity_kind: string; action: string; record_id: string }) => `${a.action} ${a.entity_kind} ${a.record_id}`).sort()).toEqual(
      [
        'create enterprise chengxi:jd',
        'delete enterprise chengxi:jitu',
        'delete honor chengxi:lange-red-workshop-2020',
        'update enterprise chengxi:yunda',
        'update zone chengxi',
      ].sort(),
    );
    const yunda = audit.find((a: { record_id: string }) => a.record_id === 'chengxi:yunda');
    expect(yunda.before).toMatchObject({ industry: 'express delivery' });
    expect(yunda.after).toMatchObject({ industry: 'express delivery and logistics' });

    const again = await cli('apply-seeds', 'chengxi', '--seed-dir', folder.dir);
    expect(again.out).toEqual(['chengxi.json (zone chengxi): applied: the zone already holds it']);
    expect(await count(service!, `SELECT count(*) AS n FROM upkeep_audit WHERE actor = 'seed:chengxi.json'`)).toBe(5);

    const running = await restart();
    expect(running.seedDrift).toEqual([expect.objectContaining({ state: 'applied' })]);
    expect(warnings).toEqual([]);
  });

  it('refuses, writing nothing, to drop a record that a record outside the file still uses', async () => {
    folder.edit((seed) => {
      seed.enterprises = seed.enterprises.filter((e) => e.localId !== 'shunfeng');
    });
    const refused = await cli('apply-seeds', 'chengxi', '--seed-dir', folder.dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([
      'chengxi.json (zone chengxi): not applied, nothing written:',
      expect.stringMatching(
        /^ {2}"chengxi:shunfeng" is dropped by the file but honor "chengxi:h-[0-9a-f]{12}" \(its holder\) still uses it: change or drop that record too$/,
      ),
    ]);
    expect(await count(service!, `SELECT count(*) AS n FROM enterprise WHERE id = 'chengxi:shunfeng'`)).toBe(1);
    const running = await restart();
    expect(running.seedDrift).toEqual([expect.objectContaining({ state: 'changed' })]);
  });

  it("finds a launcher's seed folder by the service name, as `pnpm zone-data apply-seeds <service>` does", async () => {
    const other = await createTestDatabase(adminUrl, `seed_drift_lookup_${label}`);
    try {
      const out: string[] = [];
      const code = await runZoneDataCli(['seed-status', 'yongkang'], { DATABASE_URL: other.url }, { out: (l) => out.push(l), err: (l) => out.push(l) }, REPO);
      expect(code).toBe(0);
      expect(out).toEqual(['yongkang.json (zone yongkang): zone not stored yet; apply-seeds seeds it', 'Apply with: pnpm zone-data apply-seeds yongkang']);
      const unknown: string[] = [];
      expect(await runZoneDataCli(['seed-status', 'nowhere'], {}, { out: (l) => unknown.push(l), err: (l) => unknown.push(l) }, REPO)).toBe(2);
      expect(unknown[0]).toMatch(/^no zone service "nowhere" under .*subgraphs \(give --seed-dir\)/);
    } finally {
      await other.drop();
    }
  });
});

describe.each(pgTargets())('seed files of zones stored before seed drift was kept, on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let service: RunningZoneService | undefined;

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `seed_drift_old_${label}`);
  });

  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });

  it('records a file the zone already holds exactly, and reports one it differs from', async () => {
    const folder = seedFolder();
    const [seed] = loadSeedDir(folder.dir);
    // As a zone stored by an earlier version: written, with no record of the file.
    const { origin: _origin, ...withoutOrigin } = seed;
    service = await startZoneService({ name: 'chengxi', databaseUrl: database.url, seeds: [], signingKeys: KEYS, warn: () => undefined });
    await writeZoneSeeds(service.database.dataSource, [withoutOrigin]);
    await service.stop();

    const warnings: string[] = [];
    service = await startZoneService({
      name: 'chengxi',
      databaseUrl: database.url,
      seeds: loadSeedDir(folder.dir),
      signingKeys: KEYS,
      warn: (l) => warnings.push(l),
    });
    expect(service.seedDrift).toEqual([expect.objectContaining({ state: 'recorded' })]);
    expect(warnings).toEqual([]);

    await service.database.dataSource.query(`DELETE FROM applied_seed`);
    await service.database.dataSource.query(`UPDATE enterprise SET industry = 'edited by hand' WHERE id = 'chengxi:yunda'`);
    await service.stop();
    service = await startZoneService({
      name: 'chengxi',
      databaseUrl: database.url,
      seeds: loadSeedDir(folder.dir),
      signingKeys: KEYS,
      warn: (l) => warnings.push(l),
    });
    expect(service.seedDrift).toEqual([expect.objectContaining({ state: 'unrecorded', differences: 1 })]);
    expect(warnings).toEqual([
      expect.stringMatching(
        /differs from what the zone holds \(1 record\(s\)\) and was never recorded as applied\. Apply it with: pnpm zone-data apply-seeds chengxi/,
      ),
    ]);
  });

  it('agrees with the seed writer on every article seed: each zone written by an earlier version is recorded, none reported', async () => {
    const other = await createTestDatabase(adminUrl, `seed_drift_all_${label}`);
    let running: RunningZoneService | undefined;
    try {
      running = await startZoneService({ name: 'all', databaseUrl: other.url, seeds: [], signingKeys: KEYS, warn: () => undefined });
      const seeds = ['yongkang', 'chengxi', 'jinjiang', 'anhui'].flatMap((name) => loadSeedDir(join(REPO, 'subgraphs', name, 'seed')));
      await writeZoneSeeds(
        running.database.dataSource,
        seeds.map(({ origin: _origin, ...seed }) => seed),
      );
      const drift = await checkSeedDrift(running.database.dataSource, seeds);
      expect(drift.map((d) => [d.zoneId, d.state])).toEqual(seeds.map((seed) => [seed.zone.id, 'recorded']));
    } finally {
      await running?.stop();
      await other.drop();
    }
  });
});
