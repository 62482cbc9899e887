import { performance } from 'node:perf_hooks';

export interface SampleOptions {
  /** Untimed runs first (JIT, connection pools, prepared plans). */
  warmup: number;
  /** At most this many timed runs ... */
  iterations: number;
  /** ... and stop starting new ones after this many milliseconds. */
  maxMs: number;
}

/** Runs `task` one at a time and returns each run's duration in milliseconds. */
export async function sampleSequential(task: () => Promise<unknown>, options: SampleOptions): Promise<number[]> {
  for (let i = 0; i < options.warmup; i += 1) await task();
  const samples: number[] = [];
  const deadline = performance.now() + options.maxMs;
  while (samples.length < options.iterations && performance.now() < deadline) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return samples;
}
