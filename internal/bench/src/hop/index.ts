import { processSuiteMain } from '../processSuiteMain';
import { runHop } from './runHop';
import { hopSizes } from './sizes';

/** `pnpm bench -- --suite=hop [--quick]`: the machine, date, commit and load average, then the hop table. Resolves with the exit code. */
export function hopMain(quick: boolean): Promise<number> {
  const sizes = hopSizes(quick);
  return processSuiteMain(
    'hop',
    `# pnpm bench --suite=hop (${sizes.mode}: ${sizes.rounds} round(s) after ${sizes.warmupRounds} warm-up round(s), ${sizes.windowMs / 1000} s windows)`,
    (onStarted) => runHop(sizes, onStarted),
  );
}
