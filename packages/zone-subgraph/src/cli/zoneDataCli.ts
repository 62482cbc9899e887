import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openServiceDatabase } from '@devzone/database';
import { ValidationError } from '@devzone/errors';
import { envOptionalPort, envPostgresUrl, parseEnvironment, serviceDatabaseName } from '@devzone/subgraph-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { AppliedSeedRow, zoneEntities } from '../db/entities';
import { zoneMigrations } from '../db/migrations';
import { applySeedFile, planSeedApplication, type OriginSeed, type SeedApplication } from '../seed/applySeed';
import type { WritableZoneSeed } from '../seed/seedSchema';
import type { Change } from '../upkeep/changes';
import { loadSeedDir, type ZoneServiceDefinition } from '../service/zoneServiceDefinition';

export const ZONE_DATA_USAGE = `usage: pnpm zone-data <command> <service> [options]

  seed-status <service>               compares each seed file of the service with the content its zone last had
                                      applied (the start-up check, without recording anything)
  apply-seeds <service> [--dry-run]   applies the service's seed files: records the file changed, added or dropped
                                      since it was last applied are upserted or deleted, audited as seed:<file>;
                                      a file for a zone not stored yet is seeded whole. --dry-run lists the changes only.

  --seed-dir <dir>   the seed folder (default: the one the service's package under subgraphs/<service> declares)

The service's database, as the service itself reads it: DATABASE_URL; else <SERVICE>_DATABASE_URL (npm start's);
else the embedded server npm start runs, 127.0.0.1:EMBEDDED_PG_PORT (54320), database devzone_<service>.
Build first (npm start does): the command runs packages/zone-subgraph/dist/cli/zoneDataMain.js.`;

export interface ZoneDataCliIo {
  out(line: string): void;
  err(line: string): void;
}

class UsageError extends Error {}

const SERVICE_NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** The database the CLI works on: the service's own variables, else npm start's embedded server. */
export function zoneDataDatabaseUrl(service: string, env: NodeJS.ProcessEnv): string {
  const variable = `${service.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`;
  const config = parseEnvironment(
    z.object({ DATABASE_URL: envPostgresUrl, [variable]: envPostgresUrl, EMBEDDED_PG_PORT: envOptionalPort }) as z.ZodType<
      Record<string, string | number | undefined>
    >,
    env,
  );
  const explicit = config.DATABASE_URL ?? config[variable];
  if (typeof explicit === 'string') return explicit;
  return `postgres://postgres:postgres@127.0.0.1:${config.EMBEDDED_PG_PORT ?? 54320}/${serviceDatabaseName(service)}`;
}

/** The service's seed folder, from its package under subgraphs/ (built), unless given. */
function seedDirOf(service: string, given: string | undefined, cwd: string): string {
  if (given) return resolve(cwd, given);
  const launcher = resolve(cwd, 'subgraphs', service);
  if (!existsSync(resolve(launcher, 'package.json'))) throw new UsageError(`no zone service "${service}" under ${resolve(cwd, 'subgraphs')} (give --seed-dir)`);
  // The launcher package is this service's composition: its definition names the seed folder.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { definition } = require(launcher) as { definition?: ZoneServiceDefinition };
  if (!definition?.seedDir) throw new UsageError(`subgraphs/${service} exports no zone service definition (is it built?)`);
  return definition.seedDir;
}

const describeChange = (change: Change) => `  ${change.action} ${change.entity} ${change.naturalKey}`;

function counted(changes: readonly Change[]): string {
  const n = (action: string) => changes.filter((c) => c.action === action).length;
  return `${n('create')} created, ${n('update')} updated, ${n('delete')} deleted`;
}

/** `pnpm zone-data …`: returns the exit code. */
export async function runZoneDataCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: ZoneDataCliIo, cwd = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { 'dry-run': { type: 'boolean' }, 'seed-dir': { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${ZONE_DATA_USAGE}`);
    return 2;
  }
  const [command, service, ...extra] = parsed.positionals;
  try {
    if (command !== 'apply-seeds' && command !== 'seed-status') throw new UsageError(command ? `unknown command "${command}"` : 'a command is needed');
    if (!service || !SERVICE_NAME.test(service)) throw new UsageError('a zone service name is needed (yongkang, chengxi, jinjiang, anhui …)');
    if (extra.length > 0) throw new UsageError(`unexpected ${extra.join(' ')}`);
    const seeds = loadSeedDir(seedDirOf(service, parsed.values['seed-dir'], cwd)) as OriginSeed[];
    const url = zoneDataDatabaseUrl(service, env);
    const database = await openServiceDatabase({ url, entities: zoneEntities, migrations: zoneMigrations, poolSize: 2 }).catch((error: unknown) => {
      const where = new URL(url);
      throw new Error(
        `cannot open the database ${where.pathname.slice(1)} at ${where.host}: ${error instanceof Error ? error.message : String(error)} (is npm start, or the service's own embedded server, running? Otherwise set DATABASE_URL)`,
      );
    });
    try {
      if (command === 'seed-status') return await seedStatus(database.dataSource, seeds, service, io);
      return await applySeeds(database.dataSource, seeds, parsed.values['dry-run'] ?? false, io);
    } finally {
      await database.close();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${ZONE_DATA_USAGE}`);
      return 2;
    }
    if (error instanceof ValidationError) {
      io.err(error.message);
      return 1;
    }
    io.err(`zone-data ${command ?? ''} ${service ?? ''}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function seedStatus(dataSource: DataSource, seeds: readonly OriginSeed[], service: string, io: ZoneDataCliIo): Promise<number> {
  let differing = 0;
  for (const seed of seeds) {
    const where = `${seed.origin.fileName} (zone ${seed.zone.id})`;
    const stored = await dataSource.getRepository(AppliedSeedRow).findOneBy({ zoneId: seed.zone.id });
    const plan = await dataSource.transaction((manager) => planSeedApplication(manager, seed, (stored?.content as WritableZoneSeed | undefined) ?? null));
    if (plan.kind === 'new-zone') {
      differing += 1;
      io.out(`${where}: zone not stored yet; apply-seeds seeds it`);
    } else if (stored && stored.contentHash === seed.origin.contentHash) {
      io.out(`${where}: applied ${stored.appliedAt.toISOString()} (${stored.appliedBy})`);
    } else {
      differing += 1;
      const since = stored ? `CHANGED since applied ${stored.appliedAt.toISOString()}` : 'never recorded as applied';
      io.out(
        `${where}: ${since}; applying it would change ${plan.changes.length} record(s)${plan.problems.length > 0 ? `, but: ${plan.problems.join('; ')}` : ''}`,
      );
      plan.changes.forEach((change) => io.out(describeChange(change)));
    }
  }
  if (differing > 0) io.out(`Apply with: pnpm zone-data apply-seeds ${service}`);
  return 0;
}

async function applySeeds(dataSource: DataSource, seeds: readonly OriginSeed[], dryRun: boolean, io: ZoneDataCliIo): Promise<number> {
  let refused = 0;
  for (const seed of seeds) {
    const result: SeedApplication = await applySeedFile(dataSource, seed, { dryRun });
    const where = `${result.fileName} (zone ${result.zoneId})`;
    if (result.problems.length > 0) {
      refused += 1;
      io.err(`${where}: not applied, nothing written:`);
      result.problems.forEach((problem) => io.err(`  ${problem}`));
      continue;
    }
    if (result.kind === 'new-zone') {
      io.out(`${where}: a zone not stored yet: ${dryRun ? 'would be seeded' : 'seeded'}`);
      continue;
    }
    const verb = dryRun ? 'would apply' : 'applied';
    const summary = result.changes.length === 0 ? 'the zone already holds it' : counted(result.changes);
    io.out(`${where}: ${verb}: ${summary}${result.importId ? ` (audit import id ${result.importId}, actor seed:${result.fileName})` : ''}`);
    result.changes.forEach((change) => io.out(describeChange(change)));
  }
  return refused > 0 ? 1 : 0;
}
