import { RankingInputError } from '../errors';
import { weightRecord } from '../weights/given';
import { prepare, type ScoringProblem } from './problem';
import { reweight } from './reweight';

/** A candidate whose rank differs from the baseline under a perturbation. */
export interface RankChange {
  readonly id: string;
  readonly baseRank: number;
  readonly newRank: number;
}

/** One perturbation: criterion `criterion` moved up or down by `appliedDelta`. */
export interface PerturbationCase {
  readonly criterion: string;
  readonly direction: 'increase' | 'decrease';
  readonly requestedDelta: number;
  /** |new - original| after clamping the new weight into [0, 1]. */
  readonly appliedDelta: number;
  readonly clamped: boolean;
  readonly originalWeight: number;
  readonly newWeight: number;
  readonly weights: Record<string, number>;
  readonly ranks: Record<string, number>;
  /** Candidates whose rank changed, in baseline order. */
  readonly changes: readonly RankChange[];
  /** True when the baseline winner is no longer ranked 1. */
  readonly winnerChanged: boolean;
  /** First candidate in output order under the perturbed weights. */
  readonly leader: string;
}

export interface PerturbationReport {
  readonly delta: number;
  readonly baseline: { readonly winner: string; readonly ranks: Record<string, number> };
  /** For each criterion (criteria order): decrease, then increase. */
  readonly cases: readonly PerturbationCase[];
  /** True when no case changed any rank. */
  readonly stable: boolean;
}

/**
 * One-at-a-time (OAT) weight perturbation: for each criterion j and each sign,
 * w'_j = clamp(w_j ± delta, 0, 1) with the others rescaled proportionally
 * (see `reweight`), then the ranking is recomputed and compared with the baseline.
 *
 * Reference: OAT sensitivity analysis of MCDM weights, e.g. Triantaphyllou, E. &
 * Sanchez, A. (1997) "A sensitivity analysis approach for some deterministic
 * multi-criteria decision-making methods", Decision Sciences 28(1), 151-194.
 *
 * With a single criterion every renormalised perturbation is the identity, so no
 * cases are reported.
 */
export function weightPerturbation(problem: ScoringProblem, options: { readonly delta?: number } = {}): PerturbationReport {
  const delta = options.delta ?? 0.1;
  if (typeof delta !== 'number' || !Number.isFinite(delta) || !(delta > 0) || delta > 1) {
    throw new RankingInputError('robustness.perturbation.delta', `must be a number in (0, 1] (got ${String(delta)})`);
  }
  const p = prepare(problem);
  const baseScores = p.score(p.w);
  const baseRanks = p.ranks(baseScores);
  const winnerIdx = p.leader(baseScores);
  const baseOrder = p.ids.map((_, i) => i).sort((a, b) => baseRanks[a] - baseRanks[b] || (p.ids[a] < p.ids[b] ? -1 : 1));
  const rankRecord = (ranks: readonly number[]) => Object.fromEntries(p.ids.map((id, i) => [id, ranks[i]]));

  const cases: PerturbationCase[] = [];
  if (p.keys.length > 1) {
    p.keys.forEach((key, j) => {
      for (const direction of ['decrease', 'increase'] as const) {
        const target = p.w[j] + (direction === 'increase' ? delta : -delta);
        const t = Math.min(1, Math.max(0, target));
        const w = reweight(p.w, j, t);
        const scores = p.score(w);
        const ranks = p.ranks(scores);
        cases.push({
          criterion: key,
          direction,
          requestedDelta: delta,
          appliedDelta: Math.abs(t - p.w[j]),
          clamped: t !== target,
          originalWeight: p.w[j],
          newWeight: t,
          weights: weightRecord(w, p.keys),
          ranks: rankRecord(ranks),
          changes: baseOrder.filter((i) => ranks[i] !== baseRanks[i]).map((i) => ({ id: p.ids[i], baseRank: baseRanks[i], newRank: ranks[i] })),
          winnerChanged: ranks[winnerIdx] !== 1,
          leader: p.ids[p.leader(scores)],
        });
      }
    });
  }
  return {
    delta,
    baseline: { winner: p.ids[winnerIdx], ranks: rankRecord(baseRanks) },
    cases,
    stable: cases.every((c) => c.changes.length === 0),
  };
}
