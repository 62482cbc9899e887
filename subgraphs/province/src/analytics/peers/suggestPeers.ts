import type { Cell } from '../cell';
import type { ResolvedCriterion } from '../criteria';
import { missingCell } from '../selectFigure';
import { criterionGap, type CriterionGap } from './criterionGap';
import type { ProfileRead } from './industrySimilarity';
import { zoneSimilarity, type Similarity } from './similarity';
import { presentValue, round4 } from '../cell';

/** Everything the suggestion needs, already read: no I/O happens past this point. */
export interface PeerAnalysisInput {
  learnerId: string;
  /** Zones in scope, in scope order; the learner is skipped if listed. */
  candidateIds: readonly string[];
  criteria: readonly ResolvedCriterion[];
  /** cells[zoneId][code] for every criterion and size code. */
  cells: Readonly<Record<string, Readonly<Record<string, Cell>>>>;
  /** Industry profile of every zone (learner included), or why it is missing. */
  profiles: Readonly<Record<string, ProfileRead>>;
  /** Zones whose figures could not be read, with the reason. */
  unavailable: ReadonlyMap<string, string>;
  /** How many peers to suggest. */
  limit: number;
}

export type ExclusionReason = 'ZONE_UNAVAILABLE' | 'MISSING_FIGURES' | 'NOT_STRONGER' | 'NO_SIMILARITY_DATA' | 'NOT_SIMILAR' | 'BELOW_LIMIT';

export interface RankedPeer {
  zoneId: string;
  rank: number;
  /** similarity × strongerShare. */
  score: number;
  similarity: Similarity & { value: number };
  strongerOn: number;
  /** Weight of the criteria the peer is stronger on ÷ weight of all criteria. */
  strongerShare: number;
  /** Σ wᵢ · gapᵢ / rangeᵢ over the criteria compared (wᵢ normalised): how far ahead overall; breaks ties of score. */
  lead: number;
  /** One per criterion, in the order asked, with the criterion's normalised weight. */
  gaps: WeightedGap[];
}

export type WeightedGap = CriterionGap & { weight: number };

export interface PeerExclusion {
  zoneId: string;
  reason: ExclusionReason;
  note: string;
}

export interface PeerSuggestionOutcome {
  peers: RankedPeer[];
  /** Every considered zone that is not in `peers`, with the reason. */
  notSuggested: PeerExclusion[];
  /** Zones in scope other than the learner: peers.length + notSuggested.length. */
  consideredZones: number;
}

const cellOf = (input: PeerAnalysisInput, zoneId: string, code: string): Cell => input.cells[zoneId]?.[code] ?? missingCell(zoneId, code, 'not read');

const unavailableProfile = (zoneId: string): ProfileRead => ({ kind: 'unavailable', reason: `no industry profile was read for "${zoneId}"` });

/** Criterion weights normalised to sum 1; when every weight is 0, criteria count equally. */
export function normalisedWeights(criteria: readonly ResolvedCriterion[]): number[] {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return criteria.map((c) => (total > 0 ? c.weight / total : 1 / criteria.length));
}

/**
 * The range of each criterion: the largest |value| among the zones analysed
 * (learner and candidates). Dividing a gap by it makes criteria of different
 * units comparable; 0 when every value is 0 or missing.
 */
export function criterionRanges(input: PeerAnalysisInput, zoneIds: readonly string[]): number[] {
  return input.criteria.map((criterion) =>
    zoneIds.reduce((range, zoneId) => {
      const value = presentValue(input.cells[zoneId]?.[criterion.indicator]);
      return value === null ? range : Math.max(range, Math.abs(value));
    }, 0),
  );
}

/**
 * Orders suggested peers: score descending, then lead descending, then
 * similarity descending, then zone id (code-point order). A peer at least as
 * good on every criterion and otherwise identical never ranks below.
 */
export function comparePeers(a: Omit<RankedPeer, 'rank'>, b: Omit<RankedPeer, 'rank'>): number {
  return b.score - a.score || b.lead - a.lead || b.similarity.value - a.similarity.value || (a.zoneId < b.zoneId ? -1 : a.zoneId > b.zoneId ? 1 : 0);
}

/**
 * Which zones the learner should visit (观摩交流): zones similar to it that
 * are stronger on at least one criterion, best first.
 *
 *   strongerShare = Σ wᵢ·[peer stronger on i] / Σ wᵢ   (weights normalised; missing figures count as not stronger)
 *   score         = similarity × strongerShare
 *   lead          = Σ wᵢ · gapᵢ / rangeᵢ over the criteria compared (rangeᵢ: largest |value| of criterion i among the zones analysed)
 *   order         = score ↓, lead ↓, similarity ↓, zone id ↑
 *
 * A zone is not suggested, in this order of checks, when its figures could not
 * be read (ZONE_UNAVAILABLE), no criterion has figures on both sides
 * (MISSING_FIGURES), it is stronger on none (NOT_STRONGER), its similarity
 * cannot be measured (NO_SIMILARITY_DATA) or is 0 (NOT_SIMILAR), or it ranks
 * past `limit` (BELOW_LIMIT). The learner is never suggested.
 */
export function suggestPeers(input: PeerAnalysisInput): PeerSuggestionOutcome {
  const weights = normalisedWeights(input.criteria);
  const candidates = [...new Set(input.candidateIds)].filter((id) => id !== input.learnerId);
  const learnerCells = input.cells[input.learnerId] ?? {};
  const learnerProfile = input.profiles[input.learnerId] ?? unavailableProfile(input.learnerId);
  const learnerDown = input.unavailable.get(input.learnerId);
  const ranges = criterionRanges(
    input,
    [input.learnerId, ...candidates].filter((id) => !input.unavailable.has(id)),
  );
  const excluded: PeerExclusion[] = [];
  const eligible: Omit<RankedPeer, 'rank'>[] = [];

  for (const zoneId of candidates) {
    const down = input.unavailable.get(zoneId);
    if (down !== undefined) {
      excluded.push({ zoneId, reason: 'ZONE_UNAVAILABLE', note: down });
      continue;
    }
    const gaps: WeightedGap[] = input.criteria.map((criterion, i) => ({
      ...criterionGap(criterion, cellOf(input, input.learnerId, criterion.indicator), cellOf(input, zoneId, criterion.indicator)),
      weight: weights[i],
    }));
    const compared = gaps.filter((g) => g.peerIsStronger !== null).length;
    if (compared === 0) {
      const note =
        learnerDown !== undefined
          ? `the learner's figures are unavailable: ${learnerDown}`
          : `no criterion has a figure on both sides: ${gaps.map((g) => `${g.criterion.indicator} ${g.note ?? ''}`).join('; ')}`;
      excluded.push({ zoneId, reason: 'MISSING_FIGURES', note });
      continue;
    }
    const strongerOn = gaps.filter((g) => g.peerIsStronger === true).length;
    if (strongerOn === 0) {
      excluded.push({
        zoneId,
        reason: 'NOT_STRONGER',
        note: `not stronger on any of the ${compared} criteria compared${compared < gaps.length ? ` (${gaps.length - compared} not compared: figures missing)` : ''}`,
      });
      continue;
    }
    const similarity = zoneSimilarity(
      { profile: learnerProfile, cells: learnerCells },
      { profile: input.profiles[zoneId] ?? unavailableProfile(zoneId), cells: input.cells[zoneId] ?? {} },
    );
    if (similarity.value === null) {
      excluded.push({
        zoneId,
        reason: 'NO_SIMILARITY_DATA',
        note: `stronger on ${strongerOn} criteria, but similarity cannot be measured: ${similarity.note}`,
      });
      continue;
    }
    if (similarity.value === 0) {
      excluded.push({ zoneId, reason: 'NOT_SIMILAR', note: `stronger on ${strongerOn} criteria, but similarity is 0: ${similarity.note}` });
      continue;
    }
    const strongerShare = round4(gaps.reduce((sum, g) => sum + (g.peerIsStronger === true ? g.weight : 0), 0));
    // Not rounded: it separates peers whose scores tie, however small the difference.
    const lead = gaps.reduce((sum, g, i) => sum + (g.gap === null || ranges[i] === 0 ? 0 : (g.weight * g.gap) / ranges[i]), 0);
    eligible.push({
      zoneId,
      score: round4(similarity.value * strongerShare),
      similarity: { ...similarity, value: similarity.value },
      strongerOn,
      strongerShare,
      lead,
      gaps,
    });
  }

  const ranked = eligible.sort(comparePeers).map((peer, i) => ({ ...peer, rank: i + 1 }));
  const limit = Math.max(0, input.limit);
  const beyond = ranked.slice(limit).map((peer) => ({
    zoneId: peer.zoneId,
    reason: 'BELOW_LIMIT' as const,
    note: `stronger on ${peer.strongerOn} of ${peer.gaps.length} criteria with score ${peer.score}, but ranked ${peer.rank}, past the limit of ${limit}`,
  }));
  return { peers: ranked.slice(0, limit), notSuggested: [...excluded, ...beyond], consideredZones: candidates.length };
}

/** The formulas above in words, returned with every answer so analysts can quote them. */
export const PEER_METHOD =
  'industrySimilarity = cosine of enterprise counts per industry (industry text lower-cased, parenthesised detail dropped; records without an industry left out). ' +
  'sizeSimilarity = mean over enterprise.count and party_org.count (those both zones have) of max(0, 1 − |ln(a/b)| / ln 10). ' +
  'similarity = mean of the available parts. strongerShare = Σ weight of criteria where the peer is better (gap > 0) / Σ weight. ' +
  'score = similarity × strongerShare; order: score desc, lead desc, similarity desc, zone id asc; ' +
  'lead = Σ normalised weight × gap / range over the criteria compared (range = largest |value| of the criterion among the zones analysed). ' +
  'gap = peer − own (BENEFIT) or own − peer (COST), positive when the peer is better.';
