import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderGeneratedFiles, REPOSITORY_ROOT } from './generatedFiles';

/** `pnpm generate`: writes every generated file; `--check` only lists the stale ones (exit 1 when any). */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const file of await renderGeneratedFiles()) {
    const target = join(REPOSITORY_ROOT, file.path);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
    if (current === file.content) continue;
    stale.push(file.path);
    if (!check) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
  }
  if (check && stale.length > 0) {
    console.error(`stale generated files (run pnpm generate):\n${stale.map((p) => `- ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(stale.length === 0 ? 'generated files are up to date' : `wrote ${stale.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
