import type { SampleOptions } from '../sample';

/** Every size and budget of the province suite; each loop is bounded by these. */
export interface ProvinceSizes {
  mode: 'quick' | 'full';
  /** Rounds per shape; each round measures every shape once, interleaved, so that drift hits every shape alike. */
  rounds: number;
  /** Synthetic zones of each system, spread over 4 zone services. */
  zoneCounts: readonly number[];
  enterprisesPerZone: number;
  /** One request at a time, per shape and round. */
  sequential: SampleOptions;
  /** The closed loop: requests in flight, window, request budget and untimed warm-up, per shape and round. */
  concurrency: number;
  windowMs: number;
  maxRequests: number;
  warmupRequests: number;
}

export function provinceSizes(quick: boolean): ProvinceSizes {
  if (quick) {
    return {
      mode: 'quick',
      rounds: 1,
      zoneCounts: [4, 40],
      enterprisesPerZone: 100,
      sequential: { warmup: 2, iterations: 15, maxMs: 1500 },
      concurrency: 16,
      windowMs: 1500,
      maxRequests: 20_000,
      warmupRequests: 16,
    };
  }
  return {
    mode: 'full',
    rounds: 3,
    zoneCounts: [4, 40, 400],
    enterprisesPerZone: 100,
    sequential: { warmup: 3, iterations: 30, maxMs: 6000 },
    concurrency: 16,
    windowMs: 5000,
    maxRequests: 200_000,
    warmupRequests: 32,
  };
}
