import type { RecordCompleteness, ZoneFigure } from '../zoneReader/zoneReader';

/** Which stated figures an analysis may use. */
export type ValueSource = 'REPORTED' | 'COMPUTED' | 'PREFER_REPORTED';

export interface ValuePolicy {
  /** @default 'REPORTED': figures quoted from sources or entered by the zone's system (synthetic zones' figures count as reported). */
  source: ValueSource;
  /** Keep figures whose period starts with this (e.g. "2023"); the latest otherwise. A computed figure's period is its records' as-of date. */
  period?: string;
  /**
   * Also use figures computed over NAMED_ONLY records (only what a zone's
   * sources name): off by default, because such a figure describes the named
   * records, not the zone. When on, the cell's note and provenance say so.
   */
  computedOverNamedOnly?: boolean;
}

export type CellStatus = 'PRESENT' | 'MISSING' | 'ZONE_UNAVAILABLE';

/**
 * Kinds that count as a reported figure: quoted from a source (REPORTED), entered by the
 * zone's own system with its provenance (ZONE_SYSTEM), or a synthetic zone's stand-in.
 */
export function isReportedKind(kind: string | undefined | null): boolean {
  return kind === 'REPORTED' || kind === 'ZONE_SYSTEM' || kind === 'SYNTHETIC';
}

/**
 * One zone × indicator cell as an analysis uses it: the value with unit,
 * precision, period and provenance, or why there is none. Plain JSON, so a
 * saved run can snapshot it and replay it exactly.
 */
export interface Cell {
  zoneId: string;
  code: string;
  status: CellStatus;
  value: number | null;
  unit: string;
  qualifier: ZoneFigure['qualifier'] | null;
  period: string | null;
  periodBasis: string | null;
  provenance: {
    kind: ZoneFigure['provenance']['kind'] | 'DERIVED';
    document: string | null;
    passage: string | null;
    computation: string | null;
    /** COMPUTED: completeness of the records computed over. Absent in cells saved before it was read. */
    recordCompleteness?: RecordCompleteness | null;
    /** COMPUTED: how many records it was computed over. Absent in cells saved before it was read. */
    recordCount?: number | null;
  } | null;
  /** For derived indicators: the cells it was computed from. */
  inputs: Cell[];
  /** Which figure was chosen among several, or why the cell is missing. */
  note: string | null;
}

/** A cell that holds a value (PRESENT), as a type guard. */
export const isPresent = (cell: Cell | undefined): cell is Cell & { value: number } => cell?.status === 'PRESENT' && cell.value !== null;

/** The value of a cell that has one; null when it is MISSING or its zone is unavailable. */
export const presentValue = (cell: Cell | undefined): number | null => (isPresent(cell) ? cell.value : null);

/** Figures the province computes are rounded to 4 decimals, so that equal inputs compare exactly equal. */
export const round4 = (x: number): number => Math.round(x * 10000) / 10000;
