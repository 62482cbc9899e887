import { performance } from 'node:perf_hooks';

/** Progress goes to stderr, so that stdout holds the machine line and the tables only. */
export function note(line: string): void {
  process.stderr.write(`  … ${line}\n`);
}

export function secondsSince(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)}s`;
}

/** Calls `report` every `everyMs` until the returned function is called. */
export function every(everyMs: number, report: () => void): () => void {
  const timer = setInterval(report, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
