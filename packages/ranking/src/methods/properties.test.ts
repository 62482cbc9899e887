import { randomProblem, sum } from '../__tests__/fixtures';
import { resolveMissing } from '../missing';
import { normalizeMatrix } from '../normalize';
import type { NormalizationSpec } from '../normalize/types';
import type { Candidate, Criterion, WeightVector } from '../types';
import { applyMethod } from './index';
import type { MethodKind } from './types';

function run(method: MethodKind, spec: NormalizationSpec, criteria: Criterion[], candidates: Candidate[]) {
  const m = normalizeMatrix(criteria, resolveMissing(criteria, candidates).matrix, spec);
  const w: WeightVector = Object.fromEntries(criteria.map((c) => [c.key, c.weight ?? 1]));
  return applyMethod(method, m, w);
}
const scoreOf = (r: ReturnType<typeof run>, id: string) => r.candidates.find((c) => c.id === id)!.score;

const ALL: [MethodKind, NormalizationSpec][] = [
  ['weighted-sum', { kind: 'min-max' }],
  ['weighted-sum', { kind: 'vector' }],
  ['weighted-sum', { kind: 'z-score' }],
  ['weighted-sum', { kind: 'efficacy' }],
  ['weighted-sum', { kind: 'efficacy', clamp: true }],
  ['topsis', { kind: 'min-max' }],
  ['topsis', { kind: 'vector' }],
  ['topsis', { kind: 'z-score' }],
  ['topsis', { kind: 'efficacy' }],
];

describe.each(ALL)('%s with %j', (method, spec) => {
  it('breakdown parts add up to the score (random problems)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const { criteria, candidates } = randomProblem(seed, 3 + (seed % 7), 1 + (seed % 5));
      for (const c of run(method, spec, criteria, candidates).candidates) {
        expect(Math.abs(sum(c.breakdown.map((b) => b.contribution)) - c.score)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(c.score)));
      }
    }
  });

  it('ranks are competition ranks consistent with the scores and the output order', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { criteria, candidates } = randomProblem(seed, 7, 3);
      const cs = run(method, spec, criteria, candidates).candidates;
      cs.forEach((c, k) => {
        if (k > 0) expect(c.score).toBeLessThanOrEqual(cs[k - 1].score + 1e-9);
        expect(c.rank).toBe(cs.filter((o) => o.score > c.score + 1e-9 * Math.max(1, Math.abs(c.score))).length + 1);
      });
    }
  });
});

// Monotonicity holds for these pairs; TOPSIS with z-score is not claimed (the mean and SD of the
// column move with the improved value and can shift the ideal/anti-ideal of the other criteria).
const MONOTONE: [MethodKind, NormalizationSpec][] = ALL.filter(([m, s]) => !(m === 'topsis' && s.kind === 'z-score'));

describe.each(MONOTONE)('monotonicity: %s with %j', (method, spec) => {
  it("improving one candidate on one criterion never lowers that candidate's score", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { criteria, candidates } = randomProblem(seed, 6, 4);
      const i = seed % 6;
      const j = seed % 4;
      const key = criteria[j].key;
      const before = scoreOf(run(method, spec, criteria, candidates), candidates[i].id);
      for (const step of [0.5, 5, 50]) {
        const old = candidates[i].values[key] as number;
        const better = criteria[j].direction === 'benefit' ? old + step : Math.max(0, old - step);
        const improved = candidates.map((c, k) => (k === i ? { ...c, values: { ...c.values, [key]: better } } : c));
        const after = scoreOf(run(method, spec, criteria, improved), candidates[i].id);
        expect(after).toBeGreaterThanOrEqual(before - 1e-12);
      }
    }
  });
});

describe.each([
  ['weighted-sum', 'min-max'],
  ['weighted-sum', 'vector'],
  ['weighted-sum', 'z-score'],
  ['topsis', 'min-max'],
  ['topsis', 'vector'],
  ['topsis', 'z-score'],
] as const)('scale invariance: %s with %s', (method, kind) => {
  it('multiplying one criterion by a positive constant leaves scores and ranks unchanged', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { criteria, candidates } = randomProblem(seed, 6, 3);
      const key = criteria[seed % 3].key;
      const factor = seed % 2 === 0 ? 1000 : 0.001;
      const scaled = candidates.map((c) => ({ ...c, values: { ...c.values, [key]: (c.values[key] as number) * factor } }));
      const a = run(method, { kind }, criteria, candidates).candidates;
      const b = run(method, { kind }, criteria, scaled).candidates;
      expect(b.map((c) => c.id)).toEqual(a.map((c) => c.id));
      expect(b.map((c) => c.rank)).toEqual(a.map((c) => c.rank));
      a.forEach((c, k) => expect(b[k].score).toBeCloseTo(c.score, 10));
    }
  });
});
