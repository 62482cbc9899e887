import { performance } from 'node:perf_hooks';
import { startStack } from '@devzone/stack';
import { generateZones } from '@devzone/synthetic';
import type { BenchPostgres } from './benchPostgres';
import { benchStackOf, type BenchStack } from './benchStack';
import { preseedService } from './preseed';
import { note } from './progress';
import { startProxiedStack } from './proxiedStack';
import { groupIntoServices } from './serviceGroups';
import { writeSyntheticDirectoryFile } from './syntheticDirectory';

export interface SyntheticStackOptions {
  zones: number;
  enterprisesPerZone: number;
  /** Zone services the zones are spread over. @default 4 */
  services?: number;
  /** Generator seed. @default 1 */
  seed?: number;
  /** When given, every zone service sits behind a delay proxy starting at these delays (ms, in service order). */
  delaysMs?: readonly number[];
}

export function syntheticLabel(options: SyntheticStackOptions): string {
  const services = Math.min(options.services ?? 4, options.zones);
  return `synthetic ${options.zones} zone(s) × ${options.enterprisesPerZone.toLocaleString('en-US')} enterprises on ${services} service(s)${options.delaysMs ? ', proxied' : ''}`;
}

/**
 * The real system over SYNTHETIC zones (packages/synthetic, stored with
 * synthetic = true): zone databases seeded first with progress, then the
 * zone services, the province (with a directory file listing the synthetic
 * zones) and the gateway.
 */
export async function startSyntheticStack(pg: BenchPostgres, tempDir: string, options: SyntheticStackOptions): Promise<BenchStack> {
  const label = syntheticLabel(options);
  note(`starting ${label}`);
  const seeds = generateZones({ zones: options.zones, enterprisesPerZone: options.enterprisesPerZone, seed: options.seed ?? 1, prefix: 'syn' });
  const groups = groupIntoServices(seeds, options.services ?? 4, 'synthetic', tempDir);
  const directoryFile = writeSyntheticDirectoryFile(tempDir, `synthetic-${options.zones}x${options.enterprisesPerZone}`, seeds);
  const databases = pg.forStack();
  try {
    const seedStart = performance.now();
    for (const group of groups) await preseedService(group.definition.name, await databases.databaseFor(group.definition.name), group.seeds ?? []);
    const seedMs = performance.now() - seedStart;
    const zoneIds = seeds.map((s) => s.zone.id);
    const system = options.delaysMs
      ? await startProxiedStack({ databaseFor: databases.databaseFor, zoneServices: groups, directoryFile, delaysMs: options.delaysMs })
      : await startStack({ databaseFor: databases.databaseFor, ports: 'free', zoneServices: groups, directoryFile });
    return benchStackOf(system, { label, zoneIds, seedMs }, databases.dropAll);
  } catch (error) {
    await databases.dropAll().catch(() => undefined);
    throw error;
  }
}
