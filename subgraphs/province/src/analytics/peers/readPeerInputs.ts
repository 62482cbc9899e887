import type { ZoneReader, ZoneReadFailure } from '../../zoneReader/zoneReader';
import type { ScopedZones } from '../candidateZones';
import type { ValuePolicy } from '../cell';
import type { ResolvedCriterion } from '../criteria';
import { readZoneCells } from '../readZoneCells';
import type { ProfileRead } from './industrySimilarity';
import { SIZE_CODES } from './sizeSimilarity';
import type { PeerAnalysisInput } from './suggestPeers';

export type PeerReads = Pick<PeerAnalysisInput, 'cells' | 'profiles' | 'unavailable'> & {
  /** One per zone that failed either read (figures first), none dropped. */
  failures: ZoneReadFailure[];
};

/**
 * The one I/O step of peer suggestions: the figures (criteria and size codes)
 * and the industry profiles of every zone in `zones` (learner included), read
 * through the zone reader in one gateway query, i.e. one round trip per zone
 * service. Zones no service hosts are reported as failures.
 */
export async function readPeerInputs(reader: ZoneReader, zones: ScopedZones, criteria: readonly ResolvedCriterion[], policy: ValuePolicy): Promise<PeerReads> {
  const codes = [...new Set([...criteria.map((c) => c.indicator), ...SIZE_CODES])];
  const table = await readZoneCells(reader, zones, codes, policy, { industryProfiles: true });

  const profiles: Record<string, ProfileRead> = {};
  for (const failure of table.failures) profiles[failure.zoneId] = { kind: 'unavailable', reason: failure.message };
  for (const profile of table.profiles ?? []) profiles[profile.zoneId] = { kind: 'read', profile };

  return {
    cells: table.cells,
    profiles,
    unavailable: new Map(table.failures.map((f) => [f.zoneId, f.message])),
    failures: table.failures,
  };
}
