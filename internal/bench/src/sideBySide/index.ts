import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { describeMachine, renderMachine } from '../machine';
import { note, secondsSince } from '../progress';
import { runSideBySide } from './runSideBySide';
import { sideBySideSizes } from './sizes';

/**
 * `pnpm bench -- --suite=side-by-side [--quick]`: prints the machine, date,
 * commit and load average, then the side-by-side tables. Every process it
 * started is stopped and its temp folder removed at the end, on error and on
 * Ctrl-C. Resolves with the exit code.
 */
export async function sideBySideMain(quick: boolean): Promise<number> {
  const sizes = sideBySideSizes(quick);
  const started = performance.now();
  console.log(`# pnpm bench --suite=side-by-side (${sizes.mode}: ${sizes.rounds} round(s), ${sizes.windowMs / 1000} s windows)\n`);
  console.log(renderMachine(describeMachine()));
  console.log(
    `load average (1/5/15 min) at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
  let stop: (() => Promise<void>) | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping every process of the side-by-side suite ...`);
    void (stop?.() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const run = await runSideBySide(sizes, (stopAll) => (stop = stopAll));
    console.log(run.text);
    console.log(`\nload average (1 min): ${run.loadAverage.before.toFixed(2)} at start, ${run.loadAverage.after.toFixed(2)} at the end.`);
    console.log(`Total ${secondsSince(started)}${run.failed ? ', with failures (see above)' : ''}.`);
    return run.failed ? 1 : 0;
  } catch (error) {
    note(`side-by-side could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
