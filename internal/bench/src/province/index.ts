import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { describeMachine, renderMachine } from '../machine';
import { note, secondsSince } from '../progress';
import { runProvince } from './runProvince';
import { provinceSizes } from './sizes';

/**
 * `pnpm bench -- --suite=province [--quick]`: prints the machine, date, commit
 * and load average, then the province-scale table. Every process it started is
 * stopped and its temp folder removed at the end, on error and on Ctrl-C.
 * Resolves with the exit code.
 */
export async function provinceMain(quick: boolean): Promise<number> {
  const sizes = provinceSizes(quick);
  const started = performance.now();
  console.log(`# pnpm bench --suite=province (${sizes.mode}: ${sizes.rounds} round(s), zones ${sizes.zoneCounts.join('/')})\n`);
  console.log(renderMachine(describeMachine()));
  console.log(
    `load average (1/5/15 min) at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
  );
  let stop: (() => Promise<void>) | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping every process of the province suite ...`);
    void (stop?.() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const run = await runProvince(sizes, (stopAll) => (stop = stopAll));
    console.log(run.text);
    console.log(`\nload average (1 min): ${run.loadAverage.before.toFixed(2)} at start, ${run.loadAverage.after.toFixed(2)} at the end.`);
    console.log(`Total ${secondsSince(started)}${run.failed ? ', with failures (see above)' : ''}.`);
    return run.failed ? 1 : 0;
  } catch (error) {
    note(`province suite could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
