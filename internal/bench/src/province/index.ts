import { processSuiteMain } from '../processSuiteMain';
import { runProvince } from './runProvince';
import { provinceSizes } from './sizes';

/**
 * `pnpm bench -- --suite=province [--quick]`: prints the machine, date, commit
 * and load average, then the province-scale table. Every process it started is
 * stopped and its temp folder removed at the end, on error and on Ctrl-C.
 * Resolves with the exit code.
 */
export function provinceMain(quick: boolean): Promise<number> {
  const sizes = provinceSizes(quick);
  const title = `# pnpm bench --suite=province (${sizes.mode}: ${sizes.rounds} round(s), zones ${sizes.zoneCounts.join('/')})`;
  return processSuiteMain('province', title, (onStarted) => runProvince(sizes, onStarted));
}
