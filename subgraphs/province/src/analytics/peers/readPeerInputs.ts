import type { FigureReadOptions, ZoneIndustryProfile, ZoneReader, ZoneReadFailure } from '../../zoneReader/zoneReader';
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
 * service. Zones no service hosts are reported as failures. `read.provenanceText`:
 * whether the figures' texts are read (the answer shows them).
 */
/**
 * An industry profile is a set of shares over the zone's enterprise records: over
 * records that only name what an article mentions it says nothing of the zone,
 * so, like any computed share, it is used only when the analysis opts in.
 */
export function profileRead(profile: ZoneIndustryProfile, policy: ValuePolicy): ProfileRead {
  if (profile.enterpriseRecords !== 'NAMED_ONLY' || policy.computedOverNamedOnly) return { kind: 'read', profile };
  return {
    kind: 'unavailable',
    reason: `not assessable: its ${profile.enterprisesRead} enterprise records are only those its sources name, not the zone's register (computedOverNamedOnly uses them)`,
  };
}

export async function readPeerInputs(
  reader: ZoneReader,
  zones: ScopedZones,
  criteria: readonly ResolvedCriterion[],
  policy: ValuePolicy,
  read: Pick<FigureReadOptions, 'provenanceText'> = {},
): Promise<PeerReads> {
  const codes = [...new Set([...criteria.map((c) => c.indicator), ...SIZE_CODES])];
  const table = await readZoneCells(reader, zones, codes, policy, { industryProfiles: true, ...read });

  const profiles: Record<string, ProfileRead> = {};
  for (const failure of table.failures) profiles[failure.zoneId] = { kind: 'unavailable', reason: failure.message };
  for (const profile of table.profiles ?? []) profiles[profile.zoneId] = profileRead(profile, policy);

  return {
    cells: table.cells,
    profiles,
    unavailable: new Map(table.failures.map((f) => [f.zoneId, f.message])),
    failures: table.failures,
  };
}
