import { RankingInputError } from '../errors';
import type { WeightVector } from '../types';
import { normalizeWeights } from './given';

/**
 * Linear combination of subjective and objective (entropy) weights:
 *
 *   w_j = alpha * s_j + (1 - alpha) * o_j,   alpha in [0, 1]
 *
 * Both inputs are normalised to sum 1 first, so the result sums to 1.
 * alpha = 1 keeps the analysts' weights, alpha = 0 the entropy weights.
 *
 * Reference: combined subjective-objective weighting (组合赋权); see Ma, J., Fan, Z.-P.
 * & Huang, L.-H. (1999) "A subjective and objective integrated approach to determine
 * attribute weights", European Journal of Operational Research 112(2), 397-404.
 */
export function blendWeights(subjective: WeightVector, objective: WeightVector, alpha: number, keys: readonly string[]): Record<string, number> {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha < 0 || alpha > 1) {
    throw new RankingInputError('weights.alpha', `alpha must be a number in [0, 1] (got ${String(alpha)})`);
  }
  const s = normalizeWeights(subjective, keys, 'weights.subjective');
  const o = normalizeWeights(objective, keys, 'weights.objective');
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = alpha * s[k] + (1 - alpha) * o[k];
  return out;
}
