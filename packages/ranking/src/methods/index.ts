import { RankingInputError } from '../errors';
import type { NormalizedMatrix } from '../normalize/types';
import type { WeightVector } from '../types';
import { topsis, topsisScores } from './topsis';
import type { MethodKind, MethodOptions, MethodResult } from './types';
import { weightedSum, weightedSumScores } from './weightedSum';

export * from './types';
export { weightedSum, weightedSumScores } from './weightedSum';
export { topsis, topsisScores } from './topsis';

/** Runs the named method. */
export function applyMethod(method: MethodKind, matrix: NormalizedMatrix, weights: WeightVector, options: MethodOptions = {}): MethodResult {
  switch (method) {
    case 'weighted-sum':
      return weightedSum(matrix, weights, options);
    case 'topsis':
      return topsis(matrix, weights, options);
    default:
      throw new RankingInputError('method', `unknown method '${String(method)}'; use 'weighted-sum' or 'topsis'`);
  }
}

/** Scores only (no ranks or breakdown), aligned with the matrix rows; `w` aligned with its keys. */
export function methodScores(method: MethodKind, values: readonly (readonly number[])[], w: readonly number[]): number[] {
  switch (method) {
    case 'weighted-sum':
      return weightedSumScores(values, w);
    case 'topsis':
      return topsisScores(values, w);
    default:
      throw new RankingInputError('method', `unknown method '${String(method)}'; use 'weighted-sum' or 'topsis'`);
  }
}
