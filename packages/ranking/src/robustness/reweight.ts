import { RankingInputError } from '../errors';

/**
 * Sets criterion j's weight to t in [0, 1] and rescales the others proportionally
 * so the vector still sums to 1:
 *
 *   w'_j = t,   w'_k = w_k * (1 - t) / (1 - w_j)   for k != j.
 *
 * This keeps the ratios among the other weights (the usual one-at-a-time
 * convention, e.g. Triantaphyllou & Sanchez 1997). If w_j = 1 (others all 0) there
 * are no ratios to keep; the freed mass 1 - t is then split equally among the others.
 * `weights` must sum to 1.
 */
export function reweight(weights: readonly number[], j: number, t: number): number[] {
  return Array.from(reweightInto(weights, j, t, new Float64Array(weights.length)));
}

/** `reweight` into a buffer the caller owns (the dethrone search reweights thousands of times); returns `out`. */
export function reweightInto(weights: ArrayLike<number>, j: number, t: number, out: Float64Array): Float64Array {
  if (!(t >= 0 && t <= 1)) throw new RankingInputError('weight', `new weight must be in [0, 1] (got ${t})`);
  const n = weights.length;
  if (n === 1) {
    out[0] = 1;
    return out;
  }
  const rest = 1 - weights[j];
  for (let k = 0; k < n; k += 1) out[k] = k === j ? t : rest > 1e-15 ? (weights[k] * (1 - t)) / rest : (1 - t) / (n - 1);
  return out;
}
