import type { DataSource } from 'typeorm';
import { AppliedSeedRow } from '../db/entities';
import { planSeedApplication, recordAppliedSeed, type OriginSeed } from './applySeed';
import { seedActor } from './seedOrigin';
import type { WritableZoneSeed } from './seedSchema';

/**
 * How a seed file stands against what its zone holds:
 * - `applied`: this file's content is the one last applied (or was just seeded);
 * - `recorded`: no content had been recorded for the zone (stored before seed drift
 *   was kept) and the zone holds exactly what the file says: recorded now;
 * - `changed`: the file changed since it was applied; it is NOT applied;
 * - `unrecorded`: no content was recorded and the zone differs from the file.
 */
export type SeedDriftState = 'applied' | 'recorded' | 'changed' | 'unrecorded';

export interface SeedDrift {
  readonly zoneId: string;
  readonly fileName: string;
  readonly state: SeedDriftState;
  /** When the recorded content was applied (`changed`). */
  readonly appliedAt: Date | null;
  /** Records that applying the file would change (`unrecorded`). */
  readonly differences: number | null;
}

/** The command that applies a service's changed seed files (docs/zone-data.md). */
export const applySeedsCommand = (service: string) => `pnpm zone-data apply-seeds ${service}`;

/** The warning a zone service prints at start for a seed file it does not apply, or null when there is nothing to say. */
export function seedDriftWarning(drift: SeedDrift, service: string): string | null {
  const where = `seed file ${drift.fileName} of zone "${drift.zoneId}" (service "${service}")`;
  const apply = `Apply it with: ${applySeedsCommand(service)} (docs/zone-data.md, "Seed files")`;
  if (drift.state === 'changed')
    return `WARNING: ${where} has changed since it was applied on ${drift.appliedAt?.toISOString() ?? '?'}; the zone still holds the earlier content. ${apply}`;
  if (drift.state === 'unrecorded')
    return `WARNING: ${where} differs from what the zone holds (${drift.differences} record(s)) and was never recorded as applied. ${apply}`;
  return null;
}

const hasOrigin = (seed: WritableZoneSeed): seed is OriginSeed => seed.origin !== undefined;

/**
 * Compares each seed file (read from disk) whose zone is stored with the
 * content last applied to it. Changes nothing, except recording a file as
 * applied when its zone was stored before applied content was kept and holds
 * exactly what the file says.
 */
export async function checkSeedDrift(dataSource: DataSource, seeds: readonly WritableZoneSeed[]): Promise<SeedDrift[]> {
  const fromFiles = seeds.filter(hasOrigin);
  if (fromFiles.length === 0) return [];
  const recorded = new Map(
    (await dataSource.getRepository(AppliedSeedRow).find({ select: { zoneId: true, contentHash: true, appliedAt: true } })).map(
      (row) => [row.zoneId, row] as const,
    ),
  );
  const drifts: SeedDrift[] = [];
  for (const seed of fromFiles) {
    const zoneId = seed.zone.id;
    const base = { zoneId, fileName: seed.origin.fileName, appliedAt: null, differences: null };
    const stored = recorded.get(zoneId);
    if (stored) {
      drifts.push(stored.contentHash === seed.origin.contentHash ? { ...base, state: 'applied' } : { ...base, state: 'changed', appliedAt: stored.appliedAt });
      continue;
    }
    const drift = await dataSource.transaction(async (manager): Promise<SeedDrift | null> => {
      const plan = await planSeedApplication(manager, seed, null);
      if (plan.kind === 'new-zone') return null;
      if (plan.changes.length > 0 || plan.problems.length > 0) return { ...base, state: 'unrecorded', differences: plan.changes.length };
      await recordAppliedSeed(manager, seed, `${seedActor(seed.origin)} (recorded: the zone held it)`);
      return { ...base, state: 'recorded' };
    });
    if (drift) drifts.push(drift);
  }
  return drifts;
}
