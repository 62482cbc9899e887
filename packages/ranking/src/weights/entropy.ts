import { RankingInputError } from '../errors';
import { minMaxColumn } from '../normalize/minMax';
import type { Criterion, NumericMatrix } from '../types';
import { weightRecord } from './given';

/**
 * How raw values become the non-negative y_ij whose column shares p_ij are used:
 * - `min-max` (default, the usual 熵权法 practice): y = min-max normalised value with
 *   cost criteria flipped, y = (max - x)/(max - min), before computing proportions.
 * - `proportion`: y = x on raw non-negative values, direction ignored, as in the
 *   original formulation of Zeleny (1982) and Hwang & Yoon (1981), where entropy
 *   only measures the dispersion of the raw shares.
 */
export type EntropyPreprocessing = 'min-max' | 'proportion';

/** Entropy weights with their intermediate quantities, all keyed by criterion. */
export interface EntropyResult {
  readonly weights: Record<string, number>;
  /** e_j in [0, 1]. */
  readonly entropy: Record<string, number>;
  /** d_j = 1 - e_j (degree of diversification). */
  readonly divergence: Record<string, number>;
  readonly preprocessing: EntropyPreprocessing;
  /** True when every d_j = 0 (no criterion discriminates) and equal weights were returned. */
  readonly degenerate: boolean;
}

/**
 * Entropy weight method (熵权法).
 *
 *   p_ij = y_ij / sum_i y_ij
 *   e_j  = -(1 / ln m) * sum_i p_ij ln p_ij      with 0 * ln 0 = 0
 *   d_j  = 1 - e_j
 *   w_j  = d_j / sum_k d_k
 *
 * References: Shannon, C. E. (1948) Bell System Technical Journal 27, 379-423;
 * Zeleny, M. (1982) Multiple Criteria Decision Making, McGraw-Hill; Hwang, C.-L. &
 * Yoon, K. (1981) Multiple Attribute Decision Making, Springer LNEMS 186 (entropy method).
 *
 * Choices: a column whose y values sum to 0 (e.g. all equal under min-max) carries
 * no information: p is uniform, e_j = 1, d_j = 0. If every d_j = 0 the weights are
 * equal (1/n) and `degenerate` is true. Needs m >= 2 candidates (k = 1/ln m).
 * Rounding can put e_j a hair outside [0, 1]; it is clamped.
 */
export function entropyWeights(
  criteria: readonly Criterion[],
  matrix: NumericMatrix,
  options: { readonly preprocessing?: EntropyPreprocessing } = {},
): EntropyResult {
  const preprocessing = options.preprocessing ?? 'min-max';
  if (preprocessing !== 'min-max' && preprocessing !== 'proportion') {
    throw new RankingInputError('entropy.preprocessing', `must be 'min-max' or 'proportion'`);
  }
  const m = matrix.ids.length;
  if (m < 2) throw new RankingInputError('candidates', `entropy weights need at least 2 candidates (got ${m})`);
  const byKey = new Map(criteria.map((c) => [c.key, c]));
  const n = matrix.keys.length;
  const e = new Array<number>(n);
  matrix.keys.forEach((key, j) => {
    const c = byKey.get(key);
    if (!c) throw new RankingInputError(`keys[${j}]`, `unknown criterion key '${key}'`);
    const column = matrix.values.map((row) => row[j]);
    let y: number[];
    if (preprocessing === 'min-max') {
      y = minMaxColumn(column, c.direction);
    } else {
      column.forEach((x, i) => {
        if (x < 0) {
          throw new RankingInputError(`candidates[${i}].values.${key}`, `proportion entropy needs non-negative values (candidate '${matrix.ids[i]}' has ${x})`);
        }
      });
      y = column;
    }
    const sum = y.reduce((a, b) => a + b, 0);
    if (!(sum > 0)) {
      e[j] = 1;
      return;
    }
    let h = 0;
    for (const v of y) {
      const p = v / sum;
      if (p > 0) h -= p * Math.log(p);
    }
    e[j] = Math.min(1, Math.max(0, h / Math.log(m)));
  });
  const d = e.map((v) => 1 - v);
  const total = d.reduce((a, b) => a + b, 0);
  const degenerate = !(total > 0);
  const w = degenerate ? d.map(() => 1 / n) : d.map((v) => v / total);
  return {
    weights: weightRecord(w, matrix.keys),
    entropy: weightRecord(e, matrix.keys),
    divergence: weightRecord(d, matrix.keys),
    preprocessing,
    degenerate,
  };
}
