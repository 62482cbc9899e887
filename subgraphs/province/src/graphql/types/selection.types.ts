import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { SelectionRunData } from '../../analytics/selection/selectionService';
import { IndicatorDefinition, IndicatorDirection } from './catalogue.types';
import { ZoneFailure, Zone } from './directory.types';
import { FigureCell, ValueSource } from './figure.types';
import { ImputationRule, MissingValuePolicyKind, NormalizationKind, RankingMethod, WeightingKind } from './selection.inputs';

export enum ExclusionReason {
  ZONE_UNAVAILABLE = 'ZONE_UNAVAILABLE',
  HOSTED_RECENTLY = 'HOSTED_RECENTLY',
  BELOW_MINIMUM = 'BELOW_MINIMUM',
  MISSING_VALUE = 'MISSING_VALUE',
}
registerEnumType(ExclusionReason, {
  name: 'ExclusionReason',
  description:
    'ZONE_UNAVAILABLE: its service failed. HOSTED_RECENTLY: hosted an on-site meeting within the excluded years. BELOW_MINIMUM: misses a required minimum. MISSING_VALUE: lacks a criterion under the EXCLUDE policy.',
});

export enum ZoneStanding {
  RANKED = 'RANKED',
  ZONE_UNAVAILABLE = 'ZONE_UNAVAILABLE',
  HOSTED_RECENTLY = 'HOSTED_RECENTLY',
  BELOW_MINIMUM = 'BELOW_MINIMUM',
  MISSING_VALUE = 'MISSING_VALUE',
  NOT_A_CANDIDATE = 'NOT_A_CANDIDATE',
}
registerEnumType(ZoneStanding, { name: 'ZoneStanding', description: 'Where a zone stood in a run: ranked, excluded (and why), or not in the candidate set.' });

@ObjectType({ description: 'A criterion of a preset, with the dimension it stands for and why it is there.' })
export class PresetCriterion {
  @Field(() => String) indicator!: string;
  @Field(() => IndicatorDefinition, { nullable: true, description: 'Null only if the code left the catalogue after the preset was stored.' })
  definition!: IndicatorDefinition | null;
  @Field(() => Float) weight!: number;
  @Field(() => IndicatorDirection) direction!: IndicatorDirection;
  @Field(() => Float, { nullable: true }) unacceptable!: number | null;
  @Field(() => Float, { nullable: true }) satisfactory!: number | null;
  @Field(() => String, { description: 'e.g. 代表性 representativeness, 先进性 advancement, 示范性 demonstration value.' }) dimension!: string;
  @Field(() => String) justification!: string;
}

@ObjectType({ description: 'A named, stored set of selection settings with its justification.' })
export class BenchmarkPreset {
  @Field(() => ID) code!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String) purpose!: string;
  @Field(() => String) justification!: string;
  @Field(() => [PresetCriterion]) criteria!: PresetCriterion[];
  @Field(() => RankingMethod) method!: RankingMethod;
  @Field(() => NormalizationKind) normalization!: NormalizationKind;
  @Field(() => WeightingKind) weighting!: WeightingKind;
  @Field(() => MissingValuePolicyKind) missing!: MissingValuePolicyKind;
  @Field(() => ImputationRule, { nullable: true }) imputationRule!: ImputationRule | null;
  @Field(() => Int, { nullable: true }) excludeHostedWithinYears!: number | null;
  @Field(() => Boolean) countAnnouncedMeetings!: boolean;
  @Field(() => ValueSource) source!: ValueSource;
  @Field(() => Int) top!: number;
}

@ObjectType()
export class CriterionSetting {
  @Field(() => String) indicator!: string;
  @Field(() => Float, { description: 'As given (before normalisation to sum 1).' }) weight!: number;
  @Field(() => IndicatorDirection) direction!: IndicatorDirection;
  @Field(() => Float, { nullable: true }) unacceptable!: number | null;
  @Field(() => Float, { nullable: true }) satisfactory!: number | null;
}

@ObjectType()
export class MinimumSetting {
  @Field(() => String) indicator!: string;
  @Field(() => Float) value!: number;
}

@ObjectType({ description: 'Every setting a selection ran with (preset, overrides and defaults resolved): enough to reproduce it.' })
export class SelectionSettingsView {
  @Field(() => String, { nullable: true }) preset!: string | null;
  @Field(() => [ID], { nullable: true }) zoneIds!: string[] | null;
  @Field(() => [String], { nullable: true }) provinces!: string[] | null;
  @Field(() => [CriterionSetting]) criteria!: CriterionSetting[];
  @Field(() => RankingMethod) method!: RankingMethod;
  @Field(() => NormalizationKind) normalization!: NormalizationKind;
  @Field(() => WeightingKind) weighting!: WeightingKind;
  @Field(() => [[Float]], { nullable: true }) ahpMatrix!: number[][] | null;
  @Field(() => Float, { nullable: true }) blendAlpha!: number | null;
  @Field(() => MissingValuePolicyKind) missing!: MissingValuePolicyKind;
  @Field(() => ImputationRule, { nullable: true }) imputationRule!: ImputationRule | null;
  @Field(() => Int, { nullable: true }) excludeHostedWithinYears!: number | null;
  @Field(() => Int) asOfYear!: number;
  @Field(() => Boolean) countAnnouncedMeetings!: boolean;
  @Field(() => [MinimumSetting]) minimums!: MinimumSetting[];
  @Field(() => Float, { nullable: true }) perturbationDelta!: number | null;
  @Field(() => Int, { nullable: true }) monteCarloDraws!: number | null;
  @Field(() => Int) seed!: number;
  @Field(() => Boolean) dethrone!: boolean;
  @Field(() => ValueSource) source!: ValueSource;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether figures computed over NAMED_ONLY records were used. Null for runs saved before this setting existed: those used computed figures whatever records they were computed over.',
  })
  computedOverNamedOnly!: boolean | null;
  @Field(() => String, { nullable: true }) period!: string | null;
  @Field(() => Int) top!: number;
}

@ObjectType({ description: "One criterion's part of a zone's score; the contributions add up to the score." })
export class CriterionContribution {
  @Field(() => String) indicator!: string;
  @Field(() => Float, { description: 'The value scored (imputed when `imputed`).' }) raw!: number;
  @Field(() => Float, { description: 'Normalised, benefit-oriented (larger is better).' }) normalized!: number;
  @Field(() => Float, { description: 'Final weight (weights sum to 1).' }) weight!: number;
  @Field(() => Float) contribution!: number;
  @Field(() => Boolean) imputed!: boolean;
  @Field(() => FigureCell, { description: 'The figure used, with unit, precision and provenance (MISSING when imputed).' }) figure!: FigureCell;
}

@ObjectType()
export class RankedSite {
  @Field(() => Zone) zone!: Zone;
  @Field(() => Int, { description: 'Competition rank (1, 2, 2, 4).' }) rank!: number;
  @Field(() => Float) score!: number;
  @Field(() => Boolean, { description: 'Among the top `top` ranks: a benchmark site.' }) selected!: boolean;
  @Field(() => [CriterionContribution]) breakdown!: CriterionContribution[];
  @Field(() => [String]) imputedIndicators!: string[];
  @Field(() => [Float], { nullable: true, description: 'Monte Carlo: share of weight draws in which the zone took rank 1, 2, ...' }) rankAcceptability!:
    number[] | null;
  @Field(() => Float, { nullable: true }) probabilityFirst!: number | null;
  @Field(() => Float, { nullable: true }) meanRank!: number | null;
}

@ObjectType()
export class ExcludedSite {
  @Field(() => Zone) zone!: Zone;
  @Field(() => ExclusionReason) reason!: ExclusionReason;
  @Field(() => String) message!: string;
  @Field(() => [String], { description: 'The indicators behind the exclusion, if any.' }) indicators!: string[];
}

@ObjectType()
export class CriterionWeight {
  @Field(() => String) indicator!: string;
  @Field(() => Float, { description: 'Final weight (sum 1).' }) weight!: number;
  @Field(() => Float, { nullable: true, description: 'Given or AHP weight (normalised).' }) subjectiveWeight!: number | null;
  @Field(() => Float, { nullable: true, description: 'Entropy weight (熵权法), for ENTROPY and BLEND.' }) entropyWeight!: number | null;
}

@ObjectType({ description: 'A criterion no candidate has a figure for: left out, the other weights renormalised.' })
export class UnassessableCriterion {
  @Field(() => String) indicator!: string;
  @Field(() => String) reason!: string;
}

@ObjectType()
export class RankChange {
  @Field(() => Zone) zone!: Zone;
  @Field(() => Int) baseRank!: number;
  @Field(() => Int) newRank!: number;
}

@ObjectType({ description: "One criterion's weight moved by ±delta (others renormalised) and the ranks that changed." })
export class WeightPerturbation {
  @Field(() => String) indicator!: string;
  @Field(() => String, { description: 'increase or decrease' }) direction!: string;
  @Field(() => Float) originalWeight!: number;
  @Field(() => Float) newWeight!: number;
  @Field(() => [RankChange]) rankChanges!: RankChange[];
}

@ObjectType({ description: "The smallest change of one criterion's weight (others rescaled) that puts another zone first." })
export class DethroneFinding {
  @Field(() => Zone) winner!: Zone;
  @Field(() => String) indicator!: string;
  @Field(() => Float) originalWeight!: number;
  @Field(() => Float) newWeight!: number;
  @Field(() => Float) delta!: number;
  @Field(() => Zone) newLeader!: Zone;
}

@ObjectType()
export class SelectionRobustness {
  @Field(() => Float, { nullable: true }) perturbationDelta!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'True when no ±delta perturbation changed any rank.' }) stable!: boolean | null;
  @Field(() => [WeightPerturbation]) perturbations!: WeightPerturbation[];
  @Field(() => Int, { nullable: true }) monteCarloDraws!: number | null;
  @Field(() => Int, { nullable: true }) monteCarloSeed!: number | null;
  @Field(() => DethroneFinding, { nullable: true }) dethrone!: DethroneFinding | null;
  @Field(() => [String]) notes!: string[];
}

@ObjectType({ description: 'A benchmark-site selection: ranked candidates with per-criterion breakdown and robustness, and the excluded ones with reasons.' })
export class BenchmarkSelection {
  @Field(() => SelectionSettingsView) settings!: SelectionSettingsView;
  @Field(() => String, { description: 'When the figures were read (ISO 8601).' }) dataTakenAt!: string;
  @Field(() => String) engineVersion!: string;
  @Field(() => [RankedSite]) ranked!: RankedSite[];
  @Field(() => [RankedSite], { description: 'The benchmark sites: ranked within `top`.' }) selected!: RankedSite[];
  @Field(() => [ExcludedSite]) excluded!: ExcludedSite[];
  @Field(() => [CriterionWeight]) weights!: CriterionWeight[];
  @Field(() => [UnassessableCriterion]) unassessableCriteria!: UnassessableCriterion[];
  @Field(() => Float, { nullable: true, description: 'AHP consistency ratio (refused above 0.1).' }) consistencyRatio!: number | null;
  @Field(() => SelectionRobustness) robustness!: SelectionRobustness;
  @Field(() => [ZoneFailure], { description: 'Zones whose service failed: excluded as ZONE_UNAVAILABLE, never dropped.' }) failedZones!: ZoneFailure[];
}

@ObjectType()
export class StandingMove {
  @Field(() => Zone) zone!: Zone;
  @Field(() => ZoneStanding) savedStanding!: ZoneStanding;
  @Field(() => Int, { nullable: true }) savedRank!: number | null;
  @Field(() => Float, { nullable: true }) savedScore!: number | null;
  @Field(() => ZoneStanding) currentStanding!: ZoneStanding;
  @Field(() => Int, { nullable: true }) currentRank!: number | null;
  @Field(() => Float, { nullable: true }) currentScore!: number | null;
}

@ObjectType()
export class FigureChange {
  @Field(() => Zone) zone!: Zone;
  @Field(() => String) indicator!: string;
  @Field(() => FigureCell, { nullable: true }) saved!: FigureCell | null;
  @Field(() => FigureCell, { nullable: true }) current!: FigureCell | null;
}

@ObjectType({ description: "The saved run's settings on today's data, and what moved." })
export class SelectionRerun {
  @Field(() => BenchmarkSelection) result!: BenchmarkSelection;
  @Field(() => Boolean) selectionChanged!: boolean;
  @Field(() => [Zone]) savedSelected!: Zone[];
  @Field(() => [Zone]) currentSelected!: Zone[];
  @Field(() => [StandingMove], { description: 'Zones whose standing, rank or score moved.' }) moves!: StandingMove[];
  @Field(() => [FigureChange], { description: 'Figures whose value, status, precision or source changed.' }) figureChanges!: FigureChange[];
}

@ObjectType({ description: 'A saved selection run: settings, the exact figures used (with provenance) and the result.' })
export class SelectionRun {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'ISO 8601.' }) createdAt!: string;
  @Field(() => String, {
    description: "Who saved it (the credential's subject, e.g. `key:3f9c0a7e51d2b846`); `legacy` for runs saved before owners were recorded.",
  })
  createdBy!: string;
  @Field(() => BenchmarkSelection, { description: 'The result as saved.' }) result!: BenchmarkSelection;
  /** The stored run, for the field resolvers that replay or re-run it. */
  stored!: SelectionRunData;
}
