import type { NormalizedMatrix } from '../normalize/types';
import { competitionRanks, DEFAULT_TIE_TOLERANCE, orderIndices } from '../ordering';
import type { WeightVector } from '../types';
import { normalizeWeights, weightArray } from '../weights/given';
import type { CriterionContribution, MethodOptions, MethodResult, ScoredCandidate } from './types';

/**
 * Weighted sum (simple additive weighting, SAW):
 *
 *   S_i = sum_j w_j * n_ij
 *
 * on benefit-oriented normalised values n_ij with sum w_j = 1.
 * References: Fishburn, P. C. (1967) "Additive utilities with incomplete product
 * set", Operations Research 15(3), 537-542; Hwang, C.-L. & Yoon, K. (1981) Multiple
 * Attribute Decision Making, Springer LNEMS 186 (SAW).
 *
 * Breakdown: contribution_j = w_j * n_ij; the score is computed as the sum of
 * these parts in criteria order, so the parts add up to the score exactly.
 */
export function weightedSumScores(values: readonly (readonly number[])[], w: readonly number[]): number[] {
  return values.map((row) => {
    let s = 0;
    for (let j = 0; j < w.length; j++) s += w[j] * row[j];
    return s;
  });
}

/** Weighted sum with ranks and per-criterion breakdown. Weights are normalised to sum 1. */
export function weightedSum(matrix: NormalizedMatrix, weights: WeightVector, options: MethodOptions = {}): MethodResult {
  const tol = options.tieTolerance ?? DEFAULT_TIE_TOLERANCE;
  const w = weightArray(normalizeWeights(weights, matrix.keys), matrix.keys);
  const scores = weightedSumScores(matrix.values, w);
  const ranks = competitionRanks(matrix.ids, scores, tol);
  const candidates: ScoredCandidate[] = orderIndices(matrix.ids, scores, tol).map((i) => {
    const breakdown: CriterionContribution[] = matrix.keys.map((key, j) => ({
      key,
      raw: matrix.raw[i][j],
      normalized: matrix.values[i][j],
      weight: w[j],
      weighted: w[j] * matrix.values[i][j],
      contribution: w[j] * matrix.values[i][j],
    }));
    return { id: matrix.ids[i], score: scores[i], rank: ranks[i], breakdown };
  });
  return { method: 'weighted-sum', candidates };
}
