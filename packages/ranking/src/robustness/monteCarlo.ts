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
  let raw: number[];
  if (distribution.kind === 'dirichlet') {
    raw = w.map((wj) => (wj > 0 ? gammaSample(rng, distribution.concentration * wj) : 0));
  } else {
    const s = distribution.sigma;
    raw = w.map((wj) => (wj > 0 ? wj * Math.exp(s * standardNormal(rng) - (s * s) / 2) : 0));
  }
  const sum = raw.reduce((a, b) => a + b, 0);
  // All-zero draws can only come from floating-point underflow of tiny gamma shapes.
  if (!(sum > 0) || !Number.isFinite(sum)) return [...w];
  return raw.map((x) => x / sum);
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
  const counts = p.ids.map(() => new Array<number>(m).fill(0));
  const rankSums = new Array<number>(m).fill(0);
  const weightSums = new Array<number>(n).fill(0);
  for (let d = 0; d < draws; d++) {
    const w = drawWeights(rng, p.w, distribution);
    for (let j = 0; j < n; j++) weightSums[j] += w[j];
    const ranks = p.ranks(p.score(w));
    for (let i = 0; i < m; i++) {
      counts[i][ranks[i] - 1] += 1;
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
      weightSums.map((s) => s / draws),
      p.keys,
    ),
    candidates: order.map((i) => ({
      id: p.ids[i],
      baseRank: baseRanks[i],
      rankAcceptability: counts[i].map((c) => c / draws),
      probabilityFirst: counts[i][0] / draws,
      meanRank: rankSums[i] / draws,
    })),
  };
}
