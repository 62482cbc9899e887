import { processSuiteMain } from '../processSuiteMain';
import { runSideBySide } from './runSideBySide';
import { sideBySideSizes } from './sizes';

/**
 * `pnpm bench -- --suite=side-by-side [--quick]`: prints the machine, date,
 * commit and load average, then the side-by-side tables. Every process it
 * started is stopped and its temp folder removed at the end, on error and on
 * Ctrl-C. Resolves with the exit code.
 */
export function sideBySideMain(quick: boolean): Promise<number> {
  const sizes = sideBySideSizes(quick);
  const title = `# pnpm bench --suite=side-by-side (${sizes.mode}: ${sizes.rounds} round(s) after ${sizes.warmupRounds} warm-up round(s), ${sizes.windowMs / 1000} s windows)`;
  return processSuiteMain('side-by-side', title, (onStarted) => runSideBySide(sizes, onStarted));
}
