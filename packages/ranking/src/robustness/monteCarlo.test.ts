import { FIGHTER_CANDIDATES, FIGHTER_CRITERIA, randomProblem, sum } from '../__tests__/fixtures';
import { problem3 } from '../__tests__/robustnessFixtures';
import { resolveMissing } from '../missing';
import { normalizeMatrix } from '../normalize';
import { drawWeights, monteCarloWeights } from './monteCarlo';
import type { ScoringProblem } from './problem';
import { mulberry32 } from './prng';

function fighterProblem(method: ScoringProblem['method']): ScoringProblem {
  const { matrix } = resolveMissing(FIGHTER_CRITERIA, FIGHTER_CANDIDATES);
  return {
    matrix: normalizeMatrix(FIGHTER_CRITERIA, matrix, { kind: method === 'topsis' ? 'vector' : 'min-max' }),
    weights: Object.fromEntries(FIGHTER_CRITERIA.map((c) => [c.key, c.weight!])),
    method,
  };
}

describe('Monte Carlo weights (SMAA-style rank acceptability)', () => {
  it('same seed -> identical report; different seed -> different report', () => {
    const p = fighterProblem('topsis');
    const a = monteCarloWeights(p, { draws: 500, seed: 12345 });
    const b = monteCarloWeights(p, { draws: 500, seed: 12345 });
    expect(b).toEqual(a);
    const c = monteCarloWeights(p, { draws: 500, seed: 54321, distribution: { kind: 'dirichlet', concentration: 5 } });
    const d = monteCarloWeights(p, { draws: 500, seed: 54321, distribution: { kind: 'dirichlet', concentration: 5 } });
    expect(d).toEqual(c);
    expect(monteCarloWeights(p, { draws: 500, seed: 1, distribution: { kind: 'dirichlet', concentration: 5 } })).not.toEqual(c);
  });

  it('rank acceptabilities are shares: each row sums to 1, each rank column sums to 1 without ties', () => {
    for (const distribution of [
      { kind: 'dirichlet', concentration: 10 },
      { kind: 'lognormal', sigma: 0.5 },
    ] as const) {
      const rep = monteCarloWeights(fighterProblem('topsis'), { draws: 400, seed: 3, distribution });
      for (const c of rep.candidates) {
        expect(sum(c.rankAcceptability)).toBeCloseTo(1, 12);
        expect(c.probabilityFirst).toBe(c.rankAcceptability[0]);
        expect(c.meanRank).toBeGreaterThanOrEqual(1);
      }
      for (let r = 0; r < 4; r++) expect(sum(rep.candidates.map((c) => c.rankAcceptability[r]))).toBeCloseTo(1, 12);
      expect(sum(Object.values(rep.meanWeights))).toBeCloseTo(1, 12);
    }
  });

  it('very tight draws reproduce the base ranking with probability 1', () => {
    const rep = monteCarloWeights(problem3(), { draws: 200, seed: 9, distribution: { kind: 'dirichlet', concentration: 1e9 } });
    expect(rep.candidates.map((c) => [c.id, c.probabilityFirst, c.meanRank])).toEqual([
      ['P', 1, 1],
      ['Q', 0, 2],
      ['R', 0, 3],
    ]);
    const flat = monteCarloWeights(problem3(), { draws: 50, seed: 9, distribution: { kind: 'lognormal', sigma: 0 } });
    expect(flat.candidates[0].rankAcceptability).toEqual([1, 0, 0]);
  });

  it('Dirichlet draws have mean w and variance w(1-w)/(kappa+1); zero weights stay zero', () => {
    const rng = mulberry32(2025);
    const w = [0.5, 0.3, 0.2, 0];
    const kappa = 20;
    const n = 20000;
    const s = [0, 0, 0, 0];
    const s2 = [0, 0, 0, 0];
    let worstSumError = 0;
    for (let k = 0; k < n; k++) {
      const d = drawWeights(rng, w, { kind: 'dirichlet', concentration: kappa });
      worstSumError = Math.max(worstSumError, Math.abs(sum(d) - 1));
      d.forEach((x, j) => {
        s[j] += x;
        s2[j] += x * x;
      });
    }
    expect(worstSumError).toBeLessThan(1e-12);
    w.forEach((wj, j) => {
      const mean = s[j] / n;
      const variance = s2[j] / n - mean * mean;
      expect(Math.abs(mean - wj)).toBeLessThan(0.005);
      if (wj > 0) expect(Math.abs(variance / ((wj * (1 - wj)) / (kappa + 1)) - 1)).toBeLessThan(0.1);
      else expect(mean).toBe(0);
    });
  });

  it('property: every drawn weight vector sums to 1 and is non-negative', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { criteria } = randomProblem(seed, 2, 6);
      const wsum = criteria.reduce((a, c) => a + c.weight!, 0);
      const w = criteria.map((c) => c.weight! / wsum);
      const rng = mulberry32(seed);
      for (let k = 0; k < 200; k++) {
        const d = drawWeights(rng, w, seed % 2 ? { kind: 'lognormal', sigma: 1 } : { kind: 'dirichlet', concentration: 0.5 });
        expect(sum(d)).toBeCloseTo(1, 12);
        d.forEach((x) => expect(x).toBeGreaterThanOrEqual(0));
      }
    }
  });

  it('validates draws, seed and distribution parameters', () => {
    expect(() => monteCarloWeights(problem3(), { draws: 0 })).toThrow(/draws/);
    expect(() => monteCarloWeights(problem3(), { draws: 1.5 })).toThrow(/draws/);
    expect(() => monteCarloWeights(problem3(), { seed: 0.5 })).toThrow(/seed/);
    expect(() => monteCarloWeights(problem3(), { distribution: { kind: 'dirichlet', concentration: -1 } })).toThrow(/concentration/);
    expect(() => monteCarloWeights(problem3(), { distribution: { kind: 'lognormal', sigma: Number.NaN } })).toThrow(/sigma/);
  });
});
