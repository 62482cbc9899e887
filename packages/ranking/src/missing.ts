import { RankingInputError } from './errors';
import type { Candidate, Criterion, NumericMatrix } from './types';
import { validateCandidates, validateCriteria } from './validate';

/** How imputed values are derived from the observed values of the same criterion. */
export type ImputationRule = 'min' | 'mean' | 'median' | 'worst';

/**
 * Explicit treatment of missing (`null`/`undefined`) cells. A missing value is
 * never scored as zero: either the candidate is excluded, or the cell is
 * imputed from the other candidates' observed values and reported.
 *
 * - `exclude`: candidates with any missing cell are removed and reported with a reason.
 * - `impute`: `min`, `mean`, `median` of the observed values of that criterion, or
 *   `worst` = min for a benefit criterion, max for a cost criterion (a conservative choice:
 *   a zone is not rewarded for data it did not report).
 */
export type MissingValuePolicy = { readonly kind: 'exclude' } | { readonly kind: 'impute'; readonly rule: ImputationRule };

/** A candidate removed by the `exclude` policy. */
export interface ExcludedCandidate {
  readonly id: string;
  /** Human-readable reason naming the missing criterion (or criteria). */
  readonly reason: string;
  readonly missingCriteria: readonly string[];
}

/** One cell filled in by the `impute` policy. */
export interface ImputedCell {
  readonly candidateId: string;
  readonly criterion: string;
  readonly rule: ImputationRule;
  readonly value: number;
}

/** The complete matrix plus an account of what the missing-value policy did. */
export interface MissingResolution {
  readonly matrix: NumericMatrix;
  readonly excluded: readonly ExcludedCandidate[];
  readonly imputed: readonly ImputedCell[];
}

function isMissing(v: number | null | undefined): v is null | undefined {
  return v === null || v === undefined;
}

/** Median of a non-empty list (mean of the two middle values for even length). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The imputation value for one criterion from its observed values. */
export function imputationValue(observed: readonly number[], rule: ImputationRule, direction: Criterion['direction']): number {
  switch (rule) {
    case 'min':
      return observed.reduce((a, b) => Math.min(a, b), Infinity);
    case 'mean':
      return observed.reduce((a, b) => a + b, 0) / observed.length;
    case 'median':
      return median(observed);
    case 'worst':
      return direction === 'benefit' ? observed.reduce((a, b) => Math.min(a, b), Infinity) : observed.reduce((a, b) => Math.max(a, b), -Infinity);
  }
}

/**
 * Throws if some cell is missing while no policy was given: missing data must be
 * handled explicitly, never scored as zero. The error names the first missing cell.
 */
export function assertMissingHandled(criteria: readonly Criterion[], candidates: readonly Candidate[], policy?: MissingValuePolicy): void {
  if (policy !== undefined) return;
  candidates.forEach((cand, i) => {
    const key = criteria.map((c) => c.key).find((k) => isMissing(cand.values[k]));
    if (key !== undefined) {
      throw new RankingInputError(
        `candidates[${i}].values.${key}`,
        `value is missing (candidate '${cand.id}') and no missing-value policy was given; ` + `pass { kind: 'exclude' } or { kind: 'impute', rule }`,
      );
    }
  });
}

/**
 * Validates the input and turns candidates into a complete numeric matrix.
 *
 * If any cell is missing and no policy is given, throws (missing data must be
 * handled explicitly). Imputation statistics use only the observed values of
 * the criterion across all candidates. Rows keep the input candidate order,
 * columns keep the criteria order.
 */
export function resolveMissing(criteria: readonly Criterion[], candidates: readonly Candidate[], policy?: MissingValuePolicy): MissingResolution {
  validateCriteria(criteria);
  validateCandidates(criteria, candidates);
  const keys = criteria.map((c) => c.key);

  assertMissingHandled(criteria, candidates, policy);
  const missingByCandidate = candidates.map((cand) => keys.filter((k) => isMissing(cand.values[k])));
  if (policy !== undefined && policy.kind !== 'exclude' && policy.kind !== 'impute') {
    throw new RankingInputError('missing.kind', `must be 'exclude' or 'impute'`);
  }

  if (policy === undefined || policy.kind === 'exclude') {
    const excluded: ExcludedCandidate[] = [];
    const ids: string[] = [];
    const values: number[][] = [];
    candidates.forEach((cand, i) => {
      const missing = missingByCandidate[i];
      if (missing.length > 0) {
        const list = missing.map((k) => `'${k}'`).join(', ');
        excluded.push({
          id: cand.id,
          reason: missing.length === 1 ? `missing value for criterion ${list}` : `missing values for criteria ${list}`,
          missingCriteria: missing,
        });
        return;
      }
      ids.push(cand.id);
      values.push(keys.map((k) => cand.values[k] as number));
    });
    if (ids.length === 0) {
      throw new RankingInputError('candidates', `every candidate has a missing value; none is left to rank after exclusion`);
    }
    return { matrix: { ids, keys, values }, excluded, imputed: [] };
  }

  const rule = policy.rule;
  if (rule !== 'min' && rule !== 'mean' && rule !== 'median' && rule !== 'worst') {
    throw new RankingInputError('missing.rule', `must be 'min', 'mean', 'median' or 'worst'`);
  }
  const fill = criteria.map((c, j) => {
    const observed = candidates.map((cand) => cand.values[c.key]).filter((v): v is number => !isMissing(v));
    if (observed.length === 0) {
      throw new RankingInputError(`criteria[${j}]`, `criterion '${c.key}' has no observed value to impute from`);
    }
    return imputationValue(observed, rule, c.direction);
  });
  const imputed: ImputedCell[] = [];
  const values = candidates.map((cand) =>
    keys.map((k, j) => {
      const v = cand.values[k];
      if (!isMissing(v)) return v;
      imputed.push({ candidateId: cand.id, criterion: k, rule, value: fill[j] });
      return fill[j];
    }),
  );
  return { matrix: { ids: candidates.map((c) => c.id), keys, values }, excluded: [], imputed };
}
