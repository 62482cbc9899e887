import type { StackZoneService } from '@devzone/stack';
import type { WritableZoneSeed } from '@devzone/zone-subgraph';

/**
 * Spreads zones over `services` zone services in contiguous blocks, as in
 * production where one service (anhui) hosts several zones. Service names are
 * `<prefix>-1`..`<prefix>-n`; `seedDir` is never read since seeds are given.
 */
export function groupIntoServices(seeds: readonly WritableZoneSeed[], services: number, prefix: string, seedDir: string): StackZoneService[] {
  const count = Math.max(1, Math.min(services, seeds.length));
  const perService = Math.ceil(seeds.length / count);
  return Array.from({ length: count }, (_, i) => ({
    definition: { name: `${prefix}-${i + 1}`, seedDir, defaultPort: 0 },
    seeds: seeds.slice(i * perService, (i + 1) * perService),
    synthetic: true,
  })).filter((s) => s.seeds.length > 0);
}
