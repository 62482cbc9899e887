import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openServiceDatabase, type ServiceDatabase } from '@devzone/database';
import { generateZones } from '@devzone/synthetic';
import { createTestDatabase, pgTargets, type TestDatabase } from '@devzone/testkit';
import { DERIVATIONS } from '../computed/derivations';
import { RULES_DIGEST, rulesDigest } from '../computed/rulesDigest';
import { IndicatorReportRow, zoneEntities } from '../db/entities';
import { zoneMigrations } from '../db/migrations';
import { loadZoneSeedFile } from '../seed/loadSeedFile';
import type { WritableZoneSeed } from '../seed/seedSchema';
import { writeZoneSeeds } from '../seed/writeSeed';
import type { DataSource } from 'typeorm';
import { aggregatePartsOf, aggregatesSql } from './aggregateSql';
import { assessZones, computeAssessments, type ComputedFiguresKey } from './computedIndicators';
import { indicatorFiguresOfZones, READ_ATTEMPTS, type IndicatorFigures } from './indicatorFigures';
import { OutcomeMemo } from './outcomeMemo';
import { plainSelectList } from './plainRows';
import { REPORTS_MEMO_ROWS } from './reports';
import { ZoneVersionMemo } from './zoneVersionMemo';

/** Every article seed the zone services ship with. */
function articleSeeds(): WritableZoneSeed[] {
  const subgraphs = join(__dirname, '../../../../subgraphs');
  return ['yongkang', 'chengxi', 'jinjiang', 'anhui'].flatMap((service) => {
    const dir = join(subgraphs, service, 'seed');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => loadZoneSeedFile(join(dir, f)));
  });
}

/** A register where one enterprise is covered twice, one once through a joint branch, one not at all. */
const overlapping: WritableZoneSeed = {
  zone: {
    id: 'overlap',
    nameZh: '重叠覆盖开发区',
    nameEn: 'Overlap Zone',
    recordCompleteness: { enterprises: 'complete', partyOrganizations: 'complete', honors: 'complete', alliances: 'complete', serviceStations: 'complete' },
    recordsAsOf: '2024',
  },
  enterprises: ['e1', 'e2', 'e3'].map((localId) => ({ localId, nameZh: `重叠企业${localId}`, flags: [] })),
  partyOrganizations: [
    { localId: 'committee', nameZh: '重叠党工委', type: 'working_committee', enterpriseLocalIds: [] },
    { localId: 'b1', nameZh: '重叠企业一党支部', type: 'branch', parentLocalId: 'committee', enterpriseLocalIds: ['e1'] },
    { localId: 'j1', nameZh: '重叠联合党支部', type: 'joint_branch', parentLocalId: 'committee', enterpriseLocalIds: ['e1', 'e2'] },
  ],
  honors: [],
  alliances: [],
  serviceStations: [],
  indicators: [],
};

/** The statement as it was: coverage as a per-enterprise EXISTS. The new one must give the same counts. */
const PER_ROW_EXISTS_SQL = `
SELECT z.id AS zone_id, e.enterprises, e.covered
FROM zone z
LEFT JOIN LATERAL (
  SELECT count(*) AS enterprises,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM organization_coverage c WHERE c.enterprise_id = en.id)) AS covered
  FROM enterprise en WHERE zone_id = z.id) e ON true
WHERE z.id = ANY($1)`;

describe.each(pgTargets())('computed-indicator aggregates on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let service: ServiceDatabase;
  let zoneIds: string[];

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `computed_sql_${label}`);
    service = await openServiceDatabase({ url: database.url, entities: zoneEntities, migrations: zoneMigrations });
    const seeds = articleSeeds();
    await writeZoneSeeds(service.dataSource, seeds);
    const synthetic = generateZones({ zones: 1, enterprisesPerZone: 100, seed: 3, prefix: 'kept' });
    await writeZoneSeeds(service.dataSource, [overlapping, ...synthetic], { synthetic: true });
    zoneIds = [...seeds, overlapping, ...synthetic].map((s) => s.zone.id);
  });

  afterAll(async () => {
    await service?.close();
    await database?.drop();
  });

  it('counts covered enterprises as the per-enterprise EXISTS did, on every seeded zone', async () => {
    const sql = aggregatesSql(aggregatePartsOf(DERIVATIONS));
    const old = new Map(
      ((await service.dataSource.query(PER_ROW_EXISTS_SQL, [zoneIds])) as { zone_id: string; enterprises: string; covered: string }[]).map((r) => [
        r.zone_id,
        { enterprises: r.enterprises, covered: r.covered },
      ]),
    );
    const now = (await service.dataSource.query(sql, [zoneIds])) as { zone_id: string; enterprises: string; covered: string }[];
    expect(now).toHaveLength(zoneIds.length);
    for (const row of now)
      expect({ zone: row.zone_id, enterprises: row.enterprises, covered: row.covered }).toEqual({ zone: row.zone_id, ...old.get(row.zone_id) });
    expect(now.some((r) => Number(r.covered) > 0)).toBe(true);
    expect(now.find((r) => r.zone_id === 'overlap')).toMatchObject({ enterprises: '3', covered: '2' });
  });

  it('builds, for the codes asked, exactly the figures and reasons the full assessment gives for them', async () => {
    const full = await computeAssessments(
      service.dataSource,
      zoneIds.map((zoneId) => ({ zoneId, codes: null })),
    );
    expect(full.some((a) => a.figures.length > 0)).toBe(true);
    for (const codes of [
      ['org_coverage.rate'],
      ['party_org.count', 'honor.count'],
      ['enterprise.count', 'alliance.count', 'red_station.count'],
      ['party_member.count'],
    ]) {
      const asked = await computeAssessments(
        service.dataSource,
        zoneIds.map((zoneId) => ({ zoneId, codes })),
      );
      asked.forEach((assessment, i) => {
        expect(assessment.figures).toEqual(full[i].figures.filter((f) => codes.includes(f.code)));
        expect(assessment.unassessed).toEqual(full[i].unassessed.filter((u) => codes.includes(u.code)));
      });
    }
  });

  it('answers a batch mixing code sets, zones asked twice and unknown zones in one statement', async () => {
    const before = service.statements.statements;
    const keys = [
      ...zoneIds.map((zoneId) => ({ zoneId, codes: ['party_org.count'] })),
      ...zoneIds.map((zoneId) => ({ zoneId, codes: ['org_coverage.rate', 'brand.count'] })),
      { zoneId: 'no-such-zone', codes: ['party_org.count'] },
    ];
    const answers = await computeAssessments(service.dataSource, keys);
    expect(service.statements.statements - before).toBe(1);
    expect(answers).toHaveLength(keys.length);
    expect(answers[answers.length - 1]).toEqual({ figures: [], unassessed: [] });
    answers.forEach((a, i) => [...a.figures, ...a.unassessed].forEach((f) => expect(keys[i].codes).toContain(f.code)));
  });

  it('sends no statement when no asked code is computable', async () => {
    const before = service.statements.statements;
    const keys = [{ zoneId: zoneIds[0], codes: ['derived.members_per_org'] }];
    expect(await computeAssessments(service.dataSource, keys)).toEqual([{ figures: [], unassessed: [] }]);
    expect(await assessZones(service.dataSource, keys)).toEqual([{ figures: [], unassessed: [] }]);
    expect(service.statements.statements - before).toBe(0);
  });

  describe('kept per zone and code', () => {
    const statementsOf = async (keys: ComputedFiguresKey[], memo = new OutcomeMemo()) => {
      const before = service.statements.statements;
      const answers = await assessZones(service.dataSource, keys, memo);
      return { answers, statements: service.statements.statements - before };
    };
    const every = () => zoneIds.map((zoneId) => ({ zoneId, codes: null }));

    beforeAll(async () => {
      await service.dataSource.query(`DELETE FROM computed_figure`);
    });

    it('gives the figures and reasons freshly computed ones give, cold and warm, on every article seed and a synthetic zone', async () => {
      const code = ['org_coverage.rate', 'party_member.count', 'honor.count'];
      const mixed = zoneIds.flatMap((zoneId, i) => [
        { zoneId, codes: i % 2 === 0 ? code : null },
        { zoneId, codes: ['alliance.count'] },
      ]);
      for (const keys of [mixed, every(), mixed]) expect((await statementsOf(keys)).answers).toEqual(await computeAssessments(service.dataSource, keys));
      expect((await statementsOf(every())).answers.every((a) => a.figures.length + a.unassessed.length === DERIVATIONS.length)).toBe(true);
    });

    it('reads versions and kept figures in two statements and computes cold ones in four, for one zone or all', async () => {
      await service.dataSource.query(`DELETE FROM computed_figure`);
      expect((await statementsOf([{ zoneId: zoneIds[0], codes: null }])).statements).toBe(4);
      expect((await statementsOf(every())).statements).toBe(4);
      expect((await statementsOf(every())).statements).toBe(2);
      expect(
        (
          await statementsOf([
            { zoneId: zoneIds[0], codes: ['brand.count'] },
            { zoneId: 'no-such-zone', codes: null },
          ])
        ).statements,
      ).toBe(2);
    });

    it("answers from the service's memo in one statement, the versions, and reads the table only for what it lacks", async () => {
      const memo = new OutcomeMemo();
      const first = await statementsOf(every(), memo);
      expect(first.statements).toBe(2);
      const warm = await statementsOf(every(), memo);
      expect(warm.statements).toBe(1);
      expect(warm.answers).toEqual(first.answers);
      // What the memo holds at a version is what the table holds: an edit behind its back is not read again.
      await service.dataSource.query(
        `UPDATE computed_figure SET figure = jsonb_set(figure::jsonb, '{value}', '999') WHERE zone_id = 'overlap' AND code = 'enterprise.count'`,
      );
      expect((await statementsOf([{ zoneId: 'overlap', codes: ['enterprise.count'] }], memo)).answers[0]!.figures[0]!.value).toBe(3);
      // A write moves the zone's version on: its figures are computed again, the other zones' still come from memory.
      await service.dataSource.query(`INSERT INTO enterprise (id, zone_id, name_zh, synthetic) VALUES ('overlap:e5', 'overlap', '重叠企业e5', true)`);
      const afterWrite = await statementsOf(every(), memo);
      expect(afterWrite.statements).toBe(4);
      expect(afterWrite.answers).toEqual(await computeAssessments(service.dataSource, every()));
      expect(afterWrite.answers[zoneIds.indexOf('overlap')]!.figures.find((f) => f.code === 'enterprise.count')!.value).toBe(4);
      expect((await statementsOf(every(), memo)).statements).toBe(1);
      await service.dataSource.query(`DELETE FROM enterprise WHERE id = 'overlap:e5'`);
    });

    it('computes again only the zone a write changed, and its next read shows the write', async () => {
      await assessZones(service.dataSource, every());
      const keptAt = async () =>
        new Map(
          (
            (await service.dataSource.query(`SELECT zone_id, min(data_version)::text AS v FROM computed_figure GROUP BY zone_id`)) as {
              zone_id: string;
              v: string;
            }[]
          ).map((r) => [r.zone_id, r.v]),
        );
      const before = await keptAt();
      const count = async () => (await assessZones(service.dataSource, [{ zoneId: 'overlap', codes: ['enterprise.count'] }]))[0].figures[0]?.value;
      expect(await count()).toBe(3);
      await service.dataSource.query(`INSERT INTO enterprise (id, zone_id, name_zh, synthetic) VALUES ('overlap:e4', 'overlap', '重叠企业e4', true)`);
      expect(await count()).toBe(4);
      const { answers, statements } = await statementsOf(every());
      expect(statements).toBe(4);
      expect(answers).toEqual(await computeAssessments(service.dataSource, every()));
      const after = await keptAt();
      for (const zoneId of zoneIds) expect({ zoneId, changed: after.get(zoneId) !== before.get(zoneId) }).toEqual({ zoneId, changed: zoneId === 'overlap' });
    });

    it('never mixes two versions of a zone in one answer when a write lands between reading its version and computing the missing', async () => {
      await service.dataSource.query(`DELETE FROM computed_figure`);
      const ask = (dataSource: DataSource) => assessZones(dataSource, [{ zoneId: 'overlap', codes: ['party_org.count', 'enterprise.count'] }]);
      await assessZones(service.dataSource, [{ zoneId: 'overlap', codes: ['party_org.count'] }]);
      const before = (await ask(service.dataSource))[0]!;
      await service.dataSource.query(`DELETE FROM computed_figure WHERE code = 'enterprise.count'`);
      // Once the kept figures are read, another connection adds a branch: the version moves on.
      let wrote = false;
      const writingAfterKeptRead = new Proxy(service.dataSource, {
        get(target, property, receiver) {
          if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
          return async (sql: string, parameters?: unknown[]) => {
            const rows: unknown = await target.query(sql, parameters);
            if (!wrote && sql.includes('FROM computed_figure')) {
              wrote = true;
              await target.query(
                `INSERT INTO party_organization (id, zone_id, name_zh, type, parent_id, synthetic) VALUES ('overlap:b9', 'overlap', '重叠新支部', 'branch', 'overlap:committee', true)`,
              );
            }
            return rows;
          };
        },
      });
      const statementsBefore = service.statements.statements;
      const [during] = await ask(writingAfterKeptRead);
      expect(wrote).toBe(true);
      // Versions, kept figures, the other connection's write, aggregate of the missing code, the race seen: every asked code again, keep.
      expect(service.statements.statements - statementsBefore).toBe(6);
      const value = (answer: typeof during, code: string) => answer!.figures.find((f) => f.code === code)?.value;
      expect(value(during, 'party_org.count')).toBe(value(before, 'party_org.count')! + 1);
      expect(value(during, 'enterprise.count')).toBe(value(before, 'enterprise.count'));
      expect(during).toEqual((await computeAssessments(service.dataSource, [{ zoneId: 'overlap', codes: ['party_org.count', 'enterprise.count'] }]))[0]);
      expect(await ask(service.dataSource)).toEqual([during]);
      await service.dataSource.query(`DELETE FROM party_organization WHERE id = 'overlap:b9'`);
    });

    describe("a zone's reported and computed figures together", () => {
      const REPORT = `INSERT INTO indicator_report (zone_id, code, period, period_basis, value, qualifier, unit, synthetic)
                      VALUES ('overlap', 'party_org.count', '2024', 'year end', $1, 'exact', '个', true)`;
      const state = () => ({
        outcomes: new OutcomeMemo(),
        reports: new ZoneVersionMemo<readonly IndicatorReportRow[]>(REPORTS_MEMO_ROWS),
        reportColumns: plainSelectList(service.dataSource, IndicatorReportRow, 'r'),
      });
      const key = { zoneId: 'overlap', codes: ['party_org.count'] };
      /** A data source that lets another connection write (once each) right after each statement matching a pattern. */
      const writingAfter = (writes: { after: RegExp; sql: string[] }[]) => {
        const pending = [...writes];
        return new Proxy(service.dataSource, {
          get(target, property, receiver) {
            if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
            return async (sql: string, parameters?: unknown[]) => {
              const rows: unknown = await target.query(sql, parameters);
              const write = pending[0];
              if (write?.after.test(sql)) {
                pending.shift();
                await target.transaction(async (manager) => {
                  for (const statement of write.sql) await manager.query(statement, statement === REPORT ? [pending.length + 100] : []);
                });
              }
              return rows;
            };
          },
        });
      };
      const branch = (id: string) =>
        `INSERT INTO party_organization (id, zone_id, name_zh, type, parent_id, synthetic) VALUES ('overlap:${id}', 'overlap', '重叠支部${id}', 'branch', 'overlap:committee', true)`;
      /** The figures of an answer that is not an error. */
      const answered = (answer: IndicatorFigures | Error | undefined): IndicatorFigures => {
        if (answer === undefined || answer instanceof Error) throw new Error(`expected figures, got ${String(answer)}`);
        return answer;
      };
      const organizations = (answer: IndicatorFigures | Error | undefined) =>
        answered(answer).assessment.figures.find((f) => f.code === 'party_org.count')!.value;

      afterEach(async () => {
        await service.dataSource.query(`DELETE FROM indicator_report WHERE zone_id = 'overlap'`);
        await service.dataSource.query(`DELETE FROM party_organization WHERE id LIKE 'overlap:x%'`);
      });

      it('reads the reports with the zone versions and, warm, nothing else: one statement', async () => {
        const shared = state();
        await indicatorFiguresOfZones(service.dataSource, shared, [key]);
        const before = service.statements.statements;
        const [answer] = await indicatorFiguresOfZones(service.dataSource, shared, [key, { zoneId: 'no-such-zone', codes: null }]);
        expect(service.statements.statements - before).toBe(1);
        expect(answered(answer).reports).toEqual([]);
        expect(organizations(answer)).toBe(2);
      });

      it('never answers reports of one version with computed figures of another: a zone written in between is read again, both sides', async () => {
        // Nothing kept: the figures are computed. Between the reports and the computing, one
        // transaction adds a report and a branch: the version moves on.
        await service.dataSource.query(`DELETE FROM computed_figure`);
        const shared = state();
        const source = writingAfter([{ after: /LEFT JOIN indicator_report r/, sql: [REPORT, branch('x1')] }]);
        const [answer] = await indicatorFiguresOfZones(source, shared, [key]);
        expect(answered(answer).reports.map((r) => r.value)).toEqual([100]);
        expect(organizations(answer)).toBe(3);
        const [again] = await indicatorFiguresOfZones(service.dataSource, state(), [key]);
        expect(again).toEqual(answer);
      });

      it('answers from what is kept at the version the reports were read at, whatever is written after', async () => {
        const shared = state();
        await indicatorFiguresOfZones(service.dataSource, shared, [key]);
        const source = writingAfter([{ after: /LEFT JOIN indicator_report r/, sql: [REPORT, branch('x1')] }]);
        const [answer] = await indicatorFiguresOfZones(source, shared, [key]);
        expect([answered(answer).reports, organizations(answer)]).toEqual([[], 2]);
      });

      it(`gives up, naming the zone, when it is written during each of ${READ_ATTEMPTS} reads`, async () => {
        // Written after each reports statement and again after each keeping: nothing kept is ever at the version read.
        await service.dataSource.query(`DELETE FROM computed_figure`);
        const writes = Array.from({ length: READ_ATTEMPTS }, (_, i) => [
          { after: /LEFT JOIN indicator_report r/, sql: [REPORT, branch(`x${i}`)] },
          { after: /INSERT INTO computed_figure/, sql: [branch(`x${i}k`)] },
        ]).flat();
        const [overlap, other] = await indicatorFiguresOfZones(writingAfter(writes), state(), [key, { zoneId: zoneIds[0]!, codes: null }]);
        expect(overlap).toBeInstanceOf(Error);
        expect(overlap).toMatchObject({
          message: `Zone "overlap" was written during each of ${READ_ATTEMPTS} reads of its indicators; ask again.`,
          extensions: { code: 'ZONE_UNAVAILABLE', zoneId: 'overlap' },
        });
        // The batch's other zone is answered.
        expect(other).not.toBeInstanceOf(Error);
      });
    });

    it("serves what is kept at the zone's version and under these rules, and nothing kept under other rules", async () => {
      await assessZones(service.dataSource, every());
      const count = async () => (await assessZones(service.dataSource, [{ zoneId: 'overlap', codes: ['enterprise.count'] }]))[0].figures[0]?.value;
      await service.dataSource.query(
        `UPDATE computed_figure SET figure = jsonb_set(figure::jsonb, '{value}', '999') WHERE zone_id = 'overlap' AND code = 'enterprise.count'`,
      );
      expect(await count()).toBe(999);
      await service.dataSource.query(`UPDATE computed_figure SET rules = 'earlier rules' WHERE zone_id = 'overlap' AND code = 'enterprise.count'`);
      expect(await count()).toBe(4);
      expect(await service.dataSource.query(`SELECT rules FROM computed_figure WHERE zone_id = 'overlap' AND code = 'enterprise.count'`)).toEqual([
        { rules: RULES_DIGEST },
      ]);
    });
  });
});

describe('the rules digest', () => {
  it('is the same for the same rules, and changes when a derivation gives anything else', () => {
    expect(rulesDigest()).toBe(RULES_DIGEST);
    const changed = (index: number, change: Partial<(typeof DERIVATIONS)[number]>) =>
      rulesDigest(DERIVATIONS.map((d, i) => (i === index ? { ...d, ...change } : d)));
    const coverage = DERIVATIONS.findIndex((d) => d.code === 'org_coverage.rate');
    const members = DERIVATIONS.findIndex((d) => d.code === 'party_member.count');
    expect(changed(coverage, { value: (a) => Math.round((a.covered / a.records.enterprises) * 1000) / 10 })).not.toBe(RULES_DIGEST);
    expect(changed(members, { qualifier: () => 'exact' })).not.toBe(RULES_DIGEST);
    expect(changed(0, { computation: 'count of every party_organization record' })).not.toBe(RULES_DIGEST);
  });
});
