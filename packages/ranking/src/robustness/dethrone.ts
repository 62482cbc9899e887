import { RankingInputError } from '../errors';
import { weightRecord } from '../weights/given';
import { scoresTie } from '../ordering';
import { weightedSumContenders, weightedSumOf } from './contenders';
import { prepare, type PreparedProblem, type ScoringProblem } from './problem';
import { reweight, reweightInto } from './reweight';

/** A single-criterion weight change that dethrones the winner. */
export interface DethroneChange {
  readonly criterion: string;
  readonly originalWeight: number;
  /** The new weight of `criterion` (others rescaled proportionally); it dethrones the winner. */
  readonly newWeight: number;
  /** newWeight - originalWeight (signed). */
  readonly delta: number;
  /** First candidate in output order at the new weights. */
  readonly newLeader: string;
  readonly weights: Record<string, number>;
}

export interface DethroneCriterionResult {
  readonly criterion: string;
  readonly originalWeight: number;
  /** Smallest decrease that dethrones, or null if none down to 0. */
  readonly decrease: DethroneChange | null;
  /** Smallest increase that dethrones, or null if none up to 1. */
  readonly increase: DethroneChange | null;
}

export interface DethroneReport {
  readonly winner: string;
  /** The change with the smallest |delta| over all criteria and both directions, or null if none in [0, 1]. */
  readonly smallest: DethroneChange | null;
  readonly perCriterion: readonly DethroneCriterionResult[];
}

export interface DethroneOptions {
  /** Grid points scanned per direction before bisection; default 1000. */
  readonly gridSteps?: number;
  /** Bisection stops when the bracket is narrower than this; default 1e-9. */
  readonly tolerance?: number;
}

/**
 * Smallest single-criterion weight change that dethrones the winner.
 *
 * For each criterion j, its weight t moves from w_j towards 1 (increase) and
 * towards 0 (decrease), the others rescaled proportionally (`reweight`). The
 * winner (first in output order at the base weights) is dethroned at t when another
 * candidate scores strictly above it (beyond the tie tolerance), i.e. its rank
 * becomes > 1. The direction is scanned on a uniform grid of `gridSteps` points; the
 * first dethroning grid point and the last safe point before it are refined by
 * bisection to `tolerance`. The reported `newWeight` is the dethroning end of the
 * final bracket, so it does dethrone; the exact tie point lies within `tolerance`.
 *
 * For the weighted sum, each score is linear in t, so winner-minus-best-rival is
 * concave and the safe set is an interval around w_j: the search is exact. For
 * TOPSIS the scores are continuous but not linear in t; a dethroning window narrower
 * than the grid spacing could be missed.
 *
 * Reference: Triantaphyllou, E. & Sanchez, A. (1997) "A sensitivity analysis approach
 * for some deterministic multi-criteria decision-making methods", Decision Sciences
 * 28(1), 151-194 (most critical criterion: smallest weight change altering the top rank).
 */
export function dethroneWinner(problem: ScoringProblem, options: DethroneOptions = {}): DethroneReport {
  const steps = options.gridSteps ?? 1000;
  if (!Number.isInteger(steps) || steps < 1 || steps > 1_000_000) {
    throw new RankingInputError('robustness.dethrone.gridSteps', `must be an integer in [1, 1000000] (got ${String(steps)})`);
  }
  const tolerance = options.tolerance ?? 1e-9;
  if (!(Number.isFinite(tolerance) && tolerance > 0)) {
    throw new RankingInputError('robustness.dethrone.tolerance', `must be a finite number > 0 (got ${String(tolerance)})`);
  }
  const p = prepare(problem);
  const baseScores = p.score(p.w);
  const winner = p.leader(baseScores);
  if (p.ids.length < 2 || p.keys.length < 2) {
    return {
      winner: p.ids[winner],
      smallest: null,
      perCriterion: p.keys.length < 2 ? [] : p.keys.map((criterion, j) => ({ criterion, originalWeight: p.w[j], decrease: null, increase: null })),
    };
  }
  const perCriterion = p.keys.map((criterion, j) => ({
    criterion,
    originalWeight: p.w[j],
    decrease: search(p, winner, j, 0, steps, tolerance),
    increase: search(p, winner, j, 1, steps, tolerance),
  }));
  let smallest: DethroneChange | null = null;
  for (const r of perCriterion) {
    for (const c of [r.decrease, r.increase]) {
      if (c && (smallest === null || Math.abs(c.delta) < Math.abs(smallest.delta))) smallest = c;
    }
  }
  return { winner: p.ids[winner], smallest, perCriterion };
}

function search(p: PreparedProblem, winner: number, j: number, end: 0 | 1, steps: number, tolerance: number): DethroneChange | null {
  const start = p.w[j];
  if (start === end) return null;
  const weights = new Float64Array(p.keys.length);
  const scores = new Float64Array(p.ids.length);
  const contenders = p.method === 'weighted-sum' ? weightedSumContenders(p.values, p.w, j, winner, start, end) : null;
  const dethroned = (t: number) => {
    reweightInto(p.w, j, t, weights);
    if (contenders) {
      const lead = weightedSumOf(p.values[winner], weights);
      for (const i of contenders) {
        const s = weightedSumOf(p.values[i], weights);
        if (s > lead && !scoresTie(s, lead, p.tol)) return true;
      }
      return false;
    }
    p.scorer.scoreInto(weights, scores);
    return p.overtaken(scores, winner);
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
  const w = reweight(p.w, j, hi);
  return {
    criterion: p.keys[j],
    originalWeight: start,
    newWeight: hi,
    delta: hi - start,
    newLeader: p.ids[p.leader(p.score(w))],
    weights: weightRecord(w, p.keys),
  };
}
