/** Every size and budget of the side-by-side suite; each loop is bounded by these. */
export interface SideBySideSizes {
  mode: 'quick' | 'full';
  /** Rounds per cell; each round measures every cell once, interleaved, so that drift hits every column alike. */
  rounds: number;
  /** Rounds run before them as they are, their figures dropped: every process's request path warmed up (`roundPasses`). */
  warmupRounds: number;
  /** Closed-loop window per cell and round. */
  windowMs: number;
  maxRequests: number;
  /** Untimed requests before each window, per concurrency. */
  warmupRequests: (concurrency: number) => number;
  /** Zones of the province-wide shapes (synthetic, on 4 zone services). */
  zoneCounts: readonly number[];
  enterprisesPerZone: number;
}

export function sideBySideSizes(quick: boolean): SideBySideSizes {
  if (quick) {
    return {
      mode: 'quick',
      rounds: 1,
      warmupRounds: 0,
      windowMs: 700,
      maxRequests: 20_000,
      warmupRequests: (c) => c * 2,
      zoneCounts: [4],
      enterprisesPerZone: 20,
    };
  }
  return {
    mode: 'full',
    rounds: 5,
    warmupRounds: 1,
    windowMs: 2500,
    maxRequests: 500_000,
    warmupRequests: (c) => Math.max(10, c * 2),
    zoneCounts: [4, 40, 400],
    enterprisesPerZone: 100,
  };
}
