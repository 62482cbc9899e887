import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  /** Requests in flight at any time. */
  concurrency: number;
  /** No request is started after this many milliseconds. */
  durationMs: number;
  /** Nor after this many requests in total. */
  maxRequests: number;
  /** Untimed requests before the window opens, run at the same concurrency. */
  warmupRequests: number;
  /** Called as the timed window opens and once its last request has answered (to read other processes' CPU). */
  window?: { opened(): void; closed(): void };
}

export interface LoadResult {
  completed: number;
  failed: number;
  /** Wall time from the first start to the last completion. */
  elapsedMs: number;
  /** Completed requests per second over elapsedMs. */
  throughput: number;
  latencies: number[];
  /** CPU time this Node process used during the window (gateway, province, zone services and the load loop all run in it), per completed request. */
  nodeCpuMsPerRequest: number;
  /** That CPU time over the window's wall time: 100 means one core busy all along (Node runs JavaScript on one thread). */
  nodeCpuPercent: number;
  firstError?: string;
}

/**
 * A closed-loop load: `concurrency` workers each send the next request as soon
 * as their previous one answers, until the time or request budget is spent.
 * `task(i)` gets the request number (for varying offsets and the like).
 */
export async function runLoad(task: (i: number) => Promise<unknown>, options: LoadOptions): Promise<LoadResult> {
  let warmupNext = 0;
  const warmWorker = async () => {
    while (warmupNext < options.warmupRequests) await task(warmupNext++);
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, Math.max(options.warmupRequests, 1)) }, warmWorker));

  const latencies: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  let next = 0;
  options.window?.opened();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + options.durationMs;
  const worker = async () => {
    while (next < options.maxRequests && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await task(i);
        latencies.push(performance.now() - t0);
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  options.window?.closed();
  return {
    completed: latencies.length,
    failed,
    elapsedMs,
    throughput: (latencies.length / elapsedMs) * 1000,
    latencies,
    nodeCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length),
    nodeCpuPercent: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
    ...(firstError ? { firstError } : {}),
  };
}
