import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { PeerSuggestionOutcome, WeightedGap } from '../../analytics/peers/suggestPeers';
import type { ZoneReadFailure } from '../../zoneReader/zoneReader';
import { IndicatorDirection } from './catalogue.types';
import { CriterionInput } from './criterion.input';
import { Zone, ZoneFailure } from './directory.types';
import { FigureCell, toFigureCell, ValueSource } from './figure.types';

@ArgsType()
export class PeerSuggestionsArgs {
  @Field(() => ID, { description: 'The zone that wants to learn (the learner). It is never suggested to itself.' })
  @MaxLength(100)
  zoneId!: string;

  @Field(() => [CriterionInput], {
    description: 'What the learner wants to learn about: indicators, weights and which way is better. Bounds (unacceptable/satisfactory) are not used here.',
  })
  @ArrayMaxSize(30)
  @ValidateNested()
  criteria!: CriterionInput[];

  @Field(() => [String], { nullable: true, description: 'Province codes to look for peers in; every province when omitted.' })
  @IsOptional()
  @ArrayMaxSize(50)
  provinces?: string[];

  @Field(() => Int, { defaultValue: 3, description: 'How many peers to suggest, 1 to 20.' })
  @Min(1)
  @Max(20)
  limit = 3;

  @Field(() => ValueSource, { defaultValue: ValueSource.PREFER_REPORTED, description: 'Which figures the criteria and size figures use.' })
  source: ValueSource = ValueSource.PREFER_REPORTED;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Also use figures computed over NAMED_ONLY records (only what the sources name) for criteria and size figures. Off by default; when on, the cells say so.',
  })
  computedOverNamedOnly = false;

  @Field(() => String, {
    nullable: true,
    description: 'Use reported figures whose period starts with this (e.g. "2022"); the latest otherwise. Applies to criteria and size figures.',
  })
  @IsOptional()
  @MaxLength(21)
  period?: string;
}

export enum PeerExclusionReason {
  ZONE_UNAVAILABLE = 'ZONE_UNAVAILABLE',
  MISSING_FIGURES = 'MISSING_FIGURES',
  NOT_STRONGER = 'NOT_STRONGER',
  NO_SIMILARITY_DATA = 'NO_SIMILARITY_DATA',
  NOT_SIMILAR = 'NOT_SIMILAR',
  BELOW_LIMIT = 'BELOW_LIMIT',
}
registerEnumType(PeerExclusionReason, {
  name: 'PeerExclusionReason',
  description:
    'Why a zone in scope is not suggested. ZONE_UNAVAILABLE: its figures could not be read (see failedZones). MISSING_FIGURES: no criterion has a figure on both sides. NOT_STRONGER: stronger on none of the criteria compared. NO_SIMILARITY_DATA: neither industry profile nor size can be compared. NOT_SIMILAR: similarity is 0 (no industry in common, sizes 10 times apart or more). BELOW_LIMIT: a valid peer ranked past `limit`.',
});

@ObjectType({ description: 'How a peer compares with the learner on one criterion.' })
export class PeerCriterionGap {
  @Field(() => String, { description: 'Indicator code of the criterion.' }) indicator!: string;
  @Field(() => IndicatorDirection, { description: 'Which way is better for this criterion (BENEFIT or COST).' }) direction!: IndicatorDirection;
  @Field(() => Float, { description: "The criterion's weight, normalised so the weights sum to 1." }) weight!: number;
  @Field(() => FigureCell, { description: "The learner's figure." }) own!: FigureCell;
  @Field(() => FigureCell, { description: "The peer's figure." }) peer!: FigureCell;
  @Field(() => Float, {
    nullable: true,
    description: 'peer − own for BENEFIT, own − peer for COST: positive means the peer is better. Null when either figure is missing.',
  })
  gap!: number | null;
  @Field(() => Float, { nullable: true, description: 'gap ÷ |own|. Null when own is 0 or either figure is missing.' }) relativeGap!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'gap > 0. Null when either figure is missing.' }) peerIsStronger!: boolean | null;
  @Field(() => String, { nullable: true, description: 'Caveats: a missing figure, inexact figures (AT_LEAST, ABOUT), different periods or kinds.' }) note!:
    string | null;
}

@ObjectType({ description: 'A zone the learner could visit: similar to it and stronger on at least one criterion.' })
export class PeerSuggestion {
  @Field(() => Int, { description: '1 for the best suggestion.' }) rank!: number;
  @Field(() => Zone, { description: 'The suggested peer.' }) zone!: Zone;
  @Field(() => Float, { description: 'similarity × strongerShare; peers are ordered by score ↓, lead ↓, similarity ↓, zone id ↑.' }) score!: number;
  @Field(() => Float, { description: 'Overall similarity in [0, 1]: the mean of industrySimilarity and sizeSimilarity, of those available.' })
  similarity!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Cosine similarity of enterprise counts per industry (from enterprise records); null when a side has no industry data.',
  })
  industrySimilarity!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean over enterprise.count and party_org.count (those both zones have) of max(0, 1 − |ln(a/b)| ÷ ln 10); null when they share none.',
  })
  sizeSimilarity!: number | null;
  @Field(() => [String], { description: 'Industries (normalised: lower case, parenthesised detail dropped) both zones have enterprises in.' })
  sharedIndustries!: string[];
  @Field(() => String, { description: 'How each similarity part was computed, or why it is missing; says when an industry profile is a sample.' })
  similarityNote!: string;
  @Field(() => Int, { description: 'Number of criteria the peer is stronger on.' }) strongerOn!: number;
  @Field(() => Float, { description: 'Weight of the criteria the peer is stronger on ÷ weight of all criteria (missing figures count as not stronger).' })
  strongerShare!: number;
  @Field(() => Float, {
    description:
      'Σ weight × gap ÷ range over the criteria compared (range: the largest |value| of the criterion among the zones analysed): how far ahead overall, positive when ahead; breaks ties of score.',
  })
  lead!: number;
  @Field(() => [PeerCriterionGap], { description: 'One entry per criterion, in the order asked.' }) gaps!: PeerCriterionGap[];
}

@ObjectType({ description: 'A zone in scope that is not suggested, and why.' })
export class PeerExclusion {
  @Field(() => Zone, { description: 'The zone left out.' }) zone!: Zone;
  @Field(() => PeerExclusionReason, { description: 'Why it is not suggested.' }) reason!: PeerExclusionReason;
  @Field(() => String, { description: 'Details: the failure, the missing figures or the rank reached.' }) note!: string;
}

@ObjectType({
  description: 'Peer learning (观摩交流, 先进带动后进): zones similar to the learner that are stronger on the chosen criteria, with the gap on each.',
})
export class PeerSuggestions {
  @Field(() => Zone, { description: 'The learner.' }) zone!: Zone;
  @Field(() => [PeerSuggestion], { description: 'Suggested peers, best first (at most `limit`).' }) peers!: PeerSuggestion[];
  @Field(() => Int, { description: 'Zones in scope other than the learner: every one is either in `peers` or in `notSuggested`.' }) consideredZones!: number;
  @Field(() => [PeerExclusion], { description: 'Zones in scope not suggested, with the reason: in scope order, then those past the limit in rank order.' })
  notSuggested!: PeerExclusion[];
  @Field(() => [ZoneFailure], { description: 'Zones (the learner included) whose figures or industry profile could not be read; never dropped silently.' })
  failedZones!: ZoneFailure[];
  @Field(() => String, { description: 'The similarity and score formulas used, in words.' }) method!: string;
}

/** GraphQL objects of a suggestion outcome; zones are looked up in the directory rows given. */
export function toPeerSuggestions(
  learner: Zone,
  outcome: PeerSuggestionOutcome,
  zoneById: ReadonlyMap<string, Zone>,
  failures: readonly ZoneReadFailure[],
  method: string,
): PeerSuggestions {
  const zone = (id: string) => zoneById.get(id) ?? Object.assign(new Zone(), { id });
  return Object.assign(new PeerSuggestions(), {
    zone: learner,
    peers: outcome.peers.map((peer) =>
      Object.assign(new PeerSuggestion(), {
        rank: peer.rank,
        zone: zone(peer.zoneId),
        score: peer.score,
        similarity: peer.similarity.value,
        industrySimilarity: peer.similarity.industry,
        sizeSimilarity: peer.similarity.size,
        sharedIndustries: peer.similarity.sharedIndustries,
        similarityNote: peer.similarity.note,
        strongerOn: peer.strongerOn,
        strongerShare: peer.strongerShare,
        lead: peer.lead,
        gaps: peer.gaps.map(toPeerCriterionGap),
      }),
    ),
    consideredZones: outcome.consideredZones,
    notSuggested: outcome.notSuggested.map((e) =>
      Object.assign(new PeerExclusion(), { zone: zone(e.zoneId), reason: e.reason as PeerExclusionReason, note: e.note }),
    ),
    failedZones: failures.map((f) => Object.assign(new ZoneFailure(), { zoneId: f.zoneId, service: f.service, message: f.message })),
    method,
  });
}

function toPeerCriterionGap(gap: WeightedGap): PeerCriterionGap {
  return Object.assign(new PeerCriterionGap(), {
    indicator: gap.criterion.indicator,
    direction: gap.criterion.direction === 'cost' ? IndicatorDirection.COST : IndicatorDirection.BENEFIT,
    weight: gap.weight,
    own: toFigureCell(gap.own),
    peer: toFigureCell(gap.peer),
    gap: gap.gap,
    relativeGap: gap.relativeGap,
    peerIsStronger: gap.peerIsStronger,
    note: gap.note,
  });
}
