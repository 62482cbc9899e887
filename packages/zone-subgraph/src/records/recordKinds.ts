/** The kinds of detail record a zone holds, as named in seed files and in `ZoneRecords`. */
export type RecordKind = 'enterprises' | 'partyOrganizations' | 'honors' | 'alliances' | 'serviceStations';

/**
 * `complete`: a zone system loads its full register of that kind.
 * `named_only`: only the records a source names (article seeds).
 */
export const COMPLETENESS_VALUES = ['complete', 'named_only'] as const;
export type Completeness = (typeof COMPLETENESS_VALUES)[number];

export type RecordCompletenessByKind = Record<RecordKind, Completeness>;

/** Singular and plural nouns for reasons and period bases ("1 enterprise", "no honor records"). */
export const RECORD_NOUNS: Record<RecordKind, { one: string; many: string }> = {
  enterprises: { one: 'enterprise', many: 'enterprises' },
  partyOrganizations: { one: 'party organization', many: 'party organizations' },
  honors: { one: 'honor', many: 'honors' },
  alliances: { one: 'alliance', many: 'alliances' },
  serviceStations: { one: 'service station', many: 'service stations' },
};

/** What a zone says about its records: completeness per kind and the date they are as of. */
export interface ZoneRecordsInfo {
  completeness: RecordCompletenessByKind;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null for zones stored before it was recorded. */
  asOf: string | null;
  /** When the zone's records were written: the fallback date when `asOf` is null. */
  writtenAt: Date;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a date, not a range). */
export const RECORDS_AS_OF_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
