import { RankingInputError } from '../errors';
import type { Criterion, NumericMatrix } from '../types';
import { efficacyColumn } from './efficacy';
import { minMaxColumn } from './minMax';
import type { NormalizationSpec, NormalizedMatrix } from './types';
import { vectorColumn } from './vector';
import { zScoreColumn } from './zScore';

export * from './types';
export { minMaxColumn } from './minMax';
export { vectorColumn } from './vector';
export { zScoreColumn } from './zScore';
export { efficacyColumn, efficacyScore, EFFICACY_DEFAULT_CLAMP } from './efficacy';

/**
 * Normalises every column of `matrix` (columns follow `matrix.keys`; each key
 * must be a criterion). The result is benefit-oriented: larger is better.
 */
export function normalizeMatrix(criteria: readonly Criterion[], matrix: NumericMatrix, spec: NormalizationSpec): NormalizedMatrix {
  const byKey = new Map(criteria.map((c, j) => [c.key, { c, j }]));
  const m = matrix.ids.length;
  if (m === 0) throw new RankingInputError('candidates', 'at least one candidate is required');
  const columns = matrix.keys.map((key, col) => {
    const found = byKey.get(key);
    if (!found) throw new RankingInputError(`keys[${col}]`, `unknown criterion key '${key}'`);
    const { c, j } = found;
    const column = matrix.values.map((row) => row[col]);
    switch (spec.kind) {
      case 'min-max':
        return minMaxColumn(column, c.direction);
      case 'vector':
        return vectorColumn(column, c.direction);
      case 'z-score':
        return zScoreColumn(column, c.direction);
      case 'efficacy':
        if (!c.bounds) {
          throw new RankingInputError(`criteria[${j}].bounds`, `efficacy-coefficient normalisation needs fixed bounds for criterion '${key}'`);
        }
        if (spec.clamp !== undefined && typeof spec.clamp === 'object' && !(spec.clamp.max > spec.clamp.min)) {
          throw new RankingInputError('normalization.clamp', 'max must be greater than min');
        }
        return efficacyColumn(column, c.bounds, spec.clamp ?? false);
      default:
        throw new RankingInputError('normalization.kind', `unknown normalisation '${String((spec as { kind: unknown }).kind)}'`);
    }
  });
  const values = matrix.ids.map((_, i) => columns.map((col) => col[i]));
  return { ids: matrix.ids, keys: matrix.keys, values, raw: matrix.values, normalization: spec.kind };
}
