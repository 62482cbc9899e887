import type { DataSource } from 'typeorm';
import { assessZone, type ZoneAssessment } from '../computed/assessZone';
import type { ZoneAggregate } from '../computed/derivations';
import type { Completeness, ZoneRecordsInfo } from '../records/recordKinds';

interface AggregateRow {
  zone_id: string;
  enterprises_completeness: Completeness;
  party_organizations_completeness: Completeness;
  honors_completeness: Completeness;
  alliances_completeness: Completeness;
  service_stations_completeness: Completeness;
  records_as_of: string | null;
  seeded_at: Date;
  organizations: string;
  party_orgs: string;
  secondary_committee: string;
  committee: string;
  general_branch: string;
  branch: string;
  joint_branch: string;
  functional_branch: string;
  members_sum: string | null;
  members_known: string;
  members_at_least: string;
  members_about: string;
  star5: string;
  star4: string;
  star3: string;
  brands: string;
  enterprises: string;
  covered: string;
  honors: string;
  red_flag: string;
  red_workshop: string;
  stations: string;
  red_stations: string;
  guidance_stations: string;
  alliances: string;
}

// The zone's completeness and records date come with the aggregates: one
// statement per batch gives everything the rules need.
const AGGREGATES_SQL = `
SELECT z.id AS zone_id, z.enterprises_completeness, z.party_organizations_completeness, z.honors_completeness,
       z.alliances_completeness, z.service_stations_completeness, z.records_as_of, z.seeded_at,
       o.*, e.*, h.*, s.*, a.*
FROM zone z
LEFT JOIN LATERAL (
  SELECT count(*) AS organizations,
         count(*) FILTER (WHERE type <> 'working_committee') AS party_orgs,
         count(*) FILTER (WHERE type = 'secondary_committee') AS secondary_committee,
         count(*) FILTER (WHERE type = 'committee') AS committee,
         count(*) FILTER (WHERE type = 'general_branch') AS general_branch,
         count(*) FILTER (WHERE type IN ('branch', 'joint_branch', 'functional_branch')) AS branch,
         count(*) FILTER (WHERE type = 'joint_branch') AS joint_branch,
         count(*) FILTER (WHERE type = 'functional_branch') AS functional_branch,
         sum(member_count) FILTER (WHERE type <> 'working_committee') AS members_sum,
         count(member_count) FILTER (WHERE type <> 'working_committee') AS members_known,
         count(*) FILTER (WHERE member_count_qualifier = 'at_least') AS members_at_least,
         count(*) FILTER (WHERE member_count_qualifier = 'about') AS members_about,
         count(*) FILTER (WHERE star_rating = 5) AS star5,
         count(*) FILTER (WHERE star_rating = 4) AS star4,
         count(*) FILTER (WHERE star_rating = 3) AS star3,
         count(brand) AS brands
  FROM party_organization WHERE zone_id = z.id) o ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS enterprises,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM organization_coverage c WHERE c.enterprise_id = en.id)) AS covered
  FROM enterprise en WHERE zone_id = z.id) e ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS honors,
         count(*) FILTER (WHERE title LIKE '%红旗支部%') AS red_flag,
         count(*) FILTER (WHERE title LIKE '%红色车间%') AS red_workshop
  FROM honor WHERE zone_id = z.id) h ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS stations,
         count(*) FILTER (WHERE kind = 'red_station') AS red_stations,
         count(*) FILTER (WHERE kind = 'guidance_station') AS guidance_stations
  FROM service_station WHERE zone_id = z.id) s ON true
LEFT JOIN LATERAL (SELECT count(*) AS alliances FROM alliance WHERE zone_id = z.id) a ON true
WHERE z.id = ANY($1)`;

const n = Number;

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
    membersSum: n(r.members_sum ?? 0),
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

/** Computed figures and unassessed indicators of each zone, all zones in one statement. */
export async function assessZones(dataSource: DataSource, zoneIds: readonly string[]): Promise<ZoneAssessment[]> {
  const rows: AggregateRow[] = await dataSource.query(AGGREGATES_SQL, [zoneIds]);
  const byZone = new Map(rows.map((r) => [r.zone_id, r]));
  return zoneIds.map((zoneId) => {
    const row = byZone.get(zoneId);
    return row ? assessZone(aggregateOf(row), recordsInfoOf(row)) : { figures: [], unassessed: [] };
  });
}
