/** The aggregation methods. */
export type MethodKind = 'weighted-sum' | 'topsis';

/** TOPSIS-specific per-criterion quantities (weighted space, v = w * n). */
export interface TopsisCriterionDetail {
  /** (v_ij - A+_j)^2, this criterion's term of (D+)^2. */
  readonly idealGapSq: number;
  /** (v_ij - A-_j)^2, this criterion's term of (D-)^2. */
  readonly antiIdealGapSq: number;
  /** Neutral share R_j^2 / (2 R^2) with R_j = A+_j - A-_j (see topsis.ts). */
  readonly baseline: number;
  /** Signed part ((v - A-)^2 - (v - A+)^2) / (2 (D+ + D-)^2). */
  readonly signed: number;
}

/** One criterion's part of a candidate's score. The parts add up to the score. */
export interface CriterionContribution {
  readonly key: string;
  /** Raw input value (after imputation, if any). */
  readonly raw: number;
  /** Benefit-oriented normalised value n_ij. */
  readonly normalized: number;
  /** Weight w_j (weights sum to 1). */
  readonly weight: number;
  /** w_j * n_ij. */
  readonly weighted: number;
  /** This criterion's additive part of the score. */
  readonly contribution: number;
  readonly topsis?: TopsisCriterionDetail;
}

/** A scored and ranked candidate. */
export interface ScoredCandidate {
  readonly id: string;
  readonly score: number;
  /** Standard competition rank (1,2,2,4). */
  readonly rank: number;
  /** In criteria order; sum of `contribution` equals `score`. */
  readonly breakdown: readonly CriterionContribution[];
  /** TOPSIS separations D+ and D-. */
  readonly topsis?: { readonly dPlus: number; readonly dMinus: number };
}

/** Output of a method: candidates ordered by score descending, then id ascending. */
export interface MethodResult {
  readonly method: MethodKind;
  readonly candidates: readonly ScoredCandidate[];
  /** TOPSIS ideal A+ and anti-ideal A- in weighted space, keyed by criterion. */
  readonly ideal?: Record<string, number>;
  readonly antiIdeal?: Record<string, number>;
}

export interface MethodOptions {
  /** Relative tolerance for ties; default 1e-9. */
  readonly tieTolerance?: number;
}
