import { indicatorByCode } from '@devzone/catalogue';
import type { RecordCompletenessByKind, ZoneRecordsInfo } from '../records/recordKinds';
import { assessZone } from './assessZone';
import { DERIVATIONS, type ZoneAggregate } from './derivations';

const empty: ZoneAggregate = {
  records: { enterprises: 0, partyOrganizations: 0, honors: 0, alliances: 0, serviceStations: 0 },
  partyOrgs: 0,
  secondaryCommittee: 0,
  committee: 0,
  generalBranch: 0,
  branch: 0,
  jointBranch: 0,
  functionalBranch: 0,
  membersSum: 0,
  membersKnown: 0,
  membersAtLeast: 0,
  membersAbout: 0,
  star5: 0,
  star4: 0,
  star3: 0,
  brands: 0,
  covered: 0,
  redFlag: 0,
  redWorkshop: 0,
  redStations: 0,
  guidanceStations: 0,
};

/** One enterprise covered by one branch under a working committee, two honors (one red-flag), no alliances or stations. */
const small: ZoneAggregate = {
  ...empty,
  records: { enterprises: 1, partyOrganizations: 2, honors: 2, alliances: 0, serviceStations: 0 },
  partyOrgs: 1,
  branch: 1,
  membersSum: 12,
  membersKnown: 1,
  covered: 1,
  redFlag: 1,
};

const all = (c: 'complete' | 'named_only'): RecordCompletenessByKind => ({
  enterprises: c,
  partyOrganizations: c,
  honors: c,
  alliances: c,
  serviceStations: c,
});
const info = (completeness: RecordCompletenessByKind, asOf: string | null = '2023'): ZoneRecordsInfo => ({
  completeness,
  asOf,
  writtenAt: new Date('2025-03-04T10:00:00Z'),
});

const figure = (a: ReturnType<typeof assessZone>, code: string) => a.figures.find((f) => f.code === code);
const reason = (a: ReturnType<typeof assessZone>, code: string) => a.unassessed.find((u) => u.code === code)?.reason;

describe('derivations agree with the catalogue', () => {
  it.each(DERIVATIONS.map((d) => [d.code, d] as const))('%s is a known indicator whose unit matches its measure', (_code, d) => {
    const unit = indicatorByCode(d.code)?.unit;
    expect(unit).toBeDefined();
    expect(d.measure).toBe(unit === 'percent' ? 'rate' : 'count');
  });
});

describe('assessZone over named-only records', () => {
  const named = assessZone(small, info(all('named_only')));

  it('gives a count as a lower bound, with the records it stands on', () => {
    expect(figure(named, 'enterprise.count')).toMatchObject({ value: 1, qualifier: 'at_least', completeness: 'named_only', recordCount: 1 });
    expect(figure(named, 'honor.count')).toMatchObject({ value: 2, qualifier: 'at_least', recordCount: 2 });
    expect(figure(named, 'red_flag_branch.count')).toMatchObject({ value: 1, qualifier: 'at_least' });
    expect(figure(named, 'party_member.count')).toMatchObject({ value: 12, qualifier: 'at_least', recordCount: 1 });
    expect(figure(named, 'enterprise.count')?.note).toMatch(/lower bound: enterprise records are named only/);
  });

  it('does not give a rate: it names the indicator, the kind of record and how many are named', () => {
    expect(figure(named, 'org_coverage.rate')).toBeUndefined();
    expect(reason(named, 'org_coverage.rate')).toBe(
      "org_coverage.rate is a rate over enterprise records, which are named only (1 enterprise named by a source, not the zone's register), so it cannot be computed",
    );
  });

  it('does not give a count of 0: absence cannot be shown from named records', () => {
    expect(figure(named, 'red_workshop.count')).toBeUndefined();
    expect(reason(named, 'red_workshop.count')).toMatch(
      /^red_workshop\.count \(.*红色车间\) is 0 over 2 named honor records, but honor records are named only, so absence cannot be shown$/,
    );
    expect(reason(named, 'party_org.committee.count')).toMatch(/is 0 over 2 named party organization records/);
  });

  it("dates every figure by the zone's records and says what it was computed from", () => {
    expect(named.figures.every((f) => f.period === '2023')).toBe(true);
    expect(figure(named, 'enterprise.count')?.periodBasis).toBe("as of the zone's records (2023), computed from 1 named enterprise record");
    expect(figure(named, 'honor.count')?.periodBasis).toBe("as of the zone's records (2023), computed from 2 named honor records");
  });
});

describe('assessZone over empty collections', () => {
  it.each(['complete', 'named_only'] as const)('computes nothing from zero records (%s)', (completeness) => {
    const assessed = assessZone(small, info(all(completeness)));
    for (const code of ['alliance.count', 'red_station.count', 'guidance_station.count']) expect(figure(assessed, code)).toBeUndefined();
    expect(reason(assessed, 'alliance.count')).toBe('no alliance records');
    expect(reason(assessed, 'red_station.count')).toBe('no service station records');
  });

  it('lists every derivation for a zone with no records at all', () => {
    const assessed = assessZone(empty, info(all('complete')));
    expect(assessed.figures).toEqual([]);
    expect(assessed.unassessed.map((u) => u.code)).toEqual(DERIVATIONS.map((d) => d.code));
    expect(reason(assessed, 'org_coverage.rate')).toBe('no enterprise records');
    expect(reason(assessed, 'party_member.count')).toBe('no party organization records');
  });

  it('says when organizations exist but none has a member count', () => {
    const assessed = assessZone({ ...small, membersKnown: 0, membersSum: 0 }, info(all('complete')));
    expect(reason(assessed, 'party_member.count')).toBe('no party organization records with a recorded member count');
  });
});

describe('assessZone over complete records', () => {
  const complete = assessZone({ ...small, records: { ...small.records, enterprises: 4 }, covered: 2 }, info(all('complete'), '2024-06-30'));

  it('gives counts and rates as exact, zero counts included', () => {
    expect(figure(complete, 'enterprise.count')).toMatchObject({ value: 4, qualifier: 'exact', completeness: 'complete', recordCount: 4, note: null });
    expect(figure(complete, 'org_coverage.rate')).toMatchObject({ value: 50, qualifier: 'exact', recordCount: 4 });
    expect(figure(complete, 'red_workshop.count')).toMatchObject({ value: 0, qualifier: 'exact' });
    expect(figure(complete, 'org_coverage.rate')?.periodBasis).toBe(
      "as of the zone's records (2024-06-30), computed from the zone's complete register of 4 enterprise records",
    );
  });

  it("keeps party_member.count's own lower-bound logic", () => {
    const partly = assessZone({ ...small, partyOrgs: 3, membersKnown: 1 }, info(all('complete')));
    expect(figure(partly, 'party_member.count')).toMatchObject({ value: 12, qualifier: 'at_least' });
    const about = assessZone({ ...small, membersAbout: 1 }, info(all('complete')));
    expect(figure(about, 'party_member.count')?.qualifier).toBe('about');
  });

  it('gives a rate as a lower bound when its numerator rests on named-only records', () => {
    const mixed = assessZone(small, info({ ...all('complete'), partyOrganizations: 'named_only' }));
    expect(figure(mixed, 'org_coverage.rate')).toMatchObject({ value: 100, qualifier: 'at_least', completeness: 'complete' });
    expect(figure(mixed, 'org_coverage.rate')?.note).toMatch(/party organization records are named only/);
  });
});

describe('assessZone without a records date', () => {
  it('falls back to the day the records were written, never the query date, and says so', () => {
    const assessed = assessZone(small, info(all('named_only'), null));
    expect(assessed.figures.every((f) => f.period === '2025-03-04')).toBe(true);
    expect(figure(assessed, 'enterprise.count')?.periodBasis).toBe(
      "as of the day the zone's records were written (2025-03-04; the zone states no date for its records), computed from 1 named enterprise record",
    );
  });
});
