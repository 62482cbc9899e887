import { createHash } from 'node:crypto';
import { COMPLETENESS_VALUES, RECORD_NOUNS, type RecordCompletenessByKind, type RecordKind, type ZoneRecordsInfo } from '../records/recordKinds';
import { assessZone, type ZoneAssessment } from './assessZone';
import { DERIVATIONS, type Derivation, type ZoneAggregate } from './derivations';

const KINDS = Object.keys(RECORD_NOUNS) as RecordKind[];

/** Aggregates that take every rule down each of its branches: empty, ones, distinct counts, unknown member counts, lower bounds. */
function aggregates(): ZoneAggregate[] {
  const uniform = (value: number): ZoneAggregate => ({
    records: { enterprises: value, partyOrganizations: value, honors: value, alliances: value, serviceStations: value },
    partyOrgs: value,
    secondaryCommittee: value,
    committee: value,
    generalBranch: value,
    branch: value,
    jointBranch: value,
    functionalBranch: value,
    membersSum: value,
    membersKnown: value,
    membersAtLeast: 0,
    membersAbout: 0,
    star5: value,
    star4: value,
    star3: value,
    brands: value,
    covered: value,
    redFlag: value,
    redWorkshop: value,
    redStations: value,
    guidanceStations: value,
  });
  const varied: ZoneAggregate = {
    records: { enterprises: 97, partyOrganizations: 23, honors: 11, alliances: 3, serviceStations: 5 },
    partyOrgs: 22,
    secondaryCommittee: 2,
    committee: 3,
    generalBranch: 4,
    branch: 13,
    jointBranch: 5,
    functionalBranch: 1,
    membersSum: 412,
    membersKnown: 19,
    membersAtLeast: 0,
    membersAbout: 0,
    star5: 1,
    star4: 2,
    star3: 0,
    brands: 6,
    covered: 31,
    redFlag: 0,
    redWorkshop: 2,
    redStations: 3,
    guidanceStations: 0,
  };
  return [
    uniform(0),
    uniform(1),
    varied,
    { ...varied, membersKnown: 22 },
    { ...varied, membersKnown: 22, membersAtLeast: 1 },
    { ...varied, membersKnown: 22, membersAbout: 2 },
    { ...varied, membersKnown: 0 },
  ];
}

/** Every kind complete, every kind named only, and each kind alone the other way. */
function completenessCases(): RecordCompletenessByKind[] {
  const all = (c: (typeof COMPLETENESS_VALUES)[number]) => Object.fromEntries(KINDS.map((k) => [k, c])) as RecordCompletenessByKind;
  return COMPLETENESS_VALUES.flatMap((c) => {
    const other = c === 'complete' ? 'named_only' : 'complete';
    return [all(c), ...KINDS.map((k) => ({ ...all(c), [k]: other }))];
  });
}

const WRITTEN_AT = new Date('2024-05-06T07:08:09Z');

/**
 * A digest of what the rules give: every derivation over a fixed battery of zones (each branch of
 * the rules, dated and undated records). Figures are kept per zone and code with the digest they
 * were computed under, so a deployment whose rules give anything else recomputes them instead of
 * serving the old ones. Nothing else enters a figure: no "today", only the zone's records and row.
 */
export function rulesDigest(derivations: readonly Derivation[] = DERIVATIONS, assess: typeof assessZone = assessZone): string {
  const hash = createHash('sha256');
  for (const completeness of completenessCases())
    for (const asOf of ['2023-12-31', null])
      for (const aggregate of aggregates()) {
        const records: ZoneRecordsInfo = { completeness, asOf, writtenAt: WRITTEN_AT };
        const assessment: ZoneAssessment = assess(aggregate, records, derivations);
        hash.update(JSON.stringify(assessment));
      }
  return hash.digest('hex').slice(0, 16);
}

/** The digest of the rules this process runs: computed once, at load (a few hundred assessments, well under a millisecond each). */
export const RULES_DIGEST = rulesDigest();
