import { median } from '@devzone/ranking';
import { isPresent, round4, type Cell } from './cell';
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
  /** EXACT: every value exact. AT_LEAST: exact or lower bounds, at least one lower bound. ABOUT: otherwise. Null without values. */
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

/** The aggregate's precision: exact only from exact values; lower bounds stay lower bounds; anything else is approximate. */
export function aggregateQualifier(qualifiers: readonly (Cell['qualifier'])[]): AggregateQualifier | null {
  if (qualifiers.length === 0) return null;
  if (qualifiers.every((q) => q === 'EXACT')) return 'EXACT';
  if (qualifiers.every((q) => q === 'EXACT' || q === 'AT_LEAST')) return 'AT_LEAST';
  return 'ABOUT';
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
