import type { Direction } from '../types';

/**
 * Z-score (standard score) normalisation, benefit-oriented.
 *
 *   z = (x - mean) / sd,  sd = sqrt( sum (x - mean)^2 / m )   (population SD)
 *   benefit: n = z;   cost: n = -z
 *
 * Reference: Jahan, A. & Edwards, K. L. (2015) "A state-of-the-art survey on the
 * influence of normalization techniques in ranking", Materials & Design 65, 335-342.
 *
 * Degenerate column (sd = 0, all values equal): every n = 0 (the mean).
 * Values can be negative. Invariant to x -> a*x + b with a > 0.
 */
export function zScoreColumn(values: readonly number[], direction: Direction): number[] {
  const m = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / m;
  const variance = values.reduce((a, x) => a + (x - mean) * (x - mean), 0) / m;
  const sd = Math.sqrt(variance);
  // Relative to the column's magnitude: rounding noise of an all-equal column is
  // treated as sd = 0, while the test stays invariant to rescaling the column.
  const maxAbs = values.reduce((a, x) => Math.max(a, Math.abs(x)), 0);
  if (!(sd > 1e-12 * maxAbs)) return values.map(() => 0);
  return values.map((x) => (direction === 'benefit' ? (x - mean) / sd : (mean - x) / sd));
}
