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
