import type { ProcessStack } from '@devzone/testkit';
import { describeExchange, exchange } from './exchange';
import type { Attempt } from './selectionWriter';

const LIST = 'query Runs($offset: Int!) { selectionRuns(first: 100, offset: $offset) { id title } }';
const ONE = 'query Run($id: ID!) { selectionRun(id: $id) { id title replayMatchesSaved result { selected { zone { id } } } } }';

export interface WriteReport {
  readonly acknowledged: number;
  readonly failed: number;
  /** Failed attempts that were stored all the same (the service finished after the gateway gave up). */
  readonly storedAfterFailure: number;
  readonly problems: string[];
}

interface StoredRun {
  id: string;
  title: string;
}

/**
 * Every acknowledged run is listed once under its title and reads back whole
 * (its result replays identically); a run whose write failed is either absent or
 * just as whole; no title is stored twice.
 */
export async function verifyAcknowledgedWrites(stack: ProcessStack, titlePrefix: string, attempts: readonly Attempt[]): Promise<WriteReport> {
  const stored = (await listRuns(stack)).filter((run) => run.title.startsWith(`${titlePrefix} `));
  const problems: string[] = [];
  const byTitle = new Map<string, StoredRun[]>();
  for (const run of stored) byTitle.set(run.title, [...(byTitle.get(run.title) ?? []), run]);
  for (const [title, runs] of byTitle) if (runs.length > 1) problems.push(`"${title}" is stored ${runs.length} times`);

  let storedAfterFailure = 0;
  for (const attempt of attempts) {
    const runs = byTitle.get(attempt.title) ?? [];
    if (attempt.id !== undefined) {
      if (!runs.some((run) => run.id === attempt.id)) problems.push(`acknowledged run ${attempt.id} ("${attempt.title}") is not listed`);
      problems.push(...(await wholeRunProblems(stack, attempt.id, attempt.title)));
    } else if (runs.length > 0) {
      storedAfterFailure += 1;
      for (const run of runs) problems.push(...(await wholeRunProblems(stack, run.id, attempt.title)));
    }
  }
  const known = new Set(attempts.map((attempt) => attempt.title));
  for (const run of stored) if (!known.has(run.title)) problems.push(`run "${run.title}" was never attempted`);
  const acknowledged = attempts.filter((attempt) => attempt.id !== undefined).length;
  return { acknowledged, failed: attempts.length - acknowledged, storedAfterFailure, problems };
}

async function listRuns(stack: ProcessStack): Promise<StoredRun[]> {
  const runs: StoredRun[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await exchange(stack.gatewayUrl, stack.credential, 'selectionRuns', LIST, { offset });
    const listed = (page.body.data as { selectionRuns?: StoredRun[] } | null | undefined)?.selectionRuns;
    if (!listed || page.body.errors) throw new Error(`listing saved runs failed: ${describeExchange(page)}`);
    runs.push(...listed);
    if (listed.length < 100) return runs;
  }
}

async function wholeRunProblems(stack: ProcessStack, id: string, title: string): Promise<string[]> {
  const read = await exchange(stack.gatewayUrl, stack.credential, 'selectionRun', ONE, { id });
  const run = (
    read.body.data as
      { selectionRun?: { id: string; title: string; replayMatchesSaved: boolean; result: { selected: unknown[] } | null } | null } | null | undefined
  )?.selectionRun;
  if (!run || read.body.errors) return [`run ${id} ("${title}") does not read back: ${describeExchange(read)}`];
  if (run.title !== title || !run.result || run.replayMatchesSaved !== true) return [`run ${id} ("${title}") is not whole: ${JSON.stringify(run)}`];
  return [];
}
