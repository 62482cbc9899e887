import { FIGHTER_CANDIDATES, FIGHTER_CRITERIA, randomProblem, sum } from '../__tests__/fixtures';
import { resolveMissing } from '../missing';
import type { Criterion, NumericMatrix } from '../types';
import { entropyWeights } from './entropy';

describe('entropy weights (熵权法)', () => {
  it('hand-worked example with min-max preprocessing, cost flipped, 0*ln0 = 0', () => {
    // 3 candidates.
    //  a (benefit) 1, 2, 3   -> min-max 0, 1/2, 1    -> p = 0, 1/3, 2/3
    //  b (cost)   10, 30, 20 -> flipped 1, 0, 1/2    -> p = 2/3, 0, 1/3
    //  c (benefit) 5, 5, 9   -> min-max 0, 0, 1      -> p = 0, 0, 1        -> e = 0
    // e_a = e_b = -(1/3 ln 1/3 + 2/3 ln 2/3)/ln 3 = 1 - (2 ln 2)/(3 ln 3); d_a = d_b = 2 ln 2/(3 ln 3) = 0.420620
    // w_c = 1/(1 + 2 d_a) = 0.543112, w_a = w_b = d_a/(1 + 2 d_a) = 0.228444
    const criteria: Criterion[] = [
      { key: 'a', direction: 'benefit' },
      { key: 'b', direction: 'cost' },
      { key: 'c', direction: 'benefit' },
    ];
    const m: NumericMatrix = {
      ids: ['x', 'y', 'z'],
      keys: ['a', 'b', 'c'],
      values: [
        [1, 10, 5],
        [2, 30, 5],
        [3, 20, 9],
      ],
    };
    const r = entropyWeights(criteria, m);
    const dA = (2 * Math.log(2)) / (3 * Math.log(3));
    expect(r.entropy.a).toBeCloseTo(1 - dA, 12);
    expect(r.entropy.b).toBeCloseTo(1 - dA, 12);
    expect(r.entropy.c).toBe(0);
    expect(r.divergence.c).toBe(1);
    expect(r.weights.c).toBeCloseTo(1 / (1 + 2 * dA), 12);
    expect(r.weights.c).toBeCloseTo(0.543112, 6);
    expect(r.weights.a).toBeCloseTo(0.228444, 6);
    expect(r.weights.b).toBeCloseTo(r.weights.a, 12);
    expect(r.degenerate).toBe(false);
  });

  it('flipping matters: the cost column gets the same weight as its mirrored benefit column', () => {
    const criteria: Criterion[] = [
      { key: 'up', direction: 'benefit' },
      { key: 'down', direction: 'cost' },
    ];
    const m: NumericMatrix = {
      ids: ['x', 'y', 'z', 'u'],
      keys: ['up', 'down'],
      values: [
        [1, 9],
        [2, 8],
        [5, 5],
        [9, 1],
      ],
    };
    const r = entropyWeights(criteria, m);
    expect(r.weights.up).toBeCloseTo(0.5, 12);
  });

  it('Hwang & Yoon (1981) fighter data with raw proportions (proportion preprocessing)', () => {
    // p_ij = x_ij / sum_i x_ij on the raw matrix, k = 1/ln 4. Expected values computed independently
    // (by hand from the formula, double precision in NumPy), not from this library:
    // e = 0.994689, 0.982948, 0.998888, 0.993271, 0.970323, 0.977141
    // w = 0.064190, 0.206088, 0.013445, 0.081326, 0.358680, 0.276272
    const { matrix } = resolveMissing(FIGHTER_CRITERIA, FIGHTER_CANDIDATES);
    const r = entropyWeights(FIGHTER_CRITERIA, matrix, { preprocessing: 'proportion' });
    const e = [0.994689, 0.982948, 0.998888, 0.993271, 0.970323, 0.977141];
    const w = [0.06419, 0.206088, 0.013445, 0.081326, 0.35868, 0.276272];
    FIGHTER_CRITERIA.forEach((c, j) => {
      expect(r.entropy[c.key]).toBeCloseTo(e[j], 6);
      expect(r.weights[c.key]).toBeCloseTo(w[j], 6);
    });
  });

  it('a constant column carries no information: e = 1, weight 0; all constant -> equal weights (degenerate)', () => {
    const criteria: Criterion[] = [
      { key: 'a', direction: 'benefit' },
      { key: 'k', direction: 'cost' },
    ];
    const r = entropyWeights(criteria, {
      ids: ['x', 'y'],
      keys: ['a', 'k'],
      values: [
        [1, 4],
        [2, 4],
      ],
    });
    expect(r.entropy.k).toBe(1);
    expect(r.weights).toEqual({ a: 1, k: 0 });
    const d = entropyWeights(criteria, {
      ids: ['x', 'y'],
      keys: ['a', 'k'],
      values: [
        [3, 4],
        [3, 4],
      ],
    });
    expect(d.degenerate).toBe(true);
    expect(d.weights).toEqual({ a: 0.5, k: 0.5 });
  });

  it('property: weights are non-negative and sum to 1; e in [0, 1]', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { criteria, candidates } = randomProblem(seed, 2 + (seed % 9), 1 + (seed % 6));
      const { matrix } = resolveMissing(criteria, candidates);
      for (const preprocessing of ['min-max', 'proportion'] as const) {
        const r = entropyWeights(criteria, matrix, { preprocessing });
        const w = Object.values(r.weights);
        expect(sum(w)).toBeCloseTo(1, 12);
        w.forEach((x) => expect(x).toBeGreaterThanOrEqual(0));
        Object.values(r.entropy).forEach((x) => {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        });
      }
    }
  });

  it('rejects fewer than 2 candidates and negative values for proportions', () => {
    const criteria: Criterion[] = [{ key: 'a', direction: 'benefit' }];
    expect(() => entropyWeights(criteria, { ids: ['x'], keys: ['a'], values: [[1]] })).toThrow(/at least 2 candidates/);
    expect(() => entropyWeights(criteria, { ids: ['x', 'y'], keys: ['a'], values: [[1], [-1]] }, { preprocessing: 'proportion' })).toThrow(
      /candidates\[1\]\.values\.a/,
    );
  });
});
