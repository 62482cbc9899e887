import { median } from '@devzone/ranking';
import { isPresent, isReportedKind, round4, type Cell } from './cell';
import { missingCell } from './selectFigure';

export type AggregateQualifier = 'EXACT' | 'AT_LEAST' | 'ABOUT';

/** Summary statistics of one indicator over a group of zones (pure: no I/O). */
export interface Aggregate {
  /** Cells in the group (one per zone). */
  zoneCount: number;
  /** PRESENT cells with a value. */
  valueCount: number;
  /** Cells the zone has no figure for (status MISSING). */
  missingCount: number;
  /** Cells whose zone service failed (status ZONE_UNAVAILABLE). */
  unavailableCount: number;
  /** Statistics over the values; null when there is none. Lower bounds when `qualifier` is AT_LEAST. */
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** Values that are lower bounds (AT_LEAST). */
  lowerBoundCount: number;
  /** Values quoted from sources (REPORTED; SYNTHETIC test data counts as reported). */
  reportedCount: number;
  /** Values a zone service computed from its records. */
  computedCount: number;
  /** Values the province derived from a zone's own figures (`derived.*`). */
  derivedCount: number;
  /** Values computed over NAMED_ONLY records, directly or as an input of a derived value (only with the opt-in). */
  namedOnlyCount: number;
  /** The weakest precision of the values (EXACT < AT_LEAST < ABOUT). Null without values. */
  qualifier: AggregateQualifier | null;
  /** Distinct periods of the values, sorted. */
  periods: string[];
}

export interface ProvinceAggregateRow {
  provinceCode: string;
  code: string;
  aggregate: Aggregate;
}

/** A zone in scope with the province it belongs to. */
export interface ScopedZone {
  zoneId: string;
  provinceCode: string;
}

const WEAKNESS: Record<AggregateQualifier, number> = { EXACT: 0, AT_LEAST: 1, ABOUT: 2 };

/**
 * The aggregate's precision, the weakest of its inputs (EXACT < AT_LEAST <
 * ABOUT): exact only from exact values; lower bounds stay lower bounds; a
 * value of unknown precision makes it ABOUT.
 */
export function aggregateQualifier(qualifiers: readonly Cell['qualifier'][]): AggregateQualifier | null {
  if (qualifiers.length === 0) return null;
  return qualifiers.reduce<AggregateQualifier>((weakest, q) => {
    const own = q ?? 'ABOUT';
    return WEAKNESS[own] > WEAKNESS[weakest] ? own : weakest;
  }, 'EXACT');
}

/** Whether a value rests on records that are only what the sources name: its own, or any input's. */
export function restsOnNamedOnlyRecords(cell: Cell): boolean {
  return cell.provenance?.recordCompleteness === 'NAMED_ONLY' || cell.inputs.some(restsOnNamedOnlyRecords);
}

/** Aggregates one indicator's cells (one per zone). Mean and median are rounded to 4 decimals. */
export function aggregateCells(cells: readonly Cell[]): Aggregate {
  const present = cells.filter(isPresent);
  const values = present.map((c) => c.value).sort((a, b) => a - b);
  const hasValues = values.length > 0;
  return {
    zoneCount: cells.length,
    valueCount: values.length,
    missingCount: cells.filter((c) => c.status === 'MISSING').length,
    unavailableCount: cells.filter((c) => c.status === 'ZONE_UNAVAILABLE').length,
    mean: hasValues ? round4(values.reduce((sum, v) => sum + v, 0) / values.length) : null,
    median: hasValues ? round4(median(values)) : null,
    min: hasValues ? values[0] : null,
    max: hasValues ? values[values.length - 1] : null,
    lowerBoundCount: present.filter((c) => c.qualifier === 'AT_LEAST').length,
    reportedCount: present.filter((c) => isReportedKind(c.provenance?.kind)).length,
    computedCount: present.filter((c) => c.provenance?.kind === 'COMPUTED').length,
    derivedCount: present.filter((c) => c.provenance?.kind === 'DERIVED').length,
    namedOnlyCount: present.filter(restsOnNamedOnlyRecords).length,
    qualifier: aggregateQualifier(present.map((c) => c.qualifier)),
    periods: [...new Set(present.map((c) => c.period).filter((p): p is string => p !== null))].sort(),
  };
}

/**
 * One aggregate per province and indicator, provinces in the order given,
 * indicators in the order given. A zone without a cell for a code counts as
 * missing, so nothing is dropped.
 */
export function aggregateByProvince(
  provinceCodes: readonly string[],
  zones: readonly ScopedZone[],
  codes: readonly string[],
  cells: Readonly<Record<string, Readonly<Record<string, Cell>>>>,
): ProvinceAggregateRow[] {
  return provinceCodes.flatMap((provinceCode) => {
    const members = zones.filter((z) => z.provinceCode === provinceCode);
    return codes.map((code) => ({
      provinceCode,
      code,
      aggregate: aggregateCells(members.map((z) => cells[z.zoneId]?.[code] ?? missingCell(z.zoneId, code, 'no cell was read for this zone'))),
    }));
  });
}
