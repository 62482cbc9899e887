import { isPresent } from '../cell';
import { recentHosting } from './hosting';
import type { ExcludedZoneOutcome } from './outcome';
import type { SelectionSettings } from './settings';
import type { SelectionSnapshot } from './snapshot';

function belowMinimum(zoneId: string, snapshot: SelectionSnapshot, minimums: SelectionSettings['minimums']): ExcludedZoneOutcome | null {
  for (const { indicator, value: minimum } of minimums) {
    const cell = snapshot.cells[zoneId]?.[indicator];
    if (!isPresent(cell)) {
      return {
        zoneId,
        reason: 'BELOW_MINIMUM',
        message: `${indicator} must be at least ${minimum}, but the zone has no figure (${cell?.note ?? 'missing'})`,
        indicators: [indicator],
      };
    }
    if (cell.value < minimum) {
      const bound = cell.qualifier === 'AT_LEAST' ? `is only known to be at least ${cell.value}` : `is ${cell.value}`;
      return { zoneId, reason: 'BELOW_MINIMUM', message: `${indicator} ${bound}, below the required minimum ${minimum}`, indicators: [indicator] };
    }
  }
  return null;
}

/**
 * Splits the snapshot's zones into candidates and exclusions, in this order of
 * checks: the zone's service failed; it hosted recently; it misses a minimum.
 */
export function screenCandidates(settings: SelectionSettings, snapshot: SelectionSnapshot): { candidates: string[]; excluded: ExcludedZoneOutcome[] } {
  const failures = new Map(snapshot.failures.map((f) => [f.zoneId, f]));
  const candidates: string[] = [];
  const excluded: ExcludedZoneOutcome[] = [];
  for (const { id } of snapshot.zones) {
    const failure = failures.get(id);
    if (failure) {
      excluded.push({ zoneId: id, reason: 'ZONE_UNAVAILABLE', message: failure.message, indicators: [] });
      continue;
    }
    const hosted = recentHosting(id, snapshot.hosting, settings);
    if (hosted) {
      excluded.push({ zoneId: id, reason: 'HOSTED_RECENTLY', message: hosted, indicators: [] });
      continue;
    }
    const below = belowMinimum(id, snapshot, settings.minimums);
    if (below) {
      excluded.push(below);
      continue;
    }
    candidates.push(id);
  }
  return { candidates, excluded };
}
