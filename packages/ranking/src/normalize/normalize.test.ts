import { randomProblem } from '../__tests__/fixtures';
import { resolveMissing } from '../missing';
import { weightedSum } from '../methods/weightedSum';
import type { Criterion, NumericMatrix } from '../types';
import { efficacyColumn, efficacyScore, minMaxColumn, normalizeMatrix, vectorColumn, zScoreColumn } from './index';

describe('min-max', () => {
  it('maps benefit and cost columns to [0, 1] by hand', () => {
    expect(minMaxColumn([10, 20, 15], 'benefit')).toEqual([0, 1, 0.5]);
    expect(minMaxColumn([4, 8, 6], 'cost')).toEqual([1, 0, 0.5]);
  });
  it('degenerate all-equal column gives 1 everywhere (no NaN)', () => {
    expect(minMaxColumn([7, 7, 7], 'benefit')).toEqual([1, 1, 1]);
    expect(minMaxColumn([7, 7, 7], 'cost')).toEqual([1, 1, 1]);
    expect(minMaxColumn([0], 'benefit')).toEqual([1]);
  });
});

describe('vector (Euclidean)', () => {
  it('divides by the column norm; cost uses 1 - r', () => {
    // (3, 4): norm 5 -> 0.6, 0.8
    expect(vectorColumn([3, 4], 'benefit')).toEqual([0.6, 0.8]);
    const cost = vectorColumn([3, 4], 'cost');
    expect(cost[0]).toBeCloseTo(0.4, 15);
    expect(cost[1]).toBeCloseTo(0.2, 15);
  });
  it('reproduces the normalised matrix of the Hwang & Yoon (1981) fighter example, column "speed"', () => {
    // speed (2.0, 2.5, 1.8, 2.2): norm = sqrt(4 + 6.25 + 3.24 + 4.84) = sqrt(18.33) = 4.281354...
    // By hand: 2.0/4.281354 = 0.4671, 2.5/4.281354 = 0.5839, 1.8/4.281354 = 0.4204, 2.2/4.281354 = 0.5139
    const r = vectorColumn([2.0, 2.5, 1.8, 2.2], 'benefit');
    [0.4671, 0.5839, 0.4204, 0.5139].forEach((v, i) => expect(Math.abs(r[i] - v)).toBeLessThan(5e-5));
  });
  it('degenerate all-zero column gives 1/sqrt(m) (the all-equal value), no NaN', () => {
    expect(vectorColumn([0, 0, 0, 0], 'benefit')).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(vectorColumn([0, 0, 0, 0], 'cost')).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(vectorColumn([5, 5, 5, 5], 'benefit')).toEqual([0.5, 0.5, 0.5, 0.5]);
  });
});

describe('z-score', () => {
  it('uses the population standard deviation; cost negates', () => {
    // (2, 4, 6): mean 4, population sd sqrt(8/3) = 1.632993...
    const z = zScoreColumn([2, 4, 6], 'benefit');
    expect(z[0]).toBeCloseTo(-2 / Math.sqrt(8 / 3), 12);
    expect(z[1]).toBeCloseTo(0, 12);
    expect(z[2]).toBeCloseTo(2 / Math.sqrt(8 / 3), 12);
    expect(zScoreColumn([2, 4, 6], 'cost')[0]).toBeCloseTo(2 / Math.sqrt(8 / 3), 12);
  });
  it('degenerate all-equal column gives 0 (no NaN), also with rounding noise', () => {
    expect(zScoreColumn([3, 3, 3], 'benefit')).toEqual([0, 0, 0]);
    expect(zScoreColumn([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], 'cost').every((v) => v === 0)).toBe(true);
  });
});

describe('efficacy coefficient (功效系数法), fixed bounds', () => {
  it('reproduces the published exam item: x = 5.81%, satisfactory 12%, unacceptable 6% -> 58.73', () => {
    // Chinese statistician qualification exam question (功效系数法): total-asset contribution rate 5.81%,
    // 满意值 12%, 不允许值 6%: d = (5.81 - 6)/(12 - 6) * 40 + 60 = 58.7333 (answer "58.73").
    const d = efficacyScore(5.81, { unacceptable: 6, satisfactory: 12 });
    expect(d).toBeCloseTo(58.73, 2);
    expect(d).toBeCloseTo(60 - (0.19 / 6) * 40, 12);
  });
  it('maps unacceptable -> 60 and satisfactory -> 100; cost criteria need no flip', () => {
    const b = { unacceptable: 0.6, satisfactory: 1.0 };
    expect(efficacyColumn([0.6, 0.8, 1.0], b)).toEqual([60, 80, 100]);
    // cost: unacceptable 10 incidents, satisfactory 2 incidents; 6 is half way -> 80, fewer is better
    const c = { unacceptable: 10, satisfactory: 2 };
    expect(efficacyColumn([10, 6, 2, 0], c)).toEqual([60, 80, 100, 110]);
  });
  it('extrapolates unless clamped; clamp true = [60, 100], or a custom band', () => {
    const b = { unacceptable: 6, satisfactory: 12 };
    expect(efficacyScore(15, b)).toBe(120);
    expect(efficacyScore(15, b, true)).toBe(100);
    expect(efficacyScore(5.81, b, true)).toBe(60);
    expect(efficacyScore(0, b, { min: 0, max: 100 })).toBe(20);
  });
  it('requires bounds for every criterion', () => {
    const criteria: Criterion[] = [{ key: 'a', direction: 'benefit' }];
    const m: NumericMatrix = { ids: ['x'], keys: ['a'], values: [[1]] };
    expect(() => normalizeMatrix(criteria, m, { kind: 'efficacy' })).toThrow(/criteria\[0\]\.bounds/);
  });
});

describe('rank reversal', () => {
  // Two criteria, equal weights.
  const criteria: Criterion[] = [
    { key: 'p', direction: 'benefit', weight: 1, bounds: { unacceptable: 0, satisfactory: 10 } },
    { key: 'q', direction: 'benefit', weight: 1, bounds: { unacceptable: 0, satisfactory: 20 } },
  ];
  const base = [
    { id: 'A', values: { p: 9, q: 0 } },
    { id: 'B', values: { p: 0, q: 9 } },
    { id: 'D', values: { p: 10, q: 0 } },
  ];
  const extra = { id: 'C', values: { p: 0, q: 18 } };
  const scores = (cands: typeof base, kind: 'min-max' | 'efficacy') => {
    const m = resolveMissing(criteria, cands).matrix;
    const r = weightedSum(normalizeMatrix(criteria, m, { kind }), { p: 1, q: 1 });
    return Object.fromEntries(r.candidates.map((c) => [c.id, c.score]));
  };

  it('min-max (data-dependent) can reverse A and B when an unrelated C is added', () => {
    // By hand, before: p range [0,10], q range [0,9]: A = (0.9 + 0)/2 = 0.45, B = (0 + 1)/2 = 0.5 -> B > A.
    const before = scores(base, 'min-max');
    expect(before.A).toBeCloseTo(0.45, 12);
    expect(before.B).toBeCloseTo(0.5, 12);
    // After adding C (q = 18): q range [0,18]: B = (0 + 0.5)/2 = 0.25 < A = 0.45 -> reversal.
    const after = scores([...base, extra], 'min-max');
    expect(after.B).toBeCloseTo(0.25, 12);
    expect(after.A).toBeGreaterThan(after.B);
  });

  it('efficacy coefficient with fixed bounds is immune: nobody else changes', () => {
    const before = scores(base, 'efficacy');
    const after = scores([...base, extra], 'efficacy');
    for (const id of ['A', 'B', 'D']) expect(after[id]).toBe(before[id]);
    // By hand: A = (60 + 40*0.9 + 60)/2 = 78, B = (60 + 60 + 40*9/20)/2 = 69.
    expect(before.A).toBeCloseTo(78, 12);
    expect(before.B).toBeCloseTo(69, 12);
  });

  it("property: on random problems, adding a candidate never changes others' efficacy values", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { criteria: cr, candidates } = randomProblem(seed, 8, 5);
      const without = normalizeMatrix(cr, resolveMissing(cr, candidates.slice(0, 7)).matrix, { kind: 'efficacy', clamp: seed % 2 === 0 });
      const withAll = normalizeMatrix(cr, resolveMissing(cr, candidates).matrix, { kind: 'efficacy', clamp: seed % 2 === 0 });
      expect(withAll.values.slice(0, 7)).toEqual(without.values);
    }
  });
});

describe('scale invariance (positive rescaling of one criterion)', () => {
  it.each(['min-max', 'vector', 'z-score'] as const)('%s normalised values are unchanged', (kind) => {
    for (let seed = 1; seed <= 20; seed++) {
      const { criteria, candidates } = randomProblem(seed, 6, 4);
      const m = resolveMissing(criteria, candidates).matrix;
      const factor = 0.001 + seed * 37.5;
      const scaled: NumericMatrix = { ...m, values: m.values.map((row) => row.map((x, j) => (j === seed % 4 ? x * factor : x))) };
      const a = normalizeMatrix(criteria, m, { kind }).values;
      const b = normalizeMatrix(criteria, scaled, { kind }).values;
      a.forEach((row, i) => row.forEach((v, j) => expect(b[i][j]).toBeCloseTo(v, 10)));
    }
  });

  it('efficacy is invariant when the bounds are rescaled with the data (unit change)', () => {
    const c1: Criterion[] = [{ key: 'rate', direction: 'benefit', bounds: { unacceptable: 0.6, satisfactory: 0.95 } }];
    const c2: Criterion[] = [{ key: 'rate', direction: 'benefit', bounds: { unacceptable: 60, satisfactory: 95 } }];
    const a = efficacyColumn([0.7, 0.9], c1[0].bounds!);
    const b = efficacyColumn([70, 90], c2[0].bounds!);
    expect(b[0]).toBeCloseTo(a[0], 12);
    expect(b[1]).toBeCloseTo(a[1], 12);
  });
});
