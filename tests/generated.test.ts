/**
 * The committed schemas (each subgraph's schema.graphql, the supergraph and its
 * API schema) and the generated operation types match what the sources give
 * today. When this fails, run `pnpm generate` and commit the result: a schema
 * change is then visible in review.
 *
 * The generator runs as its own process (the codegen plugins are ES modules,
 * which jest's CommonJS runtime cannot load), built first so it sees today's sources.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

it('has no stale generated file (else run `pnpm generate` and commit)', () => {
  const build = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'internal/codegen']);
  expect(build).toEqual({ status: 0, output: '' });
  const check = run(process.execPath, [join(ROOT, 'internal/codegen/dist/main.js'), '--check']);
  expect(check.output.trim()).toBe('generated files are up to date');
  expect(check.status).toBe(0);
}, 120_000);
