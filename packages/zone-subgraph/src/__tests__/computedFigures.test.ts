import { createTestDatabase, pgTargets, generateSigningKeys, postSignedGraphQL, type TestDatabase } from '@devzone/testkit';
import type { Completeness } from '../records/recordKinds';
import type { WritableZoneSeed } from '../seed/seedSchema';
import { startZoneService, type RunningZoneService } from '../service/startZoneService';

/** The service answers signed requests only: the tests sign as the gateway does. */
const KEYS = generateSigningKeys();

const every = (c: Completeness) => ({ enterprises: c, partyOrganizations: c, honors: c, alliances: c, serviceStations: c });

const committee = (zoneId: string): WritableZoneSeed['partyOrganizations'][number] => ({
  localId: 'committee',
  nameZh: `${zoneId}党工委`,
  type: 'working_committee',
  enterpriseLocalIds: [],
});

/** An article-like zone: one named enterprise, its branch, two honors (one red-flag), no alliances or stations. */
const named: WritableZoneSeed = {
  zone: { id: 'named', nameZh: '具名开发区', nameEn: 'Named Zone', recordCompleteness: every('named_only'), recordsAsOf: '2023' },
  enterprises: [{ localId: 'e1', nameZh: '具名企业一', flags: [] }],
  partyOrganizations: [
    committee('named'),
    {
      localId: 'b1',
      nameZh: '具名企业一党支部',
      type: 'branch',
      parentLocalId: 'committee',
      enterpriseLocalIds: ['e1'],
      memberCount: { value: 12, qualifier: 'exact' },
    },
  ],
  honors: [
    { localId: 'h1', title: '红旗支部', level: 'zone', holder: { kind: 'partyOrganization', localId: 'b1' } },
    { localId: 'h2', title: '清廉民企', level: 'municipal', holder: { kind: 'enterprise', localId: 'e1' } },
  ],
  alliances: [],
  serviceStations: [],
  indicators: [],
};

/** A zone system's full register: four enterprises, two covered, one honor that is not a red-flag branch. */
const full: WritableZoneSeed = {
  zone: { id: 'full', nameZh: '完整开发区', nameEn: 'Full Zone', recordCompleteness: every('complete'), recordsAsOf: '2024-06-30' },
  enterprises: ['e1', 'e2', 'e3', 'e4'].map((localId) => ({ localId, nameZh: `完整企业${localId}`, flags: [] })),
  partyOrganizations: [
    committee('full'),
    {
      localId: 'j1',
      nameZh: '完整联合党支部',
      type: 'joint_branch',
      parentLocalId: 'committee',
      enterpriseLocalIds: ['e1', 'e2'],
      memberCount: { value: 30, qualifier: 'exact' },
    },
  ],
  honors: [{ localId: 'h1', title: '清廉民企', level: 'municipal', holder: { kind: 'enterprise', localId: 'e3' } }],
  alliances: [],
  serviceStations: [],
  indicators: [],
};

/** Stored before records dates were kept: its date is removed after seeding. */
const undated: WritableZoneSeed = {
  ...named,
  zone: { ...named.zone, id: 'undated', nameZh: '无日期开发区', nameEn: 'Undated Zone' },
  partyOrganizations: [committee('undated'), ...named.partyOrganizations.slice(1)],
};

interface Figure {
  code: string;
  value: number;
  qualifier: string;
  period: string;
  periodBasis: string | null;
  note: string | null;
  provenance: { kind: string; recordCompleteness: string | null; recordCount: number | null };
}
interface ZoneAnswer {
  id: string;
  records: { enterprises: string; partyOrganizations: string; honors: string; alliances: string; serviceStations: string; asOf: string | null } | null;
  indicators: Figure[];
  unassessedIndicators: { code: string; reason: string }[];
}

const QUERY = /* GraphQL */ `
  query ($representations: [_Any!]!, $codes: [String!], $period: String) {
    _entities(representations: $representations) {
      ... on Zone {
        id
        records {
          enterprises
          partyOrganizations
          honors
          alliances
          serviceStations
          asOf
        }
        indicators(codes: $codes, period: $period) {
          code
          value
          qualifier
          period
          periodBasis
          note
          provenance {
            kind
            recordCompleteness
            recordCount
          }
        }
        unassessedIndicators(codes: $codes) {
          code
          reason
        }
      }
    }
  }
`;

describe.each(pgTargets())('computed figures and record completeness on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let service: RunningZoneService;

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `computed_${label}`);
    service = await startZoneService({ name: 'completeness', databaseUrl: database.url, seeds: [named, full, undated], synthetic: true, signingKeys: KEYS });
    await service.database.dataSource.query(`UPDATE zone SET records_as_of = NULL WHERE id = 'undated'`);
  });

  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });

  /** A write to each zone's row: its data version moves on, so nothing kept or remembered is current. */
  const touch = (zoneIds: string[]) => service.database.dataSource.query(`UPDATE zone SET name_en = name_en WHERE id = ANY($1)`, [zoneIds]);

  const ask = async (zoneIds: string[], variables: { codes?: string[]; period?: string } = {}): Promise<ZoneAnswer[]> => {
    const body = await postSignedGraphQL<{ _entities: ZoneAnswer[] }>(service.url, KEYS, QUERY, {
      representations: zoneIds.map((id) => ({ __typename: 'Zone', id })),
      ...variables,
    });
    expect(body.errors).toBeUndefined();
    return body.data!._entities;
  };
  const computed = (zone: ZoneAnswer, code: string) => zone.indicators.find((i) => i.code === code && i.provenance.kind === 'COMPUTED');
  const reasonFor = (zone: ZoneAnswer, code: string) => zone.unassessedIndicators.find((u) => u.code === code)?.reason;

  it("stores and serves each zone's record completeness and records date", async () => {
    const [n, f] = await ask(['named', 'full']);
    expect(n.records).toEqual({
      enterprises: 'NAMED_ONLY',
      partyOrganizations: 'NAMED_ONLY',
      honors: 'NAMED_ONLY',
      alliances: 'NAMED_ONLY',
      serviceStations: 'NAMED_ONLY',
      asOf: '2023',
    });
    expect(f.records).toEqual({
      enterprises: 'COMPLETE',
      partyOrganizations: 'COMPLETE',
      honors: 'COMPLETE',
      alliances: 'COMPLETE',
      serviceStations: 'COMPLETE',
      asOf: '2024-06-30',
    });
  });

  it('gives a count over named-only records as AT_LEAST, dated by the records, with completeness and record count', async () => {
    const [zone] = await ask(['named']);
    expect(computed(zone, 'enterprise.count')).toEqual({
      code: 'enterprise.count',
      value: 1,
      qualifier: 'AT_LEAST',
      period: '2023',
      periodBasis: "as of the zone's records (2023), computed from 1 named enterprise record",
      note: "a lower bound: enterprise records are named only (what a source names, not the zone's register)",
      provenance: { kind: 'COMPUTED', recordCompleteness: 'NAMED_ONLY', recordCount: 1 },
    });
    expect(computed(zone, 'red_flag_branch.count')).toMatchObject({ value: 1, qualifier: 'AT_LEAST', provenance: { recordCount: 2 } });
    expect(computed(zone, 'party_member.count')).toMatchObject({ value: 12, qualifier: 'AT_LEAST' });
    expect(zone.indicators.filter((i) => i.provenance.kind === 'COMPUTED').every((i) => i.qualifier === 'AT_LEAST' && i.period === '2023')).toBe(true);
  });

  it('does not compute a rate over named-only records and says why', async () => {
    const [zone] = await ask(['named']);
    expect(computed(zone, 'org_coverage.rate')).toBeUndefined();
    expect(reasonFor(zone, 'org_coverage.rate')).toBe(
      "org_coverage.rate is a rate over enterprise records, which are named only (1 enterprise named by a source, not the zone's register), so it cannot be computed",
    );
  });

  it('does not give a zero count over named-only records', async () => {
    const [zone] = await ask(['named']);
    expect(computed(zone, 'red_workshop.count')).toBeUndefined();
    expect(reasonFor(zone, 'red_workshop.count')).toMatch(/is 0 over 2 named honor records, but honor records are named only, so absence cannot be shown/);
  });

  it('computes nothing from zero records, whatever the completeness', async () => {
    for (const zone of await ask(['named', 'full'])) {
      expect(computed(zone, 'alliance.count')).toBeUndefined();
      expect(computed(zone, 'red_station.count')).toBeUndefined();
      expect(reasonFor(zone, 'alliance.count')).toBe('no alliance records');
      expect(reasonFor(zone, 'red_station.count')).toBe('no service station records');
    }
  });

  it('gives counts and rates over complete records as EXACT, zero counts included', async () => {
    const [zone] = await ask(['full']);
    expect(computed(zone, 'org_coverage.rate')).toMatchObject({
      value: 50,
      qualifier: 'EXACT',
      period: '2024-06-30',
      periodBasis: "as of the zone's records (2024-06-30), computed from the zone's complete register of 4 enterprise records",
      note: null,
      provenance: { recordCompleteness: 'COMPLETE', recordCount: 4 },
    });
    expect(computed(zone, 'enterprise.count')).toMatchObject({ value: 4, qualifier: 'EXACT' });
    expect(computed(zone, 'red_flag_branch.count')).toMatchObject({ value: 0, qualifier: 'EXACT' });
    expect(reasonFor(zone, 'org_coverage.rate')).toBeUndefined();
  });

  it('dates the figures of a zone with no records date by the day its records were written, and says so', async () => {
    const [{ written }] = await service.database.dataSource.query(
      `SELECT to_char(seeded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS written FROM zone WHERE id = 'undated'`,
    );
    const [zone] = await ask(['undated']);
    expect(zone.records?.asOf).toBeNull();
    const count = computed(zone, 'enterprise.count');
    expect(count?.period).toBe(written);
    expect(count?.periodBasis).toBe(
      `as of the day the zone's records were written (${written}; the zone states no date for its records), computed from 1 named enterprise record`,
    );
  });

  it('filters computed figures by their period like reported ones, and unassessed indicators by code', async () => {
    const [in2023] = await ask(['named'], { period: '2023', codes: ['enterprise.count', 'org_coverage.rate'] });
    expect(in2023.indicators.map((i) => i.code)).toEqual(['enterprise.count']);
    expect(in2023.unassessedIndicators.map((u) => u.code)).toEqual(['org_coverage.rate']);
    const [in2024] = await ask(['named'], { period: '2024' });
    expect(in2024.indicators).toEqual([]);
  });

  it('refuses an unknown code in unassessedIndicators, naming it', async () => {
    const body = await postSignedGraphQL(
      service.url,
      KEYS,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { unassessedIndicators(codes: ["made.up"]) { code } } } }`,
      {
        r: [{ __typename: 'Zone', id: 'named' }],
      },
    );
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'codes[0]' });
  });

  it('reads figures, unassessed indicators and records of every zone asked in the same statements: one warm, five cold', async () => {
    const statements = async (zoneIds: string[]) => {
      const before = service.database.statements.statements;
      await ask(zoneIds);
      return service.database.statements.statements - before;
    };
    // Cold (a write moved every zone's version on): the zones (records come with them), their
    // reported figures with their versions, the kept figures (none at those versions), one
    // aggregate statement for the missing ones, keeping them.
    await touch(['named', 'full', 'undated']);
    expect(await statements(['named'])).toBe(5);
    expect(await statements(['named', 'full', 'undated'])).toBe(5);
    // Warm: the zones with their versions; the zone rows, reported and computed figures at those versions come from the service's memory.
    expect(await statements(['named'])).toBe(1);
    expect(await statements(['named', 'full', 'undated'])).toBe(1);
  });

  it('answers a report, a new enterprise and a new records date at once after a warm read: nothing kept outlives a write', async () => {
    const dataSource = service.database.dataSource;
    const [before] = await ask(['named']);
    await ask(['named']);
    await dataSource.query(
      `INSERT INTO indicator_report (zone_id, code, period, period_basis, value, qualifier, unit, synthetic)
       VALUES ('named', 'honor.count', '2030', 'stated', 77, 'exact', 'count', true)`,
    );
    await dataSource.query(`INSERT INTO enterprise (id, zone_id, name_zh, synthetic) VALUES ('named:fresh', 'named', '新企业', true)`);
    await dataSource.query(`UPDATE zone SET records_as_of = '2030-01-31' WHERE id = 'named'`);
    try {
      const [after] = await ask(['named']);
      expect(after.indicators.find((i) => i.code === 'honor.count' && i.period === '2030')?.value).toBe(77);
      expect(computed(after, 'enterprise.count')?.value).toBe(computed(before, 'enterprise.count')!.value + 1);
      expect(after.records?.asOf).toBe('2030-01-31');
    } finally {
      await dataSource.query(`DELETE FROM indicator_report WHERE zone_id = 'named' AND period = '2030'`);
      await dataSource.query(`DELETE FROM enterprise WHERE id = 'named:fresh'`);
      await dataSource.query(`UPDATE zone SET records_as_of = $1 WHERE id = 'named'`, [before!.records?.asOf ?? null]);
    }
  });

  it('builds and keeps only the codes asked, for indicators and unassessed indicators alike', async () => {
    await touch(['named', 'full']);
    await service.database.dataSource.query(`DELETE FROM computed_figure`);
    const body = await postSignedGraphQL(
      service.url,
      KEYS,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { unassessedIndicators(codes: ["org_coverage.rate"]) { code } } } }`,
      { r: [{ __typename: 'Zone', id: 'named' }] },
    );
    expect(body.errors).toBeUndefined();
    await ask(['full'], { codes: ['enterprise.count', 'honor.count'] });
    expect(await service.database.dataSource.query(`SELECT zone_id, code FROM computed_figure ORDER BY zone_id, code`)).toEqual([
      { zone_id: 'full', code: 'enterprise.count' },
      { zone_id: 'full', code: 'honor.count' },
      { zone_id: 'named', code: 'org_coverage.rate' },
    ]);
  });

  it("shows a write to a zone's records at the next read, whoever wrote", async () => {
    const [before] = await ask(['full'], { codes: ['enterprise.count', 'org_coverage.rate'] });
    expect(computed(before, 'enterprise.count')?.value).toBe(4);
    await service.database.dataSource.query(`INSERT INTO organization_coverage (organization_id, enterprise_id) VALUES ('full:j1', 'full:e3')`);
    const [covered] = await ask(['full'], { codes: ['enterprise.count', 'org_coverage.rate'] });
    expect(computed(covered, 'org_coverage.rate')?.value).toBe(75);
    await service.database.dataSource.query(`UPDATE zone SET records_as_of = '2025' WHERE id = 'full'`);
    const [redated] = await ask(['full'], { codes: ['enterprise.count'] });
    expect(computed(redated, 'enterprise.count')).toMatchObject({ value: 4, period: '2025' });
  });
});
