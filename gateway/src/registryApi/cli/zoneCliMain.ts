import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runZoneCli, zoneCliEnvironment } from './zoneCli';

/** `pnpm zone …`: the registry's CLI for deploy pipelines (docs/zone-systems.md). */
void runZoneCli(process.argv.slice(2), zoneCliEnvironment(process.env, resolve(process.cwd(), '.data/dev-credential')), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
}).then((status) => {
  process.exitCode = status;
});
