import type { Direction } from '../types';

/**
 * Vector (Euclidean) normalisation as used by TOPSIS, made benefit-oriented.
 *
 *   r = x / sqrt(sum_k x_k^2)
 *   benefit: n = r;   cost: n = 1 - r
 *
 * Reference: Hwang, C.-L. & Yoon, K. (1981) Multiple Attribute Decision Making,
 * Springer LNEMS 186 (TOPSIS, step 1); the "1 - r" cost form is listed by
 * Jahan, A. & Edwards, K. L. (2015) Materials & Design 65, 335-342.
 *
 * Flipping a cost column as 1 - r is an isometry of the column (slope -1), so
 * TOPSIS distances with a max-based ideal are identical to the classic form
 * that keeps r and takes the minimum as ideal for cost criteria.
 *
 * Degenerate column (all zeros, norm 0): r = 1/sqrt(m), the value every
 * all-equal positive column has, so the result is continuous as the common value
 * tends to 0+. Invariant to x -> a*x with a > 0.
 */
export function vectorColumn(values: readonly number[], direction: Direction): number[] {
  let sumSq = 0;
  for (const v of values) sumSq += v * v;
  const norm = Math.sqrt(sumSq);
  const r = norm > 0 ? values.map((x) => x / norm) : values.map(() => 1 / Math.sqrt(values.length));
  return direction === 'benefit' ? r : r.map((v) => 1 - v);
}
