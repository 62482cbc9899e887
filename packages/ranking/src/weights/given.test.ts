import { RankingInputError } from '../errors';
import { normalizeWeights, weightsFromCriteria } from './given';

describe('analyst-given weights', () => {
  it('normalises to sum 1 in criteria order', () => {
    expect(normalizeWeights({ b: 3, a: 1 }, ['a', 'b'])).toEqual({ a: 0.25, b: 0.75 });
    const w = weightsFromCriteria([
      { key: 'x', direction: 'benefit', weight: 20 },
      { key: 'y', direction: 'cost', weight: 30 },
      { key: 'z', direction: 'benefit', weight: 50 },
    ]);
    expect(w).toEqual({ x: 0.2, y: 0.3, z: 0.5 });
  });

  it('allows zero weights as long as one is positive', () => {
    expect(normalizeWeights({ a: 0, b: 2 }, ['a', 'b'])).toEqual({ a: 0, b: 1 });
  });

  it('rejects negative, NaN, missing, unknown and all-zero weights with the field name', () => {
    expect(() => normalizeWeights({ a: -0.1, b: 1 }, ['a', 'b'])).toThrow(/weights\.a: .*non-negative/);
    expect(() => normalizeWeights({ a: Number.NaN, b: 1 }, ['a', 'b'])).toThrow(/weights\.a/);
    expect(() => normalizeWeights({ a: 1 }, ['a', 'b'])).toThrow(/weights\.b: no weight/);
    expect(() => normalizeWeights({ a: 1, b: 1, c: 1 }, ['a', 'b'])).toThrow(/weights\.c: unknown criterion key/);
    expect(() => normalizeWeights({ a: 0, b: 0 }, ['a', 'b'])).toThrow(RankingInputError);
    expect(() => weightsFromCriteria([{ key: 'a', direction: 'benefit' }])).toThrow(/criteria\[0\]\.weight/);
  });
});
