/** Shared robustness test fixture (test-only). */
import { resolveMissing } from '../missing';
import { normalizeMatrix } from '../normalize';
import type { Criterion } from '../types';
import type { ScoringProblem } from '../robustness/problem';

/**
 * Three candidates, three benefit criteria, min-max normalised to
 *   P (1, 0, .5), Q (0, 1, 1), R (.5, .5, 0), weights (.5, .3, .2)
 * Weighted sums by hand: P .6, Q .5, R .4.
 */
export const CRITERIA3: Criterion[] = [
  { key: 'a', direction: 'benefit', weight: 0.5 },
  { key: 'b', direction: 'benefit', weight: 0.3 },
  { key: 'c', direction: 'benefit', weight: 0.2 },
];
export const CANDIDATES3 = [
  { id: 'P', values: { a: 10, b: 0, c: 5 } },
  { id: 'Q', values: { a: 0, b: 10, c: 10 } },
  { id: 'R', values: { a: 5, b: 5, c: 0 } },
];
export function problem3(method: ScoringProblem['method'] = 'weighted-sum'): ScoringProblem {
  const matrix = normalizeMatrix(CRITERIA3, resolveMissing(CRITERIA3, CANDIDATES3).matrix, { kind: 'min-max' });
  return { matrix, weights: { a: 0.5, b: 0.3, c: 0.2 }, method };
}
