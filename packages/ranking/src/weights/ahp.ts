import { AhpInconsistencyError, RankingInputError } from '../errors';
import { weightRecord } from './given';

/**
 * Saaty's random consistency index RI(n), indexed by n (n = 0..10).
 * Reference: Saaty, T. L. (1980) The Analytic Hierarchy Process, McGraw-Hill;
 * Saaty, T. L. (1990) "How to make a decision: The Analytic Hierarchy Process",
 * European Journal of Operational Research 48, 9-26.
 */
export const SAATY_RANDOM_INDEX: readonly number[] = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/** Saaty's acceptance threshold for the consistency ratio. */
export const SAATY_CR_THRESHOLD = 0.1;

/** `eigenvector`: principal right eigenvector by power iteration; `geometric-mean`: row geometric means. */
export type AhpWeightMethod = 'eigenvector' | 'geometric-mean';

/** A pairwise-comparison matrix: a_ij = importance of i over j, a_ji = 1/a_ij. */
export type PairwiseMatrix = readonly (readonly number[])[];

/** Consistency of a pairwise-comparison matrix. */
export interface AhpConsistency {
  readonly n: number;
  readonly lambdaMax: number;
  /** CI = (lambdaMax - n) / (n - 1); 0 for n <= 2. */
  readonly ci: number;
  readonly ri: number;
  /** CR = CI / RI; defined as 0 for n <= 2 (RI = 0, such matrices are always consistent). */
  readonly cr: number;
}

/** AHP weights plus their consistency diagnostics. */
export interface AhpResult extends AhpConsistency {
  readonly weights: Record<string, number>;
  readonly method: AhpWeightMethod;
  /** Power-iteration steps used for the principal eigenpair. */
  readonly iterations: number;
}

export interface AhpOptions {
  /** Default `eigenvector`. */
  readonly method?: AhpWeightMethod;
  /** Default 0.1 (Saaty). CR above it throws AhpInconsistencyError. */
  readonly crThreshold?: number;
  /** Allowed |a_ij * a_ji - 1| and |a_ii - 1|; default 0.01 (so 1/3 typed as 0.333 passes). */
  readonly reciprocityTolerance?: number;
}

/**
 * Validates a pairwise-comparison matrix: square n x n with 1 <= n <= 10 (the
 * extent of Saaty's RI table), finite positive entries, unit diagonal and
 * reciprocal pairs within `tolerance`. Errors name the offending cell.
 */
export function validatePairwiseMatrix(matrix: PairwiseMatrix, tolerance = 0.01, field = 'ahp.matrix'): void {
  if (!Array.isArray(matrix) || matrix.length === 0) throw new RankingInputError(field, 'must be a non-empty square matrix');
  const n = matrix.length;
  if (n > 10) throw new RankingInputError(field, `AHP supports at most 10 elements (Saaty's RI table); got ${n}`);
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n) {
      throw new RankingInputError(`${field}[${i}]`, `matrix must be square: row ${i} has ${Array.isArray(row) ? row.length : 'no'} entries, expected ${n}`);
    }
    row.forEach((a, j) => {
      if (typeof a !== 'number' || !Number.isFinite(a) || !(a > 0)) {
        throw new RankingInputError(`${field}[${i}][${j}]`, `entries must be finite and positive (got ${String(a)})`);
      }
    });
  });
  for (let i = 0; i < n; i++) {
    if (Math.abs(matrix[i][i] - 1) > tolerance) {
      throw new RankingInputError(`${field}[${i}][${i}]`, `diagonal entries must be 1 (got ${matrix[i][i]})`);
    }
    for (let j = i + 1; j < n; j++) {
      const product = matrix[i][j] * matrix[j][i];
      if (Math.abs(product - 1) > tolerance) {
        throw new RankingInputError(
          `${field}[${j}][${i}]`,
          `matrix must be reciprocal: a[${i}][${j}] * a[${j}][${i}] = ${product.toPrecision(6)}, expected 1 within ${tolerance}`,
        );
      }
    }
  }
}

/**
 * Principal eigenpair of a positive matrix by power iteration:
 * w <- A w / sum(A w) from w = (1/n, ..., 1/n) until max |change| < 1e-13.
 * With sum(w) = 1, lambdaMax = sum_i (A w)_i. A positive matrix has a simple
 * dominant real eigenvalue with a positive eigenvector (Perron-Frobenius), so the
 * iteration converges. Reference: Saaty, T. L. (1977) "A scaling method for
 * priorities in hierarchical structures", J. Mathematical Psychology 15(3), 234-281.
 */
export function principalEigen(matrix: PairwiseMatrix, maxIterations = 10000): { vector: number[]; lambdaMax: number; iterations: number } {
  const n = matrix.length;
  let w = new Array<number>(n).fill(1 / n);
  let lambda = n;
  for (let it = 1; it <= maxIterations; it++) {
    const y = matrix.map((row) => row.reduce((acc, a, j) => acc + a * w[j], 0));
    lambda = y.reduce((a, b) => a + b, 0);
    const next = y.map((v) => v / lambda);
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs(next[i] - w[i]));
    w = next;
    if (change < 1e-13) {
      const aw = matrix.map((row) => row.reduce((acc, a, j) => acc + a * w[j], 0));
      return { vector: w, lambdaMax: aw.reduce((a, b) => a + b, 0), iterations: it };
    }
  }
  return { vector: w, lambdaMax: lambda, iterations: maxIterations };
}

/** Row geometric means normalised to sum 1 (Crawford, G. & Williams, C. (1985) J. Math. Psychology 29(4), 387-405). */
export function geometricMeanWeights(matrix: PairwiseMatrix): number[] {
  const n = matrix.length;
  const g = matrix.map((row) => Math.exp(row.reduce((acc, a) => acc + Math.log(a), 0) / n));
  const sum = g.reduce((a, b) => a + b, 0);
  return g.map((v) => v / sum);
}

/**
 * Consistency of a (validated) pairwise matrix from its principal eigenvalue:
 * CI = (lambdaMax - n)/(n - 1), CR = CI / RI(n) (Saaty 1980). The eigenvalue is
 * used whatever weighting method is chosen, as CR is defined on it.
 */
export function ahpConsistency(matrix: PairwiseMatrix, tolerance = 0.01): AhpConsistency & { iterations: number; vector: number[] } {
  validatePairwiseMatrix(matrix, tolerance);
  const n = matrix.length;
  const { vector, lambdaMax, iterations } = principalEigen(matrix);
  const ri = SAATY_RANDOM_INDEX[n];
  // lambdaMax >= n for positive reciprocal matrices; clamp rounding noise below n.
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const cr = n <= 2 ? 0 : ci / ri;
  return { n, lambdaMax, ci, ri, cr, iterations, vector };
}

/**
 * AHP weights of the elements `keys` (row/column order of `matrix`).
 * Throws AhpInconsistencyError when CR > crThreshold (default 0.1); its message
 * contains the CR value.
 */
export function ahpWeights(keys: readonly string[], matrix: PairwiseMatrix, options: AhpOptions = {}): AhpResult {
  const method = options.method ?? 'eigenvector';
  if (method !== 'eigenvector' && method !== 'geometric-mean') {
    throw new RankingInputError('ahp.method', `must be 'eigenvector' or 'geometric-mean'`);
  }
  const threshold = options.crThreshold ?? SAATY_CR_THRESHOLD;
  if (typeof threshold !== 'number' || !(threshold >= 0)) throw new RankingInputError('ahp.crThreshold', 'must be a number >= 0');
  const tolerance = options.reciprocityTolerance ?? 0.01;
  if (typeof tolerance !== 'number' || !(tolerance >= 0)) throw new RankingInputError('ahp.reciprocityTolerance', 'must be a number >= 0');
  if (!Array.isArray(keys) || keys.length !== (Array.isArray(matrix) ? matrix.length : -1)) {
    throw new RankingInputError('ahp.matrix', `matrix size must equal the number of criteria (${Array.isArray(keys) ? keys.length : 0})`);
  }
  const c = ahpConsistency(matrix, tolerance);
  if (c.cr > threshold) throw new AhpInconsistencyError(c.cr, c.ci, c.lambdaMax, c.n, threshold);
  const w = method === 'eigenvector' ? c.vector : geometricMeanWeights(matrix);
  return {
    n: c.n,
    lambdaMax: c.lambdaMax,
    ci: c.ci,
    ri: c.ri,
    cr: c.cr,
    weights: weightRecord(w, keys),
    method,
    iterations: c.iterations,
  };
}
