import { RankingInputError } from '../errors';
import { methodScores } from '../methods';
import type { MethodKind } from '../methods/types';
import type { NormalizedMatrix } from '../normalize/types';
import { competitionRanks, DEFAULT_TIE_TOLERANCE, orderIndices, scoresTie } from '../ordering';
import type { WeightVector } from '../types';
import { normalizeWeights, weightArray } from '../weights/given';
import { createRanker, type Ranker } from './ranker';
import { createScorer, type Scorer } from './scorer';

/**
 * What robustness analyses re-score: a fixed normalised matrix, base weights and
 * a method. Normalisations do not depend on the weights, so only the
 * aggregation step is repeated.
 */
export interface ScoringProblem {
  readonly matrix: NormalizedMatrix;
  readonly weights: WeightVector;
  readonly method: MethodKind;
  /** Relative tie tolerance; default 1e-9. */
  readonly tieTolerance?: number;
}

/** Internal, array-based view of a ScoringProblem. */
export interface PreparedProblem {
  readonly ids: readonly string[];
  readonly keys: readonly string[];
  readonly values: readonly (readonly number[])[];
  readonly w: readonly number[];
  readonly method: MethodKind;
  readonly tol: number;
  score(w: readonly number[]): number[];
  ranks(scores: readonly number[]): number[];
  /** `score` into a buffer, allocating nothing: for analyses that re-score many times. */
  readonly scorer: Scorer;
  /** `ranks` into a buffer, allocating nothing: for analyses that re-rank many times. */
  readonly ranker: Ranker;
  /** Index of the first candidate in output order (score desc, id asc). */
  leader(scores: ArrayLike<number>): number;
  /** True when some other candidate scores strictly above candidate `i` (beyond the tie tolerance). */
  overtaken(scores: ArrayLike<number>, i: number): boolean;
}

export function prepare(problem: ScoringProblem): PreparedProblem {
  const { matrix, method } = problem;
  if (matrix.ids.length === 0) throw new RankingInputError('candidates', 'at least one candidate is required');
  if (method !== 'weighted-sum' && method !== 'topsis') {
    throw new RankingInputError('method', `unknown method '${String(method)}'; use 'weighted-sum' or 'topsis'`);
  }
  const tol = problem.tieTolerance ?? DEFAULT_TIE_TOLERANCE;
  const w = weightArray(normalizeWeights(problem.weights, matrix.keys), matrix.keys);
  return {
    ids: matrix.ids,
    keys: matrix.keys,
    values: matrix.values,
    w,
    method,
    tol,
    score: (weights) => methodScores(method, matrix.values, weights),
    ranks: (scores) => competitionRanks(matrix.ids, scores, tol),
    scorer: createScorer(method, matrix.values, matrix.keys.length),
    ranker: createRanker(matrix.ids, tol),
    leader: (scores) => orderIndices(matrix.ids, scores, tol)[0],
    overtaken: (scores, i) => {
      for (let k = 0; k < scores.length; k += 1) if (k !== i && scores[k] > scores[i] && !scoresTie(scores[k], scores[i], tol)) return true;
      return false;
    },
  };
}
