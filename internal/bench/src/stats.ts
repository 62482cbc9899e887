/** Summary of a set of latency samples, in milliseconds. Pure: no clock, no I/O. */
export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

/**
 * The p-th percentile (0..100) of ascending `sorted` values, interpolated
 * linearly between the two nearest ranks (the "R-7" / NumPy default).
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const position = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const below = sorted[lower]!;
  const above = sorted[upper]!;
  return below + (above - below) * (position - lower);
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { count: 0, mean: Number.NaN, p50: Number.NaN, p95: Number.NaN, min: Number.NaN, max: Number.NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    count: sorted.length,
    mean: total / sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}
