import type { Direction } from '../types';

/**
 * Min-max (linear range) normalisation, benefit-oriented.
 *
 *   benefit: r = (x - min) / (max - min)
 *   cost:    r = (max - x) / (max - min)
 *
 * Reference: Hwang, C.-L. & Yoon, K. (1981) Multiple Attribute Decision Making,
 * Springer LNEMS 186 (linear scale transformation); Jahan, A. & Edwards, K. L. (2015)
 * "A state-of-the-art survey on the influence of normalization techniques in ranking",
 * Materials & Design 65, 335-342.
 *
 * Degenerate column (max = min, all values equal): every r = 1 (every candidate
 * attains the observed best). A constant column shifts all scores equally and
 * never changes a ranking. Invariant to x -> a*x + b with a > 0.
 */
export function minMaxColumn(values: readonly number[], direction: Direction): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min;
  if (!(range > 0)) return values.map(() => 1);
  return values.map((x) => (direction === 'benefit' ? (x - min) / range : (max - x) / range));
}
