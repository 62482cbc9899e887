/** Every size of the hop suite; each loop is bounded by these. */
export interface HopSizes {
  mode: 'quick' | 'full';
  /** Rounds; each measures every column once, in turn, the order reversed every other round. */
  rounds: number;
  /** Rounds run before them as they are, their figures dropped (`roundPasses`). */
  warmupRounds: number;
  /** Closed-loop window per column and round, one request at a time. */
  windowMs: number;
  maxRequests: number;
  /** Untimed requests before each window. */
  warmupRequests: number;
}

export function hopSizes(quick: boolean): HopSizes {
  return quick
    ? { mode: 'quick', rounds: 1, warmupRounds: 0, windowMs: 700, maxRequests: 20_000, warmupRequests: 20 }
    : { mode: 'full', rounds: 8, warmupRounds: 1, windowMs: 3000, maxRequests: 100_000, warmupRequests: 200 };
}
