import { FIGHTER_CANDIDATES, FIGHTER_CRITERIA, sum } from '../__tests__/fixtures';
import { resolveMissing } from '../missing';
import { normalizeMatrix } from '../normalize';
import type { Criterion } from '../types';
import { topsis } from './topsis';

const weightsOf = (criteria: Criterion[]) => Object.fromEntries(criteria.map((c) => [c.key, c.weight ?? 0]));

describe('TOPSIS', () => {
  /**
   * Hwang, C.-L. & Yoon, K. (1981) Multiple Attribute Decision Making: Methods and
   * Applications, Springer LNEMS 186, TOPSIS fighter-aircraft example (data and weights
   * in __tests__/fixtures.ts). Published outcome: A1 > A3 > A4 > A2 with C*(A1) = 0.643,
   * C*(A2) = 0.268. The 6-decimal values below were computed independently by hand from
   * the TOPSIS formulas (NumPy, double precision), not from this library:
   *   D+ = 0.054557, 0.119679, 0.057977, 0.100937
   *   D- = 0.098383, 0.043903, 0.092044, 0.045836
   *   C  = 0.643277, 0.268384, 0.613542, 0.312291
   */
  const { matrix } = resolveMissing(FIGHTER_CRITERIA, FIGHTER_CANDIDATES);
  const r = topsis(normalizeMatrix(FIGHTER_CRITERIA, matrix, { kind: 'vector' }), weightsOf(FIGHTER_CRITERIA));
  const byId = Object.fromEntries(r.candidates.map((c) => [c.id, c]));

  it('reproduces the Hwang & Yoon fighter-aircraft closeness coefficients', () => {
    expect(Math.abs(byId.A1.score - 0.643)).toBeLessThan(0.0005);
    expect(Math.abs(byId.A2.score - 0.268)).toBeLessThan(0.0005);
    const expected = {
      A1: [0.054557, 0.098383, 0.643277],
      A2: [0.119679, 0.043903, 0.268384],
      A3: [0.057977, 0.092044, 0.613542],
      A4: [0.100937, 0.045836, 0.312291],
    };
    for (const [id, [dp, dm, c]] of Object.entries(expected)) {
      expect(byId[id].topsis?.dPlus).toBeCloseTo(dp, 6);
      expect(byId[id].topsis?.dMinus).toBeCloseTo(dm, 6);
      expect(byId[id].score).toBeCloseTo(c, 6);
    }
    expect(r.candidates.map((c) => c.id)).toEqual(['A1', 'A3', 'A4', 'A2']);
    expect(r.candidates.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
  });

  it('classic ideal solution: cost attribute ideal is the minimum weighted value', () => {
    // weighted normalised cost values: 0.1 * (5.5, 6.5, 4.5, 5.0)/sqrt(5.5^2+6.5^2+4.5^2+5^2) -> min 0.041469 (A3)
    // Our cost column is stored as w*(1 - r), so the ideal is w*(1 - r_min) and distances are identical.
    const norm = Math.sqrt(5.5 ** 2 + 6.5 ** 2 + 4.5 ** 2 + 5 ** 2);
    expect(r.ideal?.cost).toBeCloseTo(0.1 * (1 - 4.5 / norm), 12);
    expect(r.antiIdeal?.cost).toBeCloseTo(0.1 * (1 - 6.5 / norm), 12);
  });

  it('breakdown adds up exactly to the closeness for every candidate', () => {
    for (const c of r.candidates) {
      expect(sum(c.breakdown.map((b) => b.contribution))).toBeCloseTo(c.score, 14);
      expect(sum(c.breakdown.map((b) => b.topsis!.antiIdealGapSq))).toBeCloseTo(c.topsis!.dMinus ** 2, 14);
      expect(sum(c.breakdown.map((b) => b.topsis!.idealGapSq))).toBeCloseTo(c.topsis!.dPlus ** 2, 14);
    }
  });

  describe('decomposition worked by hand', () => {
    // Two benefit criteria, weights 0.6 / 0.4, min-max normalised: P (1,0), Q (0,1), R (.5,.5).
    // v: P (.6, 0), Q (0, .4), R (.3, .2); A+ = (.6, .4), A- = (0, 0); R_1^2 = .36, R_2^2 = .16, R^2 = .52.
    // P: D+ = .4, D- = .6, C = .6. baseline = (.36/1.04, .16/1.04) = (9/26, 2/13);
    //    signed = ((.36 - 0)/2, (0 - .16)/2) = (9/50, -2/25)  ->  parts 684/1300 and 24/325, sum 0.6.
    const criteria: Criterion[] = [
      { key: 'p', direction: 'benefit', weight: 0.6 },
      { key: 'q', direction: 'benefit', weight: 0.4 },
    ];
    const cands = [
      { id: 'P', values: { p: 10, q: 0 } },
      { id: 'Q', values: { p: 0, q: 10 } },
      { id: 'R', values: { p: 5, q: 5 } },
    ];
    const res = topsis(normalizeMatrix(criteria, resolveMissing(criteria, cands).matrix, { kind: 'min-max' }), { p: 0.6, q: 0.4 });
    const get = (id: string) => res.candidates.find((c) => c.id === id)!;

    it('closeness P 0.6, Q 0.4, R 0.5', () => {
      expect(get('P').score).toBeCloseTo(0.6, 14);
      expect(get('Q').score).toBeCloseTo(0.4, 14);
      expect(get('R').score).toBeCloseTo(0.5, 14);
    });
    it('P parts are 684/1300 and 24/325', () => {
      const [bp, bq] = get('P').breakdown;
      expect(bp.topsis!.baseline).toBeCloseTo(9 / 26, 14);
      expect(bp.topsis!.signed).toBeCloseTo(9 / 50, 14);
      expect(bp.contribution).toBeCloseTo(684 / 1300, 14);
      expect(bq.contribution).toBeCloseTo(24 / 325, 14);
    });
    it('the all-rounder R sits at the midpoint on both criteria: parts equal the baselines', () => {
      const [bp, bq] = get('R').breakdown;
      expect(bp.topsis!.signed).toBeCloseTo(0, 14);
      expect(bp.contribution).toBeCloseTo(9 / 26, 14);
      expect(bq.contribution).toBeCloseTo(2 / 13, 14);
    });
  });

  it('a candidate at the anti-ideal everywhere gets C = 0 and all-zero parts; at the ideal everywhere C = 1', () => {
    const criteria: Criterion[] = [
      { key: 'a', direction: 'benefit' },
      { key: 'b', direction: 'cost' },
    ];
    const cands = [
      { id: 'best', values: { a: 9, b: 1 } },
      { id: 'mid', values: { a: 5, b: 4 } },
      { id: 'worst', values: { a: 1, b: 9 } },
    ];
    const res = topsis(normalizeMatrix(criteria, resolveMissing(criteria, cands).matrix, { kind: 'vector' }), { a: 0.7, b: 0.3 });
    const worst = res.candidates.find((c) => c.id === 'worst')!;
    const best = res.candidates.find((c) => c.id === 'best')!;
    expect(worst.score).toBe(0);
    worst.breakdown.forEach((b) => expect(b.contribution).toBeCloseTo(0, 15));
    expect(best.score).toBe(1);
    const rangeSq = best.breakdown.map((b) => b.topsis!.antiIdealGapSq);
    best.breakdown.forEach((b, j) => expect(b.contribution).toBeCloseTo(rangeSq[j] / sum(rangeSq), 14));
  });

  it('degenerate: identical candidates all get C = 0.5, rank 1, parts w_j/2', () => {
    const criteria: Criterion[] = [
      { key: 'a', direction: 'benefit' },
      { key: 'b', direction: 'cost' },
    ];
    const cands = [
      { id: 'x', values: { a: 3, b: 2 } },
      { id: 'y', values: { a: 3, b: 2 } },
    ];
    const res = topsis(normalizeMatrix(criteria, resolveMissing(criteria, cands).matrix, { kind: 'vector' }), { a: 0.25, b: 0.75 });
    for (const c of res.candidates) {
      expect(c.score).toBe(0.5);
      expect(c.rank).toBe(1);
      expect(c.breakdown.map((b) => b.contribution)).toEqual([0.125, 0.375]);
    }
  });
});
