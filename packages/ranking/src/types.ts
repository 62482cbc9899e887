/**
 * Core input types shared by every part of the library.
 *
 * A criterion (指标) is either a benefit criterion (larger is better, e.g.
 * party-organisation coverage rate) or a cost criterion (smaller is better).
 */

/** Whether larger (`benefit`) or smaller (`cost`) raw values are better. */
export type Direction = 'benefit' | 'cost';

/**
 * Fixed reference bounds used by the efficacy-coefficient score (功效系数法).
 * `unacceptable` (不允许值) maps to 60 and `satisfactory` (满意值) maps to 100.
 * For a benefit criterion `satisfactory > unacceptable`; for a cost criterion
 * `unacceptable > satisfactory`.
 */
export interface CriterionBounds {
  readonly unacceptable: number;
  readonly satisfactory: number;
}

/** One evaluation criterion. `key` is the identifier used in candidate values. */
export interface Criterion {
  readonly key: string;
  readonly direction: Direction;
  /** Analyst-given (subjective) weight; any non-negative scale, normalised to sum 1. */
  readonly weight?: number;
  /** Fixed reference bounds, required only by the efficacy-coefficient normalisation. */
  readonly bounds?: CriterionBounds;
}

/** A raw cell: a finite number, or `null`/`undefined` for a missing value. */
export type CellValue = number | null | undefined;

/** One candidate (e.g. a development zone) with its raw value per criterion key. */
export interface Candidate {
  readonly id: string;
  readonly values: Readonly<Record<string, CellValue>>;
}

/**
 * A complete numeric decision matrix: `values[i][j]` is candidate `ids[i]` on
 * criterion `keys[j]`. Produced after the missing-value policy was applied.
 */
export interface NumericMatrix {
  readonly ids: readonly string[];
  readonly keys: readonly string[];
  readonly values: readonly (readonly number[])[];
}

/** Weights keyed by criterion key; every public weight function returns weights summing to 1. */
export type WeightVector = Readonly<Record<string, number>>;
