import type { NormalizedMatrix } from '../normalize/types';
import { competitionRanks, DEFAULT_TIE_TOLERANCE, orderIndices } from '../ordering';
import type { WeightVector } from '../types';
import { normalizeWeights, weightArray, weightRecord } from '../weights/given';
import type { CriterionContribution, MethodOptions, MethodResult, ScoredCandidate } from './types';

/**
 * Weighted values v_ij = w_j n_ij and the ideal A+_j = max_i v_ij, anti-ideal
 * A-_j = min_i v_ij (n is benefit-oriented, so max is best for every criterion).
 */
function weightedSpace(values: readonly (readonly number[])[], w: readonly number[]) {
  const v = values.map((row) => row.map((x, j) => w[j] * x));
  const plus = w.map((_, j) => v.reduce((acc, row) => Math.max(acc, row[j]), -Infinity));
  const minus = w.map((_, j) => v.reduce((acc, row) => Math.min(acc, row[j]), Infinity));
  return { v, plus, minus };
}

/**
 * TOPSIS closeness coefficients only (fast path for robustness analysis).
 *
 *   D+_i = sqrt(sum_j (v_ij - A+_j)^2),  D-_i = sqrt(sum_j (v_ij - A-_j)^2)
 *   C_i  = D-_i / (D+_i + D-_i)
 *
 * Reference: Hwang, C.-L. & Yoon, K. (1981) Multiple Attribute Decision Making:
 * Methods and Applications, Springer LNEMS 186 (TOPSIS).
 *
 * Degenerate case: D+ + D- = 0 only when every candidate has the same weighted
 * values (A+ = A-); then C = 0.5 for everyone (equidistant, all tied).
 */
export function topsisScores(values: readonly (readonly number[])[], w: readonly number[]): number[] {
  const { v, plus, minus } = weightedSpace(values, w);
  return v.map((row) => {
    let sp = 0;
    let sm = 0;
    for (let j = 0; j < w.length; j++) {
      sp += (row[j] - plus[j]) ** 2;
      sm += (row[j] - minus[j]) ** 2;
    }
    const dp = Math.sqrt(sp);
    const dm = Math.sqrt(sm);
    return dp + dm > 0 ? dm / (dp + dm) : 0.5;
  });
}

/**
 * TOPSIS with ranks and an exactly additive per-criterion breakdown.
 * Vector normalisation is the classic choice (and the default in `rank`), but any
 * benefit-oriented normalised matrix is accepted.
 *
 * Breakdown (exact decomposition of C). Write S = D+ + D-, a_j = (v_j - A-_j)^2,
 * b_j = (v_j - A+_j)^2, so (D-)^2 = sum a_j and (D+)^2 = sum b_j. Then
 *
 *   C = 1/2 + (D- - D+) / (2S) = 1/2 + ((D-)^2 - (D+)^2) / (2 S^2)
 *     = sum_j [ R_j^2 / (2 R^2) + (a_j - b_j) / (2 S^2) ],
 *
 * with R_j = A+_j - A-_j and R^2 = sum R_j^2 (so sum_j R_j^2/(2R^2) = 1/2).
 * contribution_j = baseline_j + signed_j where
 *   baseline_j = R_j^2 / (2 R^2)  the criterion's share of the neutral 1/2, in
 *                proportion to how far apart ideal and anti-ideal are on it;
 *   signed_j   = (a_j - b_j) / (2 S^2) = R_j (2 v_j - A+_j - A-_j) / (2 S^2), positive
 *                when the candidate is nearer the ideal than the anti-ideal on j.
 * Properties: parts sum exactly to C; a criterion on which all candidates are equal
 * gets 0; a candidate at the anti-ideal on every criterion (C = 0) gets 0 on each;
 * one at the ideal everywhere (C = 1) gets R_j^2/R^2. Parts may be negative.
 * Degenerate case (R = 0, all candidates identical): C = 0.5 and contribution_j = w_j / 2.
 */
export function topsis(matrix: NormalizedMatrix, weights: WeightVector, options: MethodOptions = {}): MethodResult {
  const tol = options.tieTolerance ?? DEFAULT_TIE_TOLERANCE;
  const keys = matrix.keys;
  const w = weightArray(normalizeWeights(weights, keys), keys);
  const { v, plus, minus } = weightedSpace(matrix.values, w);
  const rangeSq = plus.map((p, j) => (p - minus[j]) ** 2);
  const totalRangeSq = rangeSq.reduce((a, b) => a + b, 0);

  const rows = v.map((row, i) => {
    const a = row.map((x, j) => (x - minus[j]) ** 2);
    const b = row.map((x, j) => (x - plus[j]) ** 2);
    const dPlus = Math.sqrt(b.reduce((s, x) => s + x, 0));
    const dMinus = Math.sqrt(a.reduce((s, x) => s + x, 0));
    const sum = dPlus + dMinus;
    const degenerate = !(totalRangeSq > 0) || !(sum > 0);
    const score = degenerate ? 0.5 : dMinus / sum;
    const breakdown: CriterionContribution[] = keys.map((key, j) => {
      const baseline = degenerate ? w[j] / 2 : rangeSq[j] / (2 * totalRangeSq);
      const signed = degenerate ? 0 : (a[j] - b[j]) / (2 * sum * sum);
      return {
        key,
        raw: matrix.raw[i][j],
        normalized: matrix.values[i][j],
        weight: w[j],
        weighted: row[j],
        contribution: baseline + signed,
        topsis: { idealGapSq: b[j], antiIdealGapSq: a[j], baseline, signed },
      };
    });
    return { score, breakdown, dPlus, dMinus };
  });

  const scores = rows.map((r) => r.score);
  const ranks = competitionRanks(matrix.ids, scores, tol);
  const candidates: ScoredCandidate[] = orderIndices(matrix.ids, scores, tol).map((i) => ({
    id: matrix.ids[i],
    score: rows[i].score,
    rank: ranks[i],
    breakdown: rows[i].breakdown,
    topsis: { dPlus: rows[i].dPlus, dMinus: rows[i].dMinus },
  }));
  return { method: 'topsis', candidates, ideal: weightRecord(plus, keys), antiIdeal: weightRecord(minus, keys) };
}
