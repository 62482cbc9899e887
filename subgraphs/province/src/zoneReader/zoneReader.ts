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

/** One figure as a zone service states it (reported, computed or synthetic). */
export interface ZoneFigure {
  zoneId: string;
  code: string;
  value: number;
  unit: string;
  qualifier: 'EXACT' | 'AT_LEAST' | 'ABOUT';
  period: string;
  periodBasis: string | null;
  note: string | null;
  provenance: { kind: 'REPORTED' | 'COMPUTED' | 'SYNTHETIC'; document: string | null; passage: string | null; computation: string | null };
}

/**
 * How the province reads zone data: through one routing path (the gateway),
 * one round trip per zone service, in parallel; failed zones are reported.
 */
export interface ZoneReader {
  enterprises(zoneIds: readonly string[], query: EnterpriseQuery): Promise<{ pages: ZonePageOfEnterprises[]; failures: ZoneReadFailure[] }>;
  /** Every figure the zones hold for these codes; zones that failed are listed, not dropped. */
  figures(zoneIds: readonly string[], codes: readonly string[]): Promise<{ figures: ZoneFigure[]; answered: string[]; failures: ZoneReadFailure[] }>;
}
