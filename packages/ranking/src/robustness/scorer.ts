import type { MethodKind } from '../methods/types';

/**
 * Scores every candidate under a weight vector into a buffer the caller owns.
 * Robustness analyses re-score the same normalised matrix thousands of times, so
 * the matrix is laid out once as one row-major Float64Array and nothing is
 * allocated per call. The arithmetic is that of `weightedSumScores` and
 * `topsisScores`, operation for operation and in the same order, so the scores
 * are the same to the last bit (robustness/scorer.test.ts checks it).
 */
export interface Scorer {
  /** scores[i] = the score of candidate i (matrix row i) under `w` (aligned with the matrix columns). */
  scoreInto(w: ArrayLike<number>, scores: Float64Array): void;
}

/** `values` is the normalised matrix (rows = candidates), `criteria` its number of columns. */
export function createScorer(method: MethodKind, values: readonly (readonly number[])[], criteria: number): Scorer {
  const m = values.length;
  const n = criteria;
  const cells = new Float64Array(m * n);
  values.forEach((row, i) => cells.set(row, i * n));
  return method === 'topsis' ? topsisScorer(cells, m, n) : weightedSumScorer(cells, m, n);
}

/** S_i = sum_j w_j n_ij, summed in criteria order (as `weightedSumScores`). */
function weightedSumScorer(cells: Float64Array, m: number, n: number): Scorer {
  return {
    scoreInto(w, scores) {
      for (let i = 0, row = 0; i < m; i += 1, row += n) {
        let s = 0;
        for (let j = 0; j < n; j += 1) s += w[j] * cells[row + j];
        scores[i] = s;
      }
    },
  };
}

/** TOPSIS closeness C_i = D-_i / (D+_i + D-_i), 0.5 when both are 0 (as `topsisScores`). */
function topsisScorer(cells: Float64Array, m: number, n: number): Scorer {
  const weighted = new Float64Array(m * n);
  const ideal = new Float64Array(n);
  const antiIdeal = new Float64Array(n);
  return {
    scoreInto(w, scores) {
      for (let i = 0, row = 0; i < m; i += 1, row += n) {
        for (let j = 0; j < n; j += 1) weighted[row + j] = w[j] * cells[row + j];
      }
      for (let j = 0; j < n; j += 1) {
        let plus = -Infinity;
        let minus = Infinity;
        for (let row = 0; row < m * n; row += n) {
          plus = Math.max(plus, weighted[row + j]);
          minus = Math.min(minus, weighted[row + j]);
        }
        ideal[j] = plus;
        antiIdeal[j] = minus;
      }
      for (let i = 0, row = 0; i < m; i += 1, row += n) {
        let sp = 0;
        let sm = 0;
        for (let j = 0; j < n; j += 1) {
          sp += (weighted[row + j] - ideal[j]) ** 2;
          sm += (weighted[row + j] - antiIdeal[j]) ** 2;
        }
        const dp = Math.sqrt(sp);
        const dm = Math.sqrt(sm);
        scores[i] = dp + dm > 0 ? dm / (dp + dm) : 0.5;
      }
    },
  };
}
