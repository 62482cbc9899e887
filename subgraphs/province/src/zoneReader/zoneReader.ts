/** The enterprise fields the province needs to merge and order results across zones. */
export interface EnterpriseSummary {
  id: string;
  nameZh: string;
  employees: number | null;
  outputValue: number | null;
  tax: number | null;
}

export interface ZonePageOfEnterprises {
  zoneId: string;
  totalCount: number;
  items: EnterpriseSummary[];
}

export interface ZoneReadFailure {
  zoneId: string;
  service: string | null;
  message: string;
}

export interface EnterpriseQuery {
  filter?: { nameContains?: string; industry?: string; honorContains?: string; flags?: string[] };
  orderBy: string;
  first: number;
}

/**
 * How the province reads zone data: through one routing path (the gateway),
 * one round trip per zone service, in parallel; failed zones are reported.
 */
export interface ZoneReader {
  enterprises(zoneIds: readonly string[], query: EnterpriseQuery): Promise<{ pages: ZonePageOfEnterprises[]; failures: ZoneReadFailure[] }>;
}
