import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { describeMachine, renderMachine } from './machine';
import { note, secondsSince } from './progress';

/** What a suite of separate processes gives back once it has run. */
export interface ProcessSuiteRun {
  /** The tables and notes, ready to print. */
  readonly text: string;
  /** Load average (1 min) before and after, for the record. */
  readonly loadAverage: { readonly before: number; readonly after: number };
  readonly failed: boolean;
}

/**
 * Runs one suite of separate processes for `pnpm bench -- --suite=<name>`: prints `title`, the
 * machine, date, commit and load average, then the suite's tables. `run` hands back how to stop
 * every process it started, which Ctrl-C (and SIGTERM) calls. Resolves with the exit code.
 */
export async function processSuiteMain(
  name: string,
  title: string,
  run: (onStarted: (stop: () => Promise<void>) => void) => Promise<ProcessSuiteRun>,
): Promise<number> {
  const started = performance.now();
  console.log(`${title}\n`);
  console.log(renderMachine(describeMachine()));
  console.log(
    `load average (1/5/15 min) at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
  let stop: (() => Promise<void>) | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping every process of the ${name} suite ...`);
    void (stop?.() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const result = await run((stopAll) => (stop = stopAll));
    console.log(result.text);
    console.log(`\nload average (1 min): ${result.loadAverage.before.toFixed(2)} at start, ${result.loadAverage.after.toFixed(2)} at the end.`);
    console.log(`Total ${secondsSince(started)}${result.failed ? ', with failures (see above)' : ''}.`);
    return result.failed ? 1 : 0;
  } catch (error) {
    note(`${name} could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
