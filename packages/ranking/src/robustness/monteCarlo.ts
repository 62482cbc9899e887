import { RankingInputError } from '../errors';
import { weightRecord } from '../weights/given';
import { prepare, type ScoringProblem } from './problem';
import { gammaSample, mulberry32, standardNormal, type Rng } from './prng';

/**
 * How random weight vectors are drawn around the base weights w:
 * - `dirichlet`: w' ~ Dirichlet(concentration * w). E[w'] = w and
 *   Var(w'_j) = w_j (1 - w_j) / (concentration + 1): larger concentration, tighter draws.
 * - `lognormal`: w'_j ∝ w_j * exp(sigma * z_j - sigma^2 / 2), z_j ~ N(0, 1), renormalised
 *   (each multiplicative factor has mean 1 before renormalisation).
 * In both, a zero base weight stays zero.
 */
export type WeightDistribution = { readonly kind: 'dirichlet'; readonly concentration: number } | { readonly kind: 'lognormal'; readonly sigma: number };

export interface MonteCarloOptions {
  /** Number of weight draws; default 1000, at most 1,000,000. */
  readonly draws?: number;
  /** PRNG seed (reduced to uint32); default 1. Same seed, same report. */
  readonly seed?: number;
  /** Default { kind: 'dirichlet', concentration: 50 }. */
  readonly distribution?: WeightDistribution;
}

/** Rank-acceptability of one candidate. */
export interface CandidateAcceptability {
  readonly id: string;
  readonly baseRank: number;
  /** rankAcceptability[r - 1] = share of draws in which the candidate had rank r (competition ranks). */
  readonly rankAcceptability: readonly number[];
  /** = rankAcceptability[0]; ties for first count as first for every tied candidate. */
  readonly probabilityFirst: number;
  readonly meanRank: number;
}

export interface MonteCarloReport {
  readonly draws: number;
  readonly seed: number;
  readonly distribution: WeightDistribution;
  /** Average of the drawn weight vectors (close to the base weights). */
  readonly meanWeights: Record<string, number>;
  /** In baseline order (rank, then id). */
  readonly candidates: readonly CandidateAcceptability[];
}

export const DEFAULT_MONTE_CARLO_DISTRIBUTION: WeightDistribution = { kind: 'dirichlet', concentration: 50 };

/** Draws one weight vector around `w` (which sums to 1). */
export function drawWeights(rng: Rng, w: readonly number[], distribution: WeightDistribution): number[] {
  return Array.from(drawWeightsInto(rng, w, distribution, new Float64Array(w.length)));
}

/** `drawWeights` into a buffer the caller owns (one per analysis, not one per draw); returns `out`. */
export function drawWeightsInto(rng: Rng, w: readonly number[], distribution: WeightDistribution, out: Float64Array): Float64Array {
  const n = w.length;
  let sum = 0;
  for (let j = 0; j < n; j += 1) {
    const wj = w[j];
    let raw = 0;
    if (wj > 0) {
      if (distribution.kind === 'dirichlet') raw = gammaSample(rng, distribution.concentration * wj);
      else raw = wj * Math.exp(distribution.sigma * standardNormal(rng) - (distribution.sigma * distribution.sigma) / 2);
    }
    out[j] = raw;
    sum += raw;
  }
  // All-zero draws can only come from floating-point underflow of tiny gamma shapes.
  if (!(sum > 0) || !Number.isFinite(sum)) out.set(w);
  else for (let j = 0; j < n; j += 1) out[j] /= sum;
  return out;
}

/** counts / draws, as a plain array. */
function shares(counts: Uint32Array, draws: number): number[] {
  const out: number[] = [];
  for (const c of counts) out.push(c / draws);
  return out;
}

/**
 * Monte Carlo weight-uncertainty analysis in the spirit of SMAA: draws weight
 * vectors around the base weights and reports each candidate's rank-acceptability
 * indices b_i^r (share of draws at rank r), its probability of ranking first and
 * its mean rank.
 *
 * References: Lahdelma, R., Hokkanen, J. & Salminen, P. (1998) "SMAA - Stochastic
 * multiobjective acceptability analysis", European Journal of Operational Research
 * 106(1), 137-143; Butler, J., Jia, J. & Dyer, J. (1997) "Simulating sensitivity
 * analysis for multiattribute utility", European Journal of Operational Research
 * 103(3), 531-546. Draws use mulberry32 + Marsaglia-Tsang gamma + Box-Muller
 * (see prng.ts), so results are reproducible from the seed.
 */
export function monteCarloWeights(problem: ScoringProblem, options: MonteCarloOptions = {}): MonteCarloReport {
  const draws = options.draws ?? 1000;
  if (!Number.isInteger(draws) || draws < 1 || draws > 1_000_000) {
    throw new RankingInputError('robustness.monteCarlo.draws', `must be an integer in [1, 1000000] (got ${String(draws)})`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RankingInputError('robustness.monteCarlo.seed', `must be an integer (got ${String(seed)})`);
  const distribution = options.distribution ?? DEFAULT_MONTE_CARLO_DISTRIBUTION;
  if (distribution.kind === 'dirichlet') {
    if (!(Number.isFinite(distribution.concentration) && distribution.concentration > 0)) {
      throw new RankingInputError(
        'robustness.monteCarlo.distribution.concentration',
        `must be a finite number > 0 (got ${String(distribution.concentration)})`,
      );
    }
  } else if (distribution.kind === 'lognormal') {
    if (!(Number.isFinite(distribution.sigma) && distribution.sigma >= 0)) {
      throw new RankingInputError('robustness.monteCarlo.distribution.sigma', `must be a finite number >= 0 (got ${String(distribution.sigma)})`);
    }
  } else {
    throw new RankingInputError('robustness.monteCarlo.distribution.kind', `must be 'dirichlet' or 'lognormal'`);
  }

  const p = prepare(problem);
  const m = p.ids.length;
  const n = p.keys.length;
  const rng = mulberry32(seed);
  // counts[i * m + r - 1] = draws in which candidate i had rank r. Every buffer is allocated once.
  const counts = new Uint32Array(m * m);
  const rankSums = new Float64Array(m);
  const weightSums = new Float64Array(n);
  const w = new Float64Array(n);
  const scores = new Float64Array(m);
  const ranks = new Int32Array(m);
  for (let d = 0; d < draws; d++) {
    drawWeightsInto(rng, p.w, distribution, w);
    for (let j = 0; j < n; j++) weightSums[j] += w[j];
    p.scorer.scoreInto(w, scores);
    p.ranker.ranksInto(scores, ranks);
    for (let i = 0; i < m; i++) {
      counts[i * m + ranks[i] - 1] += 1;
      rankSums[i] += ranks[i];
    }
  }
  const baseRanks = p.ranks(p.score(p.w));
  const order = p.ids.map((_, i) => i).sort((a, b) => baseRanks[a] - baseRanks[b] || (p.ids[a] < p.ids[b] ? -1 : 1));
  return {
    draws,
    seed,
    distribution,
    meanWeights: weightRecord(
      Array.from(weightSums, (s) => s / draws),
      p.keys,
    ),
    candidates: order.map((i) => ({
      id: p.ids[i],
      baseRank: baseRanks[i],
      rankAcceptability: shares(counts.subarray(i * m, (i + 1) * m), draws),
      probabilityFirst: counts[i * m] / draws,
      meanRank: rankSums[i] / draws,
    })),
  };
}
