import type { Derivation } from '../computed/derivations';
import type { RecordKind } from '../records/recordKinds';

/** The blocks of the aggregate statement: one per record kind a derivation counts, and the coverage links when one reads them. */
export interface AggregateParts {
  kinds: ReadonlySet<RecordKind>;
  coverage: boolean;
}

export function aggregatePartsOf(derivations: readonly Derivation[]): AggregateParts {
  return { kinds: new Set(derivations.map((d) => d.kind)), coverage: derivations.some((d) => d.usesCoverage === true) };
}

const ORGANIZATION_BLOCK = `LEFT JOIN LATERAL (
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
  FROM party_organization WHERE zone_id = z.id) o ON true`;

// Coverage as a set: the distinct covered enterprises are joined once for the whole batch and
// counted per zone, where a per-enterprise EXISTS probed the coverage links once per enterprise.
// Grouped rather than LATERAL, so the planner cannot re-run the set for each zone; a zone with no
// enterprises gets no row here, and its counts are coalesced to 0 as the LATERAL counts give them.
const enterpriseBlock = (coverage: boolean) =>
  coverage
    ? `LEFT JOIN (
  SELECT en.zone_id AS enterprise_zone_id, count(*) AS enterprises, count(covered.enterprise_id) AS covered
  FROM enterprise en
  LEFT JOIN (SELECT DISTINCT enterprise_id FROM organization_coverage) covered ON covered.enterprise_id = en.id
  WHERE en.zone_id = ANY($1)
  GROUP BY en.zone_id) e ON e.enterprise_zone_id = z.id`
    : `LEFT JOIN (
  SELECT zone_id AS enterprise_zone_id, count(*) AS enterprises FROM enterprise WHERE zone_id = ANY($1) GROUP BY zone_id) e ON e.enterprise_zone_id = z.id`;

const HONOR_BLOCK = `LEFT JOIN LATERAL (
  SELECT count(*) AS honors,
         count(*) FILTER (WHERE title LIKE '%红旗支部%') AS red_flag,
         count(*) FILTER (WHERE title LIKE '%红色车间%') AS red_workshop
  FROM honor WHERE zone_id = z.id) h ON true`;

const STATION_BLOCK = `LEFT JOIN LATERAL (
  SELECT count(*) AS stations,
         count(*) FILTER (WHERE kind = 'red_station') AS red_stations,
         count(*) FILTER (WHERE kind = 'guidance_station') AS guidance_stations
  FROM service_station WHERE zone_id = z.id) s ON true`;

const ALLIANCE_BLOCK = `LEFT JOIN LATERAL (SELECT count(*) AS alliances FROM alliance WHERE zone_id = z.id) a ON true`;

/**
 * The aggregate statement for `parts`: the zone's completeness and records date come with the
 * aggregates, so one statement per batch gives everything the rules need; and the zone's data
 * version, read in the same snapshot, which the figures are kept under.
 */
export function aggregatesSql(parts: AggregateParts): string {
  const blocks: [string, string][] = [];
  if (parts.kinds.has('partyOrganizations')) blocks.push(['o.*', ORGANIZATION_BLOCK]);
  if (parts.kinds.has('enterprises'))
    blocks.push([`coalesce(e.enterprises, 0) AS enterprises${parts.coverage ? ', coalesce(e.covered, 0) AS covered' : ''}`, enterpriseBlock(parts.coverage)]);
  if (parts.kinds.has('honors')) blocks.push(['h.*', HONOR_BLOCK]);
  if (parts.kinds.has('serviceStations')) blocks.push(['s.*', STATION_BLOCK]);
  if (parts.kinds.has('alliances')) blocks.push(['a.*', ALLIANCE_BLOCK]);
  return `
SELECT z.id AS zone_id, z.enterprises_completeness, z.party_organizations_completeness, z.honors_completeness,
       z.alliances_completeness, z.service_stations_completeness, z.records_as_of, z.seeded_at,
       v.version::text AS data_version${blocks.map(([columns]) => `, ${columns}`).join('')}
FROM zone z
JOIN zone_data_version v ON v.zone_id = z.id
${blocks.map(([, sql]) => sql).join('\n')}
WHERE z.id = ANY($1)`;
}
