#!/usr/bin/env node
// The README's two commands land here: `npm start` and `npm test` (pnpm start / pnpm test work too).
// Needs only Node 20+: pnpm is used when the pinned major is on PATH, otherwise fetched with npx.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...rest] = process.argv.slice(2);
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.replace(/^pnpm@/, '');

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim().split('.')[0] === pinned.split('.')[0]) return ['pnpm', []];
  return ['npx', ['-y', `pnpm@${pinned}`]];
}

function step(title, cmd, args, options) {
  console.log(`\n▶ ${title}`);
  const status = run(cmd, args, options);
  if (status !== 0) {
    console.error(`✖ ${title} failed (exit ${status})`);
    process.exit(status);
  }
}

const [pnpm, pnpmArgs] = pnpmCommand();
const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
step(`Installing dependencies (pnpm ${pinned})`, pnpm, [...pnpmArgs, 'install', ...frozen]);
step('Building (tsc -b)', pnpm, [...pnpmArgs, 'exec', 'tsc', '-b']);

// What users run is measured and served in production mode: graphql-js skips its development-only
// checks (instanceOf, 3-5 % of a province-wide read). Tests keep theirs: jest sets NODE_ENV=test.
const productionEnv = { ...process.env, NODE_ENV: process.env.NODE_ENV || 'production' };

if (command === 'start') {
  // The node options every service runs with (the stack runs them all in this one process), from the build just made.
  const { SERVICE_NODE_FLAGS } = await import(join(root, 'packages/service-shell/dist/nodeFlags.js'));
  process.exit(run(process.execPath, [...SERVICE_NODE_FLAGS, join(root, 'internal/stack/dist/main.js')], { env: productionEnv }));
} else if (command === 'test') {
  step('Type-checking the tests (tsconfig.tests.json)', pnpm, [...pnpmArgs, 'exec', 'tsc', '-p', 'tsconfig.tests.json']);
  step('Linting (typescript-eslint)', pnpm, [...pnpmArgs, 'exec', 'eslint', '.']);
  step('Checking the format (prettier; `pnpm format` fixes it)', pnpm, [...pnpmArgs, 'exec', 'prettier', '--check', '--log-level', 'warn', '**/*.{ts,mjs,js}']);
  const results = join(root, '.jest-results.json');
  rmSync(results, { force: true });
  console.log('\n▶ Running the test suite (jest)');
  const status = run(pnpm, [...pnpmArgs, 'exec', 'jest', '--json', `--outputFile=${results}`, ...rest]);
  if (!existsSync(results)) {
    console.log('0 passed, 1 failed');
    process.exit(status || 1);
  }
  const summary = JSON.parse(readFileSync(results, 'utf8'));
  const failedSuites = summary.numRuntimeErrorTestSuites ?? 0;
  const reasonsFile = join(root, '.jest-skip-reasons.json');
  const reasons = existsSync(reasonsFile) ? Object.entries(JSON.parse(readFileSync(reasonsFile, 'utf8'))) : [];
  const why = summary.numPendingTests > 0 && reasons.length > 0 ? ` (${reasons.map(([what, reason]) => `${what}: ${reason}`).join('; ')})` : '';
  console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests + failedSuites} failed, ${summary.numPendingTests} skipped${why}`);
  process.exit(status !== 0 || summary.numFailedTests + failedSuites > 0 ? status || 1 : 0);
} else if (command === 'bench') {
  process.exit(run(process.execPath, [join(root, 'internal/bench/dist/main.js'), ...rest], { env: productionEnv }));
} else {
  console.error(`usage: node scripts/run.mjs start|test|bench (got "${command ?? ''}")`);
  process.exit(2);
}
