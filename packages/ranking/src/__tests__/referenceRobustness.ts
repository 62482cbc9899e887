/**
 * Test-only: the Monte Carlo and dethrone analyses written plainly, one fresh
 * array per draw and per grid point, with the library's per-call functions
 * (`methodScores`, `competitionRanks`, `orderIndices`), as robustness/ computed them
 * before it scored and ranked into buffers. The equivalence tests hold the buffered
 * analyses to these, bit for bit.
 */
import { methodScores } from '../methods';
import { competitionRanks, DEFAULT_TIE_TOLERANCE, orderIndices, scoresTie } from '../ordering';
import type { DethroneChange, DethroneReport } from '../robustness/dethrone';
import { DEFAULT_MONTE_CARLO_DISTRIBUTION, type MonteCarloReport, type WeightDistribution } from '../robustness/monteCarlo';
import type { ScoringProblem } from '../robustness/problem';
import { gammaSample, mulberry32, standardNormal, type Rng } from '../robustness/prng';
import { normalizeWeights, weightArray, weightRecord } from '../weights/given';

function baseWeights(problem: ScoringProblem): number[] {
  return weightArray(normalizeWeights(problem.weights, problem.matrix.keys), problem.matrix.keys);
}

export function referenceDrawWeights(rng: Rng, w: readonly number[], distribution: WeightDistribution): number[] {
  let raw: number[];
  if (distribution.kind === 'dirichlet') {
    raw = w.map((wj) => (wj > 0 ? gammaSample(rng, distribution.concentration * wj) : 0));
  } else {
    const s = distribution.sigma;
    raw = w.map((wj) => (wj > 0 ? wj * Math.exp(s * standardNormal(rng) - (s * s) / 2) : 0));
  }
  const sum = raw.reduce((a, b) => a + b, 0);
  if (!(sum > 0) || !Number.isFinite(sum)) return [...w];
  return raw.map((x) => x / sum);
}

export function referenceMonteCarlo(
  problem: ScoringProblem,
  draws: number,
  seed: number,
  distribution: WeightDistribution = DEFAULT_MONTE_CARLO_DISTRIBUTION,
): MonteCarloReport {
  const { ids, keys, values } = problem.matrix;
  const tol = problem.tieTolerance ?? DEFAULT_TIE_TOLERANCE;
  const base = baseWeights(problem);
  const m = ids.length;
  const rng = mulberry32(seed);
  const counts = ids.map(() => new Array<number>(m).fill(0));
  const rankSums = new Array<number>(m).fill(0);
  const weightSums = new Array<number>(keys.length).fill(0);
  for (let d = 0; d < draws; d++) {
    const w = referenceDrawWeights(rng, base, distribution);
    w.forEach((x, j) => (weightSums[j] += x));
    const ranks = competitionRanks(ids, methodScores(problem.method, values, w), tol);
    ranks.forEach((r, i) => {
      counts[i][r - 1] += 1;
      rankSums[i] += r;
    });
  }
  const baseRanks = competitionRanks(ids, methodScores(problem.method, values, base), tol);
  const order = ids.map((_, i) => i).sort((a, b) => baseRanks[a] - baseRanks[b] || (ids[a] < ids[b] ? -1 : 1));
  return {
    draws,
    seed,
    distribution,
    meanWeights: weightRecord(
      weightSums.map((s) => s / draws),
      keys,
    ),
    candidates: order.map((i) => ({
      id: ids[i],
      baseRank: baseRanks[i],
      rankAcceptability: counts[i].map((c) => c / draws),
      probabilityFirst: counts[i][0] / draws,
      meanRank: rankSums[i] / draws,
    })),
  };
}

function referenceReweight(weights: readonly number[], j: number, t: number): number[] {
  if (weights.length === 1) return [1];
  const rest = 1 - weights[j];
  return weights.map((w, k) => (k === j ? t : rest > 1e-15 ? (w * (1 - t)) / rest : (1 - t) / (weights.length - 1)));
}

export function referenceDethrone(problem: ScoringProblem, steps = 1000, tolerance = 1e-9): DethroneReport {
  const { ids, keys, values } = problem.matrix;
  const tol = problem.tieTolerance ?? DEFAULT_TIE_TOLERANCE;
  const base = baseWeights(problem);
  const score = (w: readonly number[]) => methodScores(problem.method, values, w);
  const leader = (scores: readonly number[]) => orderIndices(ids, scores, tol)[0];
  const winner = leader(score(base));
  if (ids.length < 2 || keys.length < 2) {
    return {
      winner: ids[winner],
      smallest: null,
      perCriterion: keys.length < 2 ? [] : keys.map((criterion, j) => ({ criterion, originalWeight: base[j], decrease: null, increase: null })),
    };
  }
  const search = (j: number, end: 0 | 1): DethroneChange | null => {
    const start = base[j];
    if (start === end) return null;
    const dethroned = (t: number) => {
      const scores = score(referenceReweight(base, j, t));
      return scores.some((s, k) => k !== winner && s > scores[winner] && !scoresTie(s, scores[winner], tol));
    };
    let safe = start;
    let hit: number | null = null;
    for (let k = 1; k <= steps; k++) {
      const t = k === steps ? end : start + ((end - start) * k) / steps;
      if (dethroned(t)) {
        hit = t;
        break;
      }
      safe = t;
    }
    if (hit === null) return null;
    let lo = safe;
    let hi = hit;
    while (Math.abs(hi - lo) > tolerance) {
      const mid = (lo + hi) / 2;
      if (dethroned(mid)) hi = mid;
      else lo = mid;
    }
    const w = referenceReweight(base, j, hi);
    return { criterion: keys[j], originalWeight: start, newWeight: hi, delta: hi - start, newLeader: ids[leader(score(w))], weights: weightRecord(w, keys) };
  };
  const perCriterion = keys.map((criterion, j) => ({ criterion, originalWeight: base[j], decrease: search(j, 0), increase: search(j, 1) }));
  let smallest: DethroneChange | null = null;
  for (const r of perCriterion) {
    for (const c of [r.decrease, r.increase]) if (c && (smallest === null || Math.abs(c.delta) < Math.abs(smallest.delta))) smallest = c;
  }
  return { winner: ids[winner], smallest, perCriterion };
}
