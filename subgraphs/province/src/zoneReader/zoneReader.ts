import type { EnterpriseFlag, EnterpriseOrder } from './zoneReaderOperations.generated';
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
  filter?: { nameContains?: string; industry?: string; honorContains?: string; flags?: EnterpriseFlag[] };
  orderBy: EnterpriseOrder;
  first: number;
}

/**
 * Whether a zone's records of one kind are all of them (COMPLETE) or only
 * those its sources name (NAMED_ONLY: zones seeded from newspaper articles).
 */
export type RecordCompleteness = 'COMPLETE' | 'NAMED_ONLY';

/** One figure as a zone service states it (reported, computed or synthetic). */
export interface ZoneFigure {
  zoneId: string;
  code: string;
  value: number;
  unit: string;
  qualifier: 'EXACT' | 'AT_LEAST' | 'ABOUT';
  /** For a computed figure: the as-of date of the records it was computed over. */
  period: string;
  periodBasis: string | null;
  note: string | null;
  provenance: {
    kind: 'REPORTED' | 'COMPUTED' | 'SYNTHETIC' | 'ZONE_SYSTEM';
    document: string | null;
    passage: string | null;
    computation: string | null;
    /** COMPUTED figures: completeness of the records computed over; null otherwise (or when the zone does not say). */
    recordCompleteness: RecordCompleteness | null;
    /** COMPUTED figures: how many records it was computed over. */
    recordCount: number | null;
  };
}

/** An indicator a zone declines to compute (a rate over named-only records, anything over no records), with its reason. */
export interface UnassessedIndicator {
  zoneId: string;
  code: string;
  reason: string;
}

/**
 * How many of a zone's enterprise records fall in each industry, as the zone
 * records it (the raw `Enterprise.industry` text; the analysis normalises it).
 */
export interface ZoneIndustryProfile {
  zoneId: string;
  /** Enterprise records read per industry text; records without an industry are not in here. */
  industries: { industry: string; enterprises: number }[];
  /** Records read that have no industry. */
  unknownIndustry: number;
  /** Records read (at most the reader's sample size). */
  enterprisesRead: number;
  /** Records the zone holds: more than `enterprisesRead` means the profile is a sample. */
  totalCount: number;
  /** Whether those records are the zone's register (COMPLETE) or only what its sources name; null when the zone did not say. */
  enterpriseRecords: RecordCompleteness | null;
}

export interface FigureReadOptions {
  /** Also read each zone's enterprise count per industry (from at most the first 500 records by name). */
  industryProfiles?: boolean;
  /**
   * Read each figure's texts: `periodBasis`, `note`, the source passage and the computation (default
   * true). Off, they are null: most of an answer's bytes (often Chinese text), which an analysis
   * showing only values and statuses never uses.
   */
  provenanceText?: boolean;
}

export interface FigureRead {
  figures: ZoneFigure[];
  /** Indicators the zones that answered listed as not assessable, read in the same round trip. */
  unassessed: UnassessedIndicator[];
  answered: string[];
  failures: ZoneReadFailure[];
  /** Present when asked for, one per zone that answered. */
  profiles?: ZoneIndustryProfile[];
}

/**
 * How the province reads zone data: straight from the zone services through the
 * shard router, one round trip per zone service, in parallel; failed zones are reported.
 */
export interface ZoneReader {
  enterprises(zoneIds: readonly string[], query: EnterpriseQuery): Promise<{ pages: ZonePageOfEnterprises[]; failures: ZoneReadFailure[] }>;
  /**
   * Every figure the zones hold for these codes, the codes they list as not
   * assessable, and on request each zone's industry profile, in the same round
   * trip; zones that failed are listed, not dropped.
   */
  figures(zoneIds: readonly string[], codes: readonly string[], options?: FigureReadOptions): Promise<FigureRead>;
}
