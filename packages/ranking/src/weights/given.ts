import { RankingInputError } from '../errors';
import type { Criterion, WeightVector } from '../types';
import { assertWeight } from '../validate';

/**
 * Analyst-given (subjective) weights, normalised to sum 1:  w_j = W_j / sum_k W_k.
 *
 * Reference: Hwang, C.-L. & Yoon, K. (1981) Multiple Attribute Decision Making,
 * Springer LNEMS 186 (weights normalised so that sum w_j = 1).
 *
 * Every key of `keys` needs a finite non-negative weight, no unknown key is
 * allowed, and the weights must not all be zero. The result follows `keys` order.
 */
export function normalizeWeights(weights: WeightVector, keys: readonly string[], field = 'weights'): Record<string, number> {
  if (weights === null || typeof weights !== 'object') throw new RankingInputError(field, 'must be an object keyed by criterion');
  const known = new Set(keys);
  for (const k of Object.keys(weights)) {
    if (!known.has(k)) throw new RankingInputError(`${field}.${k}`, `unknown criterion key '${k}'`);
  }
  let sum = 0;
  for (const k of keys) {
    if (!(k in weights)) throw new RankingInputError(`${field}.${k}`, `no weight given for criterion '${k}'`);
    assertWeight(weights[k], `${field}.${k}`, k);
    sum += weights[k];
  }
  if (!(sum > 0)) throw new RankingInputError(field, 'weights are all zero; at least one must be positive');
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = weights[k] / sum;
  return out;
}

/** Normalised weights taken from `criteria[j].weight`; every criterion must carry one. */
export function weightsFromCriteria(criteria: readonly Criterion[]): Record<string, number> {
  const raw: Record<string, number> = {};
  criteria.forEach((c, j) => {
    if (c.weight === undefined) {
      throw new RankingInputError(`criteria[${j}].weight`, `criterion '${c.key}' has no weight (given weights were requested)`);
    }
    assertWeight(c.weight, `criteria[${j}].weight`, c.key);
    raw[c.key] = c.weight;
  });
  const keys = criteria.map((c) => c.key);
  const sum = keys.reduce((a, k) => a + raw[k], 0);
  if (!(sum > 0)) throw new RankingInputError('criteria', 'criterion weights are all zero; at least one must be positive');
  return normalizeWeights(raw, keys, 'criteria.weight');
}

/** Weights as an array aligned with `keys`. */
export function weightArray(weights: WeightVector, keys: readonly string[]): number[] {
  return keys.map((k) => weights[k]);
}

/** Weights array aligned with `keys` back to a record. */
export function weightRecord(weights: readonly number[], keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  keys.forEach((k, j) => {
    out[k] = weights[j];
  });
  return out;
}
