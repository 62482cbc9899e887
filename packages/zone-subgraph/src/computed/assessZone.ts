import { RECORD_NOUNS, type Completeness, type RecordKind, type ZoneRecordsInfo } from '../records/recordKinds';
import { DERIVATIONS, type Derivation, type Qualifier, type ZoneAggregate } from './derivations';

/** A figure computed from a zone's records, with the period and completeness it stands on. */
export interface ComputedFigure {
  code: string;
  value: number;
  qualifier: Qualifier;
  computation: string;
  period: string;
  periodBasis: string;
  /** Why the figure is a lower bound, when its records are named only. */
  note: string | null;
  /** Completeness of the records it was computed over (its base collection). */
  completeness: Completeness;
  /** How many records it was computed from. */
  recordCount: number;
}

/** A computable indicator the zone's records cannot give, and why. */
export interface UnassessedFigure {
  code: string;
  reason: string;
}

export interface ZoneAssessment {
  figures: ComputedFigure[];
  unassessed: UnassessedFigure[];
}

const recordNoun = (kind: RecordKind) => `${RECORD_NOUNS[kind].one} record`;

function baseOf(d: Derivation, a: ZoneAggregate): { count: number; one: string; many: string } {
  if (d.base) return { count: d.base.count(a), one: d.base.one, many: d.base.many };
  return { count: a.records[d.kind], one: recordNoun(d.kind), many: `${recordNoun(d.kind)}s` };
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Computed figures are dated by the zone's records, never by the query. */
function periodOf(records: ZoneRecordsInfo): { period: string; basis: string } {
  if (records.asOf) return { period: records.asOf, basis: `as of the zone's records (${records.asOf})` };
  const written = records.writtenAt.toISOString().slice(0, 10);
  return { period: written, basis: `as of the day the zone's records were written (${written}; the zone states no date for its records)` };
}

/**
 * The rules for computed figures:
 * - nothing is computed from an empty base collection, whatever its completeness;
 * - over named-only records a count is a lower bound (AT_LEAST), and a count
 *   of 0 is not given: absence cannot be shown from the records a source names;
 * - over named-only records a rate is not given: its denominator is not the zone's;
 * - over complete records a figure is as exact as its inputs (a rate whose
 *   numerator rests on named-only records is a lower bound).
 */
export function assessZone(aggregate: ZoneAggregate, records: ZoneRecordsInfo, derivations: readonly Derivation[] = DERIVATIONS): ZoneAssessment {
  const { period, basis } = periodOf(records);
  const figures: ComputedFigure[] = [];
  const unassessed: UnassessedFigure[] = [];
  for (const d of derivations) {
    const kind = RECORD_NOUNS[d.kind];
    const base = baseOf(d, aggregate);
    const completeness = records.completeness[d.kind];
    if (aggregate.records[d.kind] === 0) {
      unassessed.push({ code: d.code, reason: `no ${kind.one} records` });
      continue;
    }
    if (base.count === 0) {
      unassessed.push({ code: d.code, reason: `no ${base.many}` });
      continue;
    }
    const value = d.value(aggregate);
    if (completeness === 'named_only') {
      if (d.measure === 'rate') {
        unassessed.push({
          code: d.code,
          reason: `${d.code} is a rate over ${kind.one} records, which are named only (${counted(base.count, kind.one, kind.many)} named by a source, not the zone's register), so it cannot be computed`,
        });
        continue;
      }
      if (value === 0) {
        unassessed.push({
          code: d.code,
          reason: `${d.code} (${d.computation}) is 0 over ${counted(base.count, `named ${base.one}`, `named ${base.many}`)}, but ${kind.one} records are named only, so absence cannot be shown`,
        });
        continue;
      }
      figures.push({
        code: d.code,
        value,
        qualifier: 'at_least',
        computation: d.computation,
        period,
        periodBasis: `${basis}, computed from ${counted(base.count, `named ${base.one}`, `named ${base.many}`)}`,
        note: `a lower bound: ${kind.one} records are named only (what a source names, not the zone's register)`,
        completeness,
        recordCount: base.count,
      });
      continue;
    }
    const namedInputs = (d.alsoUses ?? []).filter((k) => records.completeness[k] === 'named_only');
    figures.push({
      code: d.code,
      value,
      qualifier: namedInputs.length > 0 ? 'at_least' : (d.qualifier?.(aggregate) ?? 'exact'),
      computation: d.computation,
      period,
      periodBasis: `${basis}, computed from the zone's complete register of ${counted(base.count, base.one, base.many)}`,
      note: namedInputs.length > 0 ? `a lower bound: ${namedInputs.map((k) => RECORD_NOUNS[k].one).join(' and ')} records are named only` : null,
      completeness,
      recordCount: base.count,
    });
  }
  return { figures, unassessed };
}
