import type { ZoneFigure } from '../zoneReader/zoneReader';

/** Which stated figures an analysis may use. */
export type ValueSource = 'REPORTED' | 'COMPUTED' | 'PREFER_REPORTED';

export interface ValuePolicy {
  /** @default 'REPORTED': figures quoted from sources (synthetic zones' figures count as reported). */
  source: ValueSource;
  /** Keep figures whose period starts with this (e.g. "2023"); the latest otherwise. */
  period?: string;
}

export type CellStatus = 'PRESENT' | 'MISSING' | 'ZONE_UNAVAILABLE';

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
  } | null;
  /** For derived indicators: the cells it was computed from. */
  inputs: Cell[];
  /** Which figure was chosen among several, or why the cell is missing. */
  note: string | null;
}
