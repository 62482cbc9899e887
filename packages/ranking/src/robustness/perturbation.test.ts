import { CANDIDATES3, CRITERIA3, problem3 } from '../__tests__/robustnessFixtures';
import { sum } from '../__tests__/fixtures';
import { resolveMissing } from '../missing';
import { normalizeMatrix } from '../normalize';
import type { Criterion } from '../types';
import { weightPerturbation } from './perturbation';

describe('one-at-a-time weight perturbation', () => {
  it('two criteria worked by hand: decreasing a by 0.1 ties everyone', () => {
    // P (1,0), Q (0,1), R (.5,.5) with w = (.6, .4): P .6, R .5, Q .4.
    // a - 0.1 -> w = (.5, .5): all three score .5 -> ranks 1,1,1 (Q 3 -> 1, R 2 -> 1); P keeps rank 1.
    const criteria: Criterion[] = [
      { key: 'a', direction: 'benefit' },
      { key: 'b', direction: 'benefit' },
    ];
    const cands = [
      { id: 'P', values: { a: 10, b: 0 } },
      { id: 'Q', values: { a: 0, b: 10 } },
      { id: 'R', values: { a: 5, b: 5 } },
    ];
    const matrix = normalizeMatrix(criteria, resolveMissing(criteria, cands).matrix, { kind: 'min-max' });
    const rep = weightPerturbation({ matrix, weights: { a: 0.6, b: 0.4 }, method: 'weighted-sum' }, { delta: 0.1 });
    expect(rep.baseline).toEqual({ winner: 'P', ranks: { P: 1, Q: 3, R: 2 } });
    expect(rep.cases.map((c) => `${c.criterion}:${c.direction}`)).toEqual(['a:decrease', 'a:increase', 'b:decrease', 'b:increase']);
    const aDown = rep.cases[0];
    expect(aDown.newWeight).toBeCloseTo(0.5, 15);
    expect(aDown.weights.b).toBeCloseTo(0.5, 15);
    expect(aDown.ranks).toEqual({ P: 1, Q: 1, R: 1 });
    expect(aDown.changes).toEqual([
      { id: 'R', baseRank: 2, newRank: 1 },
      { id: 'Q', baseRank: 3, newRank: 1 },
    ]);
    expect(aDown.winnerChanged).toBe(false);
    expect(rep.cases[1].changes).toEqual([]);
    expect(rep.stable).toBe(false);
  });

  it('three criteria: -0.1 on a (to .4) dethrones P in favour of Q (by hand: P .52, Q .6, R .38)', () => {
    // w = (.4, .36, .24): P = .4 + .12 = .52 ; Q = .36 + .24 = .6 ; R = .2 + .18 = .38
    const rep = weightPerturbation(problem3(), { delta: 0.1 });
    const aDown = rep.cases.find((c) => c.criterion === 'a' && c.direction === 'decrease')!;
    expect(aDown.weights.b).toBeCloseTo(0.36, 15);
    expect(aDown.weights.c).toBeCloseTo(0.24, 15);
    expect(aDown.winnerChanged).toBe(true);
    expect(aDown.leader).toBe('Q');
    expect(aDown.ranks).toEqual({ P: 2, Q: 1, R: 3 });
    for (const c of rep.cases) expect(sum(Object.values(c.weights))).toBeCloseTo(1, 14);
  });

  it('clamps at 0 and 1 and reports the applied delta', () => {
    const rep = weightPerturbation(problem3(), { delta: 0.6 });
    const aUp = rep.cases.find((c) => c.criterion === 'a' && c.direction === 'increase')!;
    expect(aUp.newWeight).toBe(1);
    expect(aUp.clamped).toBe(true);
    expect(aUp.appliedDelta).toBeCloseTo(0.5, 15);
    const cDown = rep.cases.find((c) => c.criterion === 'c' && c.direction === 'decrease')!;
    expect(cDown.newWeight).toBe(0);
    expect(cDown.appliedDelta).toBeCloseTo(0.2, 15);
  });

  it('validates delta and needs no cases for a single criterion', () => {
    expect(() => weightPerturbation(problem3(), { delta: 0 })).toThrow(/delta/);
    expect(() => weightPerturbation(problem3(), { delta: Number.NaN })).toThrow(/delta/);
    const one: Criterion[] = [CRITERIA3[0]];
    const matrix = normalizeMatrix(
      one,
      resolveMissing(
        one,
        CANDIDATES3.map((c) => ({ id: c.id, values: { a: c.values.a } })),
      ).matrix,
      {
        kind: 'min-max',
      },
    );
    expect(weightPerturbation({ matrix, weights: { a: 1 }, method: 'topsis' }).cases).toEqual([]);
  });
});
