import { RankingInputError } from './errors';
import type { Candidate, Criterion } from './types';

/**
 * Validates the criteria list: non-empty, unique non-empty keys, a valid
 * direction, finite non-negative weights, and bounds consistent with the
 * direction (benefit: satisfactory > unacceptable; cost: unacceptable > satisfactory).
 */
export function validateCriteria(criteria: readonly Criterion[]): void {
  if (!Array.isArray(criteria) || criteria.length === 0) {
    throw new RankingInputError('criteria', 'at least one criterion is required');
  }
  const seen = new Set<string>();
  criteria.forEach((c, j) => {
    const at = `criteria[${j}]`;
    if (typeof c.key !== 'string' || c.key.length === 0) {
      throw new RankingInputError(`${at}.key`, 'must be a non-empty string');
    }
    if (seen.has(c.key)) throw new RankingInputError(`${at}.key`, `duplicate criterion key '${c.key}'`);
    seen.add(c.key);
    if (c.direction !== 'benefit' && c.direction !== 'cost') {
      throw new RankingInputError(`${at}.direction`, `must be 'benefit' or 'cost' (criterion '${c.key}')`);
    }
    if (c.weight !== undefined) assertWeight(c.weight, `${at}.weight`, c.key);
    if (c.bounds !== undefined) {
      const { unacceptable, satisfactory } = c.bounds;
      assertFinite(unacceptable, `${at}.bounds.unacceptable`, c.key);
      assertFinite(satisfactory, `${at}.bounds.satisfactory`, c.key);
      if (unacceptable === satisfactory) {
        throw new RankingInputError(`${at}.bounds`, `unacceptable and satisfactory must differ (criterion '${c.key}')`);
      }
      if (c.direction === 'benefit' && !(satisfactory > unacceptable)) {
        throw new RankingInputError(`${at}.bounds`, `benefit criterion '${c.key}' needs satisfactory > unacceptable (got ${satisfactory} <= ${unacceptable})`);
      }
      if (c.direction === 'cost' && !(unacceptable > satisfactory)) {
        throw new RankingInputError(`${at}.bounds`, `cost criterion '${c.key}' needs unacceptable > satisfactory (got ${unacceptable} <= ${satisfactory})`);
      }
    }
  });
}

/**
 * Validates candidates against the criteria: non-empty list, unique non-empty
 * ids, no value for an unknown criterion key, every present value a finite
 * number (NaN and ±Infinity are rejected; `null`/`undefined` mean missing).
 */
export function validateCandidates(criteria: readonly Criterion[], candidates: readonly Candidate[]): void {
  if (!Array.isArray(candidates) || candidates.length === 0) {
    throw new RankingInputError('candidates', 'at least one candidate is required');
  }
  const keys = new Set(criteria.map((c) => c.key));
  const ids = new Set<string>();
  candidates.forEach((cand, i) => {
    const at = `candidates[${i}]`;
    if (typeof cand.id !== 'string' || cand.id.length === 0) {
      throw new RankingInputError(`${at}.id`, 'must be a non-empty string');
    }
    if (ids.has(cand.id)) throw new RankingInputError(`${at}.id`, `duplicate candidate id '${cand.id}'`);
    ids.add(cand.id);
    if (cand.values === null || typeof cand.values !== 'object') {
      throw new RankingInputError(`${at}.values`, `must be an object (candidate '${cand.id}')`);
    }
    for (const key of Object.keys(cand.values)) {
      if (!keys.has(key)) {
        throw new RankingInputError(`${at}.values.${key}`, `unknown criterion key '${key}' (candidate '${cand.id}')`);
      }
      const v: unknown = cand.values[key];
      if (v === null || v === undefined) continue;
      if (typeof v !== 'number') {
        throw new RankingInputError(`${at}.values.${key}`, `must be a number, null or undefined (candidate '${cand.id}')`);
      }
      if (Number.isNaN(v)) throw new RankingInputError(`${at}.values.${key}`, `is NaN (candidate '${cand.id}')`);
      if (!Number.isFinite(v)) throw new RankingInputError(`${at}.values.${key}`, `is not finite (candidate '${cand.id}')`);
    }
  });
}

/** Throws unless `w` is a finite number >= 0. */
export function assertWeight(w: unknown, field: string, key: string): void {
  if (typeof w !== 'number' || Number.isNaN(w)) {
    throw new RankingInputError(field, `weight of criterion '${key}' must be a number (got ${String(w)})`);
  }
  if (!Number.isFinite(w)) throw new RankingInputError(field, `weight of criterion '${key}' must be finite`);
  if (w < 0) throw new RankingInputError(field, `weight of criterion '${key}' must be non-negative (got ${w})`);
}

function assertFinite(v: unknown, field: string, key: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new RankingInputError(field, `must be a finite number (criterion '${key}', got ${String(v)})`);
  }
}
