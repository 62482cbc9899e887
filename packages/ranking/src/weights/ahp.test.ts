import { sum } from '../__tests__/fixtures';
import { AhpInconsistencyError, RankingInputError } from '../errors';
import { ahpConsistency, ahpWeights, geometricMeanWeights, SAATY_RANDOM_INDEX } from './ahp';

/**
 * Saaty, T. L. (1990) "How to make a decision: The Analytic Hierarchy Process",
 * European Journal of Operational Research 48, 9-26: the house-buying example.
 * Criteria: size, transportation, neighbourhood, age, yard space, modern facilities,
 * general condition, financing. Published: priorities .173 .054 .188 .018 .031 .036
 * .167 .333, lambdaMax = 9.669, CI = 0.238, CR = 0.169 (> 0.1).
 */
const HOUSE = [
  [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
  [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
  [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
  [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
  [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
  [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
  [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
  [4, 7, 5, 8, 6, 6, 2, 1],
];
const HOUSE_KEYS = ['size', 'transport', 'neighbourhood', 'age', 'yard', 'facilities', 'condition', 'financing'];

/**
 * Same paper, alternatives A, B, C compared on "financing":
 * published priorities .072 .650 .278, lambdaMax = 3.065, CI = .032, CR = .056 (acceptable).
 */
const FINANCING = [
  [1, 1 / 7, 1 / 5],
  [7, 1, 3],
  [5, 1 / 3, 1],
];
/** Same paper, alternatives on "size of house": .754 .181 .065, lambdaMax = 3.136, CI = .068, CR = .117. */
const SIZE = [
  [1, 6, 8],
  [1 / 6, 1, 4],
  [1 / 8, 1 / 4, 1],
];

describe('AHP consistency (Saaty)', () => {
  it("uses Saaty's random index table", () => {
    expect(SAATY_RANDOM_INDEX.slice(1)).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
  });

  it('reproduces Saaty (1990) house example: lambdaMax 9.669, CI 0.238, CR 0.169', () => {
    const c = ahpConsistency(HOUSE);
    expect(c.lambdaMax).toBeCloseTo(9.669, 3);
    expect(c.ci).toBeCloseTo(0.238, 3);
    expect(c.cr).toBeCloseTo(0.169, 3);
    const published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333];
    c.vector.forEach((w, i) => expect(Math.abs(w - published[i])).toBeLessThan(0.0005 + 1e-9));
  });

  it('throws AhpInconsistencyError whose message contains CR = 0.169 for the house matrix', () => {
    expect(() => ahpWeights(HOUSE_KEYS, HOUSE)).toThrow(AhpInconsistencyError);
    expect(() => ahpWeights(HOUSE_KEYS, HOUSE)).toThrow(/CR = 0\.169/);
    try {
      ahpWeights(HOUSE_KEYS, HOUSE);
    } catch (e) {
      expect((e as AhpInconsistencyError).cr).toBeCloseTo(0.169, 3);
    }
    // A looser, explicit threshold accepts it.
    expect(ahpWeights(HOUSE_KEYS, HOUSE, { crThreshold: 0.2 }).cr).toBeCloseTo(0.169, 3);
  });

  it('reproduces Saaty (1990) "financing" comparison: .072 .650 .278, lambdaMax 3.065, CR .056', () => {
    const r = ahpWeights(['A', 'B', 'C'], FINANCING);
    expect(r.lambdaMax).toBeCloseTo(3.065, 3);
    expect(r.ci).toBeCloseTo(0.032, 3);
    expect(r.cr).toBeCloseTo(0.056, 3);
    expect(r.method).toBe('eigenvector');
    // The paper prints 3 decimals; allow a unit in the last place.
    expect(Math.abs(r.weights.A - 0.072)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(r.weights.B - 0.65)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(r.weights.C - 0.278)).toBeLessThanOrEqual(0.001 + 1e-9);
    expect(sum(Object.values(r.weights))).toBeCloseTo(1, 12);
  });

  it('reproduces Saaty (1990) "size of house": CR .117 is rejected at 0.1', () => {
    const c = ahpConsistency(SIZE);
    expect(c.lambdaMax).toBeCloseTo(3.136, 3);
    expect(c.cr).toBeCloseTo(0.117, 3);
    expect(() => ahpWeights(['A', 'B', 'C'], SIZE)).toThrow(/CR = 0\.117/);
  });

  it('a perfectly consistent matrix a_ij = w_i / w_j returns w exactly with lambdaMax = n, CR = 0', () => {
    const w = [0.4, 0.3, 0.2, 0.1];
    const a = w.map((wi) => w.map((wj) => wi / wj));
    for (const method of ['eigenvector', 'geometric-mean'] as const) {
      const r = ahpWeights(['a', 'b', 'c', 'd'], a, { method });
      expect(r.lambdaMax).toBeCloseTo(4, 10);
      expect(r.cr).toBeCloseTo(0, 10);
      ['a', 'b', 'c', 'd'].forEach((k, i) => expect(r.weights[k]).toBeCloseTo(w[i], 10));
    }
  });

  it('for n = 3 the geometric-mean and eigenvector weights coincide (Crawford & Williams 1985)', () => {
    const ev = ahpWeights(['A', 'B', 'C'], FINANCING).weights;
    const gm = ahpWeights(['A', 'B', 'C'], FINANCING, { method: 'geometric-mean' });
    expect(gm.method).toBe('geometric-mean');
    for (const k of ['A', 'B', 'C']) expect(gm.weights[k]).toBeCloseTo(ev[k], 10);
    expect(sum(geometricMeanWeights(HOUSE))).toBeCloseTo(1, 12);
  });

  it('n = 1 and n = 2 are always consistent (CR defined as 0)', () => {
    expect(ahpWeights(['a'], [[1]]).weights).toEqual({ a: 1 });
    const r = ahpWeights(
      ['a', 'b'],
      [
        [1, 3],
        [1 / 3, 1],
      ],
    );
    expect(r.cr).toBe(0);
    expect(r.weights.a).toBeCloseTo(0.75, 12);
  });

  it('validates shape, positivity and reciprocity, naming the cell', () => {
    expect(() => ahpWeights(['a', 'b'], [[1, 2], [0.5]])).toThrow(/ahp\.matrix\[1\].*square/);
    expect(() =>
      ahpWeights(
        ['a', 'b'],
        [
          [1, -2],
          [0.5, 1],
        ],
      ),
    ).toThrow(/ahp\.matrix\[0\]\[1\].*positive/);
    expect(() =>
      ahpWeights(
        ['a', 'b'],
        [
          [1, 2],
          [2, 1],
        ],
      ),
    ).toThrow(/ahp\.matrix\[1\]\[0\].*reciprocal/);
    expect(() =>
      ahpWeights(
        ['a', 'b'],
        [
          [2, 2],
          [0.5, 1],
        ],
      ),
    ).toThrow(/diagonal/);
    expect(() =>
      ahpWeights(
        ['a', 'b', 'c'],
        [
          [1, 2],
          [0.5, 1],
        ],
      ),
    ).toThrow(RankingInputError);
    // 1/3 typed as 0.333 is within the default tolerance of 0.01
    expect(() =>
      ahpWeights(
        ['a', 'b'],
        [
          [1, 3],
          [0.333, 1],
        ],
      ),
    ).not.toThrow();
    const eleven = Array.from({ length: 11 }, () => Array.from({ length: 11 }, () => 1));
    expect(() => ahpConsistency(eleven)).toThrow(/at most 10/);
  });
});
