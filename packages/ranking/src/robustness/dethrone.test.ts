import { FIGHTER_CANDIDATES, FIGHTER_CRITERIA, randomProblem } from '../__tests__/fixtures';
import { problem3 } from '../__tests__/robustnessFixtures';
import { methodScores } from '../methods';
import { resolveMissing } from '../missing';
import { normalizeMatrix } from '../normalize';
import { orderIndices } from '../ordering';
import { dethroneWinner } from './dethrone';
import type { ScoringProblem } from './problem';
import { reweight } from './reweight';

describe('smallest single-criterion weight change that dethrones the winner', () => {
  it('weighted sum worked by hand (exact thresholds 4/9, 4/11, 1/3)', () => {
    // w_a = t, others rescaled: P = .2 + .8t, Q = 1 - t, R = .3 + .2t -> Q overtakes P for t < 4/9.
    // w_b = t: P = (6/7)(1 - t), Q = 2/7 + (5/7)t -> Q overtakes for t > 4/11.
    // w_c = t: P = .625 - .125t, Q = .375 + .625t -> Q overtakes for t > 1/3.
    const rep = dethroneWinner(problem3());
    expect(rep.winner).toBe('P');
    const [a, b, c] = rep.perCriterion;
    expect(a.increase).toBeNull();
    expect(a.decrease!.newWeight).toBeCloseTo(4 / 9, 8);
    expect(a.decrease!.newWeight).toBeLessThan(4 / 9);
    expect(b.decrease).toBeNull();
    expect(b.increase!.newWeight).toBeCloseTo(4 / 11, 8);
    expect(c.decrease).toBeNull();
    expect(c.increase!.newWeight).toBeCloseTo(1 / 3, 8);
    expect(rep.smallest).not.toBeNull();
    expect(rep.smallest!.criterion).toBe('a');
    expect(rep.smallest!.delta).toBeCloseTo(4 / 9 - 0.5, 8);
    expect(rep.smallest!.newLeader).toBe('Q');
  });

  it('returns null when no single-criterion change in [0, 1] dethrones (dominating winner)', () => {
    const base = problem3();
    // P dominates everyone after setting its values to the column maxima.
    const values = base.matrix.values.map((row, i) => (i === 0 ? row.map(() => 1) : row));
    const rep = dethroneWinner({ ...base, matrix: { ...base.matrix, values } });
    expect(rep.smallest).toBeNull();
    rep.perCriterion.forEach((r) => {
      expect(r.increase).toBeNull();
      expect(r.decrease).toBeNull();
    });
  });

  it('TOPSIS (Hwang & Yoon fighter): the reported weight dethrones A1, and just before it A1 still leads', () => {
    const { matrix } = resolveMissing(FIGHTER_CRITERIA, FIGHTER_CANDIDATES);
    const problem: ScoringProblem = {
      matrix: normalizeMatrix(FIGHTER_CRITERIA, matrix, { kind: 'vector' }),
      weights: Object.fromEntries(FIGHTER_CRITERIA.map((c) => [c.key, c.weight!])),
      method: 'topsis',
    };
    const rep = dethroneWinner(problem);
    expect(rep.winner).toBe('A1');
    const s = rep.smallest!;
    expect(s).not.toBeNull();
    const keys = problem.matrix.keys;
    const base = keys.map((k) => problem.weights[k]);
    const j = keys.indexOf(s.criterion);
    const leaderAt = (t: number) =>
      problem.matrix.ids[orderIndices(problem.matrix.ids, methodScores('topsis', problem.matrix.values, reweight(base, j, t)))[0]];
    expect(leaderAt(s.newWeight)).not.toBe('A1');
    expect(leaderAt(s.newWeight - Math.sign(s.delta) * 1e-6)).toBe('A1');
    for (const r of rep.perCriterion) {
      for (const c of [r.decrease, r.increase]) if (c) expect(Math.abs(c.delta)).toBeGreaterThanOrEqual(Math.abs(s.delta));
    }
  });

  it('property (weighted sum): every reported threshold is the boundary of the winner staying first', () => {
    for (let seed = 1; seed <= 15; seed++) {
      const { criteria, candidates } = randomProblem(seed, 5, 3);
      const matrix = normalizeMatrix(criteria, resolveMissing(criteria, candidates).matrix, { kind: 'min-max' });
      const weights = Object.fromEntries(criteria.map((c) => [c.key, c.weight!]));
      const rep = dethroneWinner({ matrix, weights, method: 'weighted-sum' });
      const wsum = criteria.reduce((a, c) => a + c.weight!, 0);
      const base = criteria.map((c) => c.weight! / wsum);
      for (const r of rep.perCriterion) {
        const j = criteria.findIndex((c) => c.key === r.criterion);
        for (const c of [r.decrease, r.increase]) {
          if (!c) continue;
          const before = methodScores('weighted-sum', matrix.values, reweight(base, j, c.newWeight - Math.sign(c.delta) * 1e-7));
          const at = methodScores('weighted-sum', matrix.values, reweight(base, j, c.newWeight));
          const w = matrix.ids.indexOf(rep.winner);
          expect(Math.max(...at.filter((_, i) => i !== w))).toBeGreaterThan(at[w]);
          expect(Math.max(...before.filter((_, i) => i !== w))).toBeLessThanOrEqual(before[w] + 1e-9);
        }
      }
    }
  });

  it('single candidate or single criterion: nothing to dethrone', () => {
    const base = problem3();
    const one = { ...base, matrix: { ...base.matrix, ids: ['P'], values: [base.matrix.values[0]], raw: [base.matrix.raw[0]] } };
    expect(dethroneWinner(one).smallest).toBeNull();
  });
});
