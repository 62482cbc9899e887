/** What several rounds of one measurement give: the median and how far the rounds spread. Pure. */
export interface RoundsSummary {
  rounds: number;
  median: number;
  /** (max − min) / median, as a fraction: 0.05 is ±5 % wide. NaN without rounds. */
  spread: number;
}

export function summarizeRounds(values: readonly number[]): RoundsSummary {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return { rounds: 0, median: Number.NaN, spread: Number.NaN };
  const middle = Math.floor(finite.length / 2);
  const median = finite.length % 2 === 1 ? finite[middle]! : (finite[middle - 1]! + finite[middle]!) / 2;
  const spread = median > 0 ? (finite[finite.length - 1]! - finite[0]!) / median : Number.NaN;
  return { rounds: finite.length, median, spread };
}

/** `value / reference`, NaN when either is missing or the reference is zero. */
export function ratioTo(value: number, reference: number): number {
  return Number.isFinite(value) && Number.isFinite(reference) && reference !== 0 ? value / reference : Number.NaN;
}

/**
 * The median of the per-round ratios `values[i] / references[i]`: round i of a column and of its
 * reference were measured seconds apart, so a drift of the machine's speed between rounds (this
 * machine's can double within minutes) cancels in each ratio instead of landing on one median
 * and not the other. Rounds where either measured nothing are left out; NaN when none remain.
 */
export function pairedRatio(values: readonly number[], references: readonly number[]): number {
  const ratios = values.map((value, round) => ratioTo(value, references[round] ?? Number.NaN));
  return summarizeRounds(ratios).median;
}

export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '-';
}

export function formatSpread(spread: number): string {
  return Number.isFinite(spread) ? `±${Math.round((spread / 2) * 100)}%` : '';
}

/** One pass over every cell: a warm-up pass is run as a measured one and its figures dropped. */
export interface RoundPass {
  /** 1-based among the measured rounds; 1-based among the warm-up rounds while `warmup`. */
  readonly round: number;
  readonly warmup: boolean;
  /** Counted over warm-up and measured rounds alike, from 0: what alternates the order of the cells. */
  readonly index: number;
}

/**
 * The warm-up rounds, then the measured ones. A process fresh from start runs its request path
 * unoptimised until V8 has compiled it, which at one request at a time takes several seconds of
 * load (the gateway's CPU per request fell 1.1 → 0.77 → 0.53 → 0.44 ms over its first four 3 s
 * windows): without a warm-up round the first round of every column measures that instead.
 */
export function roundPasses(warmupRounds: number, rounds: number): RoundPass[] {
  return [
    ...Array.from({ length: warmupRounds }, (_, i) => ({ round: i + 1, warmup: true, index: i })),
    ...Array.from({ length: rounds }, (_, i) => ({ round: i + 1, warmup: false, index: warmupRounds + i })),
  ];
}

/** `round 2/5` or `warm-up round 1/1 (not measured)`, for the progress lines. */
export function roundLabel(pass: RoundPass, warmupRounds: number, rounds: number): string {
  return pass.warmup ? `warm-up round ${pass.round}/${warmupRounds} (not measured)` : `round ${pass.round}/${rounds}`;
}
