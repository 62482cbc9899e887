import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openServiceDatabase, type ServiceDatabase } from '@devzone/database';
import { createTestDatabase, pgTargets, type TestDatabase } from '@devzone/testkit';
import { DERIVATIONS } from '../computed/derivations';
import { zoneEntities } from '../db/entities';
import { zoneMigrations } from '../db/migrations';
import { loadZoneSeedFile } from '../seed/loadSeedFile';
import type { WritableZoneSeed } from '../seed/seedSchema';
import { writeZoneSeeds } from '../seed/writeSeed';
import { aggregatePartsOf, aggregatesSql, assessZones } from './computedIndicators';

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
    await writeZoneSeeds(service.dataSource, [overlapping], { synthetic: true });
    zoneIds = [...seeds, overlapping].map((s) => s.zone.id);
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
    const full = await assessZones(
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
      const asked = await assessZones(
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
    const answers = await assessZones(service.dataSource, keys);
    expect(service.statements.statements - before).toBe(1);
    expect(answers).toHaveLength(keys.length);
    expect(answers[answers.length - 1]).toEqual({ figures: [], unassessed: [] });
    answers.forEach((a, i) => [...a.figures, ...a.unassessed].forEach((f) => expect(keys[i].codes).toContain(f.code)));
  });

  it('sends no statement when no asked code is computable', async () => {
    const before = service.statements.statements;
    expect(await assessZones(service.dataSource, [{ zoneId: zoneIds[0], codes: ['derived.members_per_org'] }])).toEqual([{ figures: [], unassessed: [] }]);
    expect(service.statements.statements - before).toBe(0);
  });
});
