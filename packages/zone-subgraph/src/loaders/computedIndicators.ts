import type { DataSource } from 'typeorm';

/** Aggregates over one zone's records; null where the base collection is empty. */
export interface ComputedFigure {
  zoneId: string;
  code: string;
  value: number;
  qualifier: 'exact' | 'at_least' | 'about';
  computation: string;
}

interface AggregateRow {
  zone_id: string;
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

const AGGREGATES_SQL = `
SELECT z.id AS zone_id, o.*, e.*, h.*, s.*, a.*
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

type Derivation = {
  code: string;
  base: (r: AggregateRow) => number;
  value: (r: AggregateRow) => number;
  qualifier?: (r: AggregateRow) => ComputedFigure['qualifier'];
  computation: string;
};

const n = Number;

const DERIVATIONS: readonly Derivation[] = [
  { code: 'party_org.count', base: (r) => n(r.organizations), value: (r) => n(r.party_orgs), computation: 'count of party_organization records other than the working committee (党工委)' },
  ...(['secondary_committee', 'committee', 'general_branch', 'joint_branch', 'functional_branch'] as const).map((type) => ({
    code: `party_org.${type}.count`,
    base: (r: AggregateRow) => n(r.organizations),
    value: (r: AggregateRow) => n(r[type]),
    computation: `count of party_organization records of type ${type}`,
  })),
  { code: 'party_org.branch.count', base: (r) => n(r.organizations), value: (r) => n(r.branch), computation: 'count of party_organization records of type branch, joint_branch or functional_branch' },
  {
    code: 'party_member.count',
    base: (r) => n(r.members_known),
    value: (r) => n(r.members_sum ?? 0),
    qualifier: (r) =>
      n(r.members_known) < n(r.party_orgs) || n(r.members_at_least) > 0 ? 'at_least' : n(r.members_about) > 0 ? 'about' : 'exact',
    computation: 'sum of member_count over party organizations with a recorded count (a lower bound when some counts are missing or are lower bounds)',
  },
  { code: 'star_org.five.count', base: (r) => n(r.organizations), value: (r) => n(r.star5), computation: 'count of party organizations rated 5 stars' },
  { code: 'star_org.four.count', base: (r) => n(r.organizations), value: (r) => n(r.star4), computation: 'count of party organizations rated 4 stars' },
  { code: 'star_org.three.count', base: (r) => n(r.organizations), value: (r) => n(r.star3), computation: 'count of party organizations rated 3 stars' },
  { code: 'brand.count', base: (r) => n(r.organizations), value: (r) => n(r.brands), computation: 'count of party organizations with a recorded brand' },
  { code: 'enterprise.count', base: (r) => n(r.enterprises), value: (r) => n(r.enterprises), computation: 'count of enterprise records' },
  {
    code: 'org_coverage.rate',
    base: (r) => n(r.enterprises),
    value: (r) => Math.round((n(r.covered) / n(r.enterprises)) * 10000) / 100,
    computation: 'enterprise records covered by at least one party organization (own or joint) ÷ enterprise records × 100',
  },
  { code: 'honor.count', base: (r) => n(r.honors), value: (r) => n(r.honors), computation: 'count of honor records (zone, enterprises, organizations)' },
  { code: 'red_flag_branch.count', base: (r) => n(r.honors), value: (r) => n(r.red_flag), computation: 'count of honor records whose title contains 红旗支部' },
  { code: 'red_workshop.count', base: (r) => n(r.honors), value: (r) => n(r.red_workshop), computation: 'count of honor records whose title contains 红色车间' },
  { code: 'red_station.count', base: (r) => n(r.stations), value: (r) => n(r.red_stations), computation: 'count of service_station records of kind red_station' },
  { code: 'guidance_station.count', base: (r) => n(r.stations), value: (r) => n(r.guidance_stations), computation: 'count of service_station records of kind guidance_station' },
  { code: 'alliance.count', base: (r) => n(r.alliances), value: (r) => n(r.alliances), computation: 'count of alliance records' },
];

/**
 * Figures computed from each zone's records in one statement. A figure is
 * given only when its base collection holds records: a zone with no recorded
 * organizations gets no computed organization counts rather than a false zero.
 */
export async function computeZoneFigures(dataSource: DataSource, zoneIds: readonly string[]): Promise<ComputedFigure[][]> {
  const rows: AggregateRow[] = await dataSource.query(AGGREGATES_SQL, [zoneIds]);
  const byZone = new Map(rows.map((r) => [r.zone_id, r]));
  return zoneIds.map((zoneId) => {
    const row = byZone.get(zoneId);
    if (!row) return [];
    return DERIVATIONS.filter((d) => d.base(row) > 0).map((d) => ({
      zoneId,
      code: d.code,
      value: d.value(row),
      qualifier: d.qualifier?.(row) ?? 'exact',
      computation: d.computation,
    }));
  });
}
