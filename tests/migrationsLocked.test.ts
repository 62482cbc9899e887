import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * A migration that has been committed may already have run on a zone's, the province's or the
 * registry's database: editing it changes nothing there, only on databases created after, and
 * the two then differ in silence. So every committed migration's content is locked here by its
 * digest; a change goes into a new migration. Adding a migration means adding its line to the lock.
 */
const ROOT = join(__dirname, '..');
const LOCK_FILE = join(__dirname, 'migrations.lock.json');
const MIGRATION_DIRECTORIES = ['packages/zone-subgraph/src/db/migrations', 'subgraphs/province/src/db/migrations', 'packages/registry/src/runtime/migrations'];
const MIGRATION_FILE = /^\d{13}-[A-Za-z0-9]+\.ts$/;

function digestOf(path: string): string {
  // Line endings normalised: a checkout on Windows is the same migration.
  return createHash('sha256').update(readFileSync(path, 'utf8').replace(/\r\n/g, '\n')).digest('hex');
}

function currentMigrations(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const directory of MIGRATION_DIRECTORIES) {
    for (const name of readdirSync(join(ROOT, directory))
      .filter((n) => MIGRATION_FILE.test(n))
      .sort()) {
      const path = join(ROOT, directory, name);
      found[relative(ROOT, path)] = digestOf(path);
    }
  }
  return found;
}

/** What differs between the lock and the migrations on disk, one sentence each. */
function lockProblems(locked: Readonly<Record<string, string>>, current: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const [path, digest] of Object.entries(locked)) {
    if (!(path in current)) problems.push(`${path} is locked but gone: a database that ran it keeps its changes; undo them in a new migration instead`);
    else if (current[path] !== digest)
      problems.push(`${path} changed after it was committed: databases that ran it never see the change; put the change in a new migration`);
  }
  for (const [path, digest] of Object.entries(current)) {
    if (!(path in locked)) problems.push(`${path} is new: add "${path}": "${digest}" to tests/migrations.lock.json`);
  }
  return problems;
}

describe('committed migrations', () => {
  it('are unchanged, and every migration is in the lock', () => {
    const locked = JSON.parse(readFileSync(LOCK_FILE, 'utf8')) as Record<string, string>;
    expect(lockProblems(locked, currentMigrations())).toEqual([]);
  });

  it('finds the migrations of every database', () => {
    const paths = Object.keys(currentMigrations());
    for (const directory of MIGRATION_DIRECTORIES) expect(paths.some((p) => p.startsWith(directory))).toBe(true);
  });

  it.each<[string, Record<string, string>, Record<string, string>, string]>([
    ['an edited migration', { 'm/1-A.ts': 'aa' }, { 'm/1-A.ts': 'bb' }, 'm/1-A.ts changed after it was committed'],
    ['a deleted migration', { 'm/1-A.ts': 'aa' }, {}, 'm/1-A.ts is locked but gone'],
    ['a migration not yet locked', {}, { 'm/2-B.ts': 'cc' }, 'm/2-B.ts is new: add "m/2-B.ts": "cc"'],
  ])('names %s', (_label, locked, current, start) => {
    const problems = lockProblems(locked, current);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});
