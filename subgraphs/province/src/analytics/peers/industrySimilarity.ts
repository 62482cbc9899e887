import type { ZoneIndustryProfile } from '../../zoneReader/zoneReader';
import { round4 } from '../cell';
import type { SimilarityPart } from './similarityPart';

/** A zone's industry profile, or why it could not be read. */
export type ProfileRead = { kind: 'read'; profile: ZoneIndustryProfile } | { kind: 'unavailable'; reason: string };

/**
 * The key an industry is counted under: the text before any parenthesised
 * detail, lower-cased, whitespace collapsed. "Logistics (freight park for
 * truck drivers)" and "logistics" count as the same industry.
 */
export function industryKey(industry: string): string {
  return industry.split(/[(（]/)[0].toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Enterprise records per industry key; records without an industry are left out. */
export function industryVector(profile: ZoneIndustryProfile): Map<string, number> {
  const vector = new Map<string, number>();
  for (const { industry, enterprises } of profile.industries) {
    const key = industryKey(industry);
    if (key !== '' && enterprises > 0) vector.set(key, (vector.get(key) ?? 0) + enterprises);
  }
  return vector;
}

/** cos(a, b) = Σₖ aₖ·bₖ / (‖a‖·‖b‖), for non-empty vectors of positive counts. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (const [key, value] of a) dot += value * (b.get(key) ?? 0);
  const norm = (v: ReadonlyMap<string, number>) => Math.sqrt([...v.values()].reduce((sum, x) => sum + x * x, 0));
  return Math.min(1, dot / (norm(a) * norm(b)));
}

function sampleNote(side: string, profile: ZoneIndustryProfile): string | null {
  return profile.totalCount > profile.enterprisesRead
    ? `${side}'s profile is a sample of ${profile.enterprisesRead} of ${profile.totalCount} enterprise records`
    : null;
}

/**
 * Industry-profile similarity: the cosine similarity of the two zones'
 * enterprise counts per industry key. Null when either profile could not be
 * read or has no enterprise record with an industry.
 */
export function industrySimilarity(learner: ProfileRead, peer: ProfileRead): SimilarityPart & { sharedIndustries: string[] } {
  const unavailable = (side: string, reason: string) => ({ value: null, note: `industry: ${side}'s profile is unavailable (${reason})`, sharedIndustries: [] });
  if (learner.kind === 'unavailable') return unavailable('the learner', learner.reason);
  if (peer.kind === 'unavailable') return unavailable('the peer', peer.reason);
  const a = industryVector(learner.profile);
  const b = industryVector(peer.profile);
  const empty = [a.size === 0 ? 'the learner' : null, b.size === 0 ? 'the peer' : null].filter((x): x is string => x !== null);
  if (empty.length > 0) return { value: null, note: `industry: no enterprise record of ${empty.join(' or ')} states an industry`, sharedIndustries: [] };
  const shared = [...a.keys()].filter((key) => b.has(key)).sort();
  const value = round4(cosine(a, b));
  const notes = [
    `industry: cosine ${value} over ${new Set([...a.keys(), ...b.keys()]).size} industries, ${shared.length} shared`,
    sampleNote('the learner', learner.profile),
    sampleNote('the peer', peer.profile),
  ].filter((n): n is string => n !== null);
  return { value, note: notes.join('; '), sharedIndustries: shared };
}
