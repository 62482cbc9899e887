import type { DataSource } from 'typeorm';
import type { Derivation, ZoneAggregate } from '../computed/derivations';
import type { Completeness, ZoneRecordsInfo } from '../records/recordKinds';
import { aggregatePartsOf, aggregatesSql } from './aggregateSql';

/** Counts a block leaves out are absent from the row and read as 0: no derivation asked uses them. */
interface AggregateRow {
  zone_id: string;
  enterprises_completeness: Completeness;
  party_organizations_completeness: Completeness;
  honors_completeness: Completeness;
  alliances_completeness: Completeness;
  service_stations_completeness: Completeness;
  records_as_of: string | null;
  seeded_at: Date;
  /** The zone's data version, read in the same statement. */
  data_version: string;
  organizations?: string;
  party_orgs?: string;
  secondary_committee?: string;
  committee?: string;
  general_branch?: string;
  branch?: string;
  joint_branch?: string;
  functional_branch?: string;
  members_sum?: string | null;
  members_known?: string;
  members_at_least?: string;
  members_about?: string;
  star5?: string;
  star4?: string;
  star3?: string;
  brands?: string;
  enterprises?: string;
  covered?: string;
  honors?: string;
  red_flag?: string;
  red_workshop?: string;
  stations?: string;
  red_stations?: string;
  guidance_stations?: string;
  alliances?: string;
}

const n = (count: string | null | undefined) => Number(count ?? 0);

function aggregateOf(r: AggregateRow): ZoneAggregate {
  return {
    records: {
      enterprises: n(r.enterprises),
      partyOrganizations: n(r.organizations),
      honors: n(r.honors),
      alliances: n(r.alliances),
      serviceStations: n(r.stations),
    },
    partyOrgs: n(r.party_orgs),
    secondaryCommittee: n(r.secondary_committee),
    committee: n(r.committee),
    generalBranch: n(r.general_branch),
    branch: n(r.branch),
    jointBranch: n(r.joint_branch),
    functionalBranch: n(r.functional_branch),
    membersSum: n(r.members_sum),
    membersKnown: n(r.members_known),
    membersAtLeast: n(r.members_at_least),
    membersAbout: n(r.members_about),
    star5: n(r.star5),
    star4: n(r.star4),
    star3: n(r.star3),
    brands: n(r.brands),
    covered: n(r.covered),
    redFlag: n(r.red_flag),
    redWorkshop: n(r.red_workshop),
    redStations: n(r.red_stations),
    guidanceStations: n(r.guidance_stations),
  };
}

function recordsInfoOf(r: AggregateRow): ZoneRecordsInfo {
  return {
    completeness: {
      enterprises: r.enterprises_completeness,
      partyOrganizations: r.party_organizations_completeness,
      honors: r.honors_completeness,
      alliances: r.alliances_completeness,
      serviceStations: r.service_stations_completeness,
    },
    asOf: r.records_as_of,
    writtenAt: r.seeded_at,
  };
}

/** One zone's aggregates and what its records say of themselves, as of one data version. */
export interface ZoneAggregates {
  dataVersion: string;
  aggregate: ZoneAggregate;
  records: ZoneRecordsInfo;
}

/** The aggregates `derivations` need for each zone of `zoneIds` that exists: one statement. */
export async function readZoneAggregates(
  dataSource: DataSource,
  zoneIds: readonly string[],
  derivations: readonly Derivation[],
): Promise<Map<string, ZoneAggregates>> {
  const rows: AggregateRow[] = await dataSource.query(aggregatesSql(aggregatePartsOf(derivations)), [zoneIds]);
  return new Map(rows.map((r) => [r.zone_id, { dataVersion: r.data_version, aggregate: aggregateOf(r), records: recordsInfoOf(r) }]));
}
