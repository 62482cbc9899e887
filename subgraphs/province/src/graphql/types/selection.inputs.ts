import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { CriterionInput } from './criterion.input';
import { ValueSource } from './figure.types';

export enum RankingMethod {
  WEIGHTED_SUM = 'WEIGHTED_SUM',
  TOPSIS = 'TOPSIS',
}
registerEnumType(RankingMethod, {
  name: 'RankingMethod',
  description: 'WEIGHTED_SUM: Σ weight × normalised value. TOPSIS: closeness to the ideal, D⁻ ÷ (D⁺ + D⁻).',
});

export enum NormalizationKind {
  MIN_MAX = 'MIN_MAX',
  VECTOR = 'VECTOR',
  Z_SCORE = 'Z_SCORE',
  EFFICACY = 'EFFICACY',
}
registerEnumType(NormalizationKind, {
  name: 'NormalizationKind',
  description:
    'MIN_MAX, VECTOR (Euclidean), Z_SCORE, or EFFICACY (功效系数法: 60 at `unacceptable`, 100 at `satisfactory`, fixed bounds, so adding a zone never reorders the others).',
});

export enum WeightingKind {
  GIVEN = 'GIVEN',
  ENTROPY = 'ENTROPY',
  AHP = 'AHP',
  BLEND = 'BLEND',
}
registerEnumType(WeightingKind, {
  name: 'WeightingKind',
  description:
    "GIVEN: the criteria's weights. ENTROPY: 熵权法 from the data. AHP: from a pairwise-comparison matrix (refused when its consistency ratio exceeds 0.1). BLEND: blendAlpha × subjective (GIVEN, or AHP when a matrix is given) + (1 − blendAlpha) × entropy.",
});

export enum MissingValuePolicyKind {
  EXCLUDE = 'EXCLUDE',
  IMPUTE = 'IMPUTE',
}
registerEnumType(MissingValuePolicyKind, {
  name: 'MissingValuePolicyKind',
  description: 'EXCLUDE: a zone lacking a criterion is excluded with the reason. IMPUTE: the value is imputed by `rule` and reported.',
});

export enum ImputationRule {
  MIN = 'MIN',
  MEAN = 'MEAN',
  MEDIAN = 'MEDIAN',
  WORST = 'WORST',
}
registerEnumType(ImputationRule, {
  name: 'ImputationRule',
  description: "Imputed from the other candidates' observed values. WORST: the least favourable (min for benefit, max for cost criteria).",
});

@InputType({ description: 'How criterion weights are obtained.' })
export class WeightingInput {
  @Field(() => WeightingKind) kind!: WeightingKind;

  @Field(() => [[Float]], {
    nullable: true,
    description: 'AHP pairwise-comparison matrix, rows and columns in criteria order (a_ij = importance of i over j, a_ji = 1/a_ij).',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  ahpMatrix?: number[][];

  @Field(() => Float, { nullable: true, description: 'BLEND: share of the subjective weights, 0 to 1. Default 0.5.' })
  @IsOptional()
  @Min(0)
  @Max(1)
  blendAlpha?: number;
}

@InputType()
export class MissingValueInput {
  @Field(() => MissingValuePolicyKind) policy!: MissingValuePolicyKind;
  @Field(() => ImputationRule, { nullable: true, description: 'IMPUTE only. Default WORST.' }) @IsOptional() rule?: ImputationRule;
}

@InputType({ description: 'A zone must have at least this value of an indicator to be a candidate.' })
export class MinimumInput {
  @Field(() => String) @MaxLength(100) indicator!: string;
  @Field(() => Float) value!: number;
}

@InputType()
export class SelectionConstraintsInput {
  @Field(() => Int, {
    nullable: true,
    description: "Exclude zones that hosted a provincial on-site meeting in the last N years up to asOfYear; 0 turns a preset's rule off.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  excludeHostedWithinYears?: number;

  @Field(() => Int, { nullable: true, description: 'The year the hosting rule counts back from. Default: the current year.' })
  @IsOptional()
  @IsInt()
  @Min(1949)
  @Max(2100)
  asOfYear?: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether a meeting announced but not confirmed as held counts as hosting. Default true.' })
  @IsOptional()
  countAnnouncedMeetings?: boolean;

  @Field(() => [MinimumInput], { nullable: true }) @IsOptional() @ArrayMaxSize(30) @ValidateNested() minimums?: MinimumInput[];
}

@InputType()
export class RobustnessInput {
  @Field(() => Float, { nullable: true, description: 'One-at-a-time weight perturbation ±delta (others renormalised). Default 0.05; 0 turns it off.' })
  @IsOptional()
  @Min(0)
  @Max(0.5)
  perturbationDelta?: number;

  @Field(() => Int, { nullable: true, description: 'Monte Carlo weight draws around the weights. Default 1000; 0 turns it off.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20000)
  monteCarloDraws?: number;

  @Field(() => Int, { nullable: true, description: 'Seed of the Monte Carlo draws (same seed, same figures). Default 1.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2 ** 31 - 1)
  seed?: number;

  @Field(() => Boolean, { nullable: true, description: 'Search the smallest single weight change that dethrones the winner. Default true.' })
  @IsOptional()
  dethrone?: boolean;
}

@InputType({ description: "A benchmark-site selection. A preset supplies defaults; every field given here overrides it (criteria replace the preset's list)." })
export class BenchmarkSelectionInput {
  @Field(() => String, { nullable: true, description: 'Preset code (see benchmarkPresets).' }) @IsOptional() @MaxLength(60) preset?: string;
  @Field(() => [ID], { nullable: true, description: 'Candidates: only these zones.' }) @IsOptional() @ArrayMaxSize(1000) zoneIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Candidates: zones of these provinces. Default every zone.' })
  @IsOptional()
  @ArrayMaxSize(40)
  provinces?: string[];
  @Field(() => [CriterionInput], { nullable: true, description: 'Required without a preset.' })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested()
  criteria?: CriterionInput[];
  @Field(() => RankingMethod, { nullable: true, description: 'Default WEIGHTED_SUM.' }) @IsOptional() method?: RankingMethod;
  @Field(() => NormalizationKind, { nullable: true, description: 'Default MIN_MAX (VECTOR for TOPSIS).' }) @IsOptional() normalization?: NormalizationKind;
  @Field(() => WeightingInput, { nullable: true, description: 'Default GIVEN.' }) @IsOptional() @ValidateNested() weighting?: WeightingInput;
  @Field(() => MissingValueInput, { nullable: true, description: 'Default EXCLUDE.' }) @IsOptional() @ValidateNested() missing?: MissingValueInput;
  @Field(() => SelectionConstraintsInput, { nullable: true }) @IsOptional() @ValidateNested() constraints?: SelectionConstraintsInput;
  @Field(() => RobustnessInput, { nullable: true }) @IsOptional() @ValidateNested() robustness?: RobustnessInput;
  @Field(() => ValueSource, { nullable: true, description: 'Default PREFER_REPORTED.' }) @IsOptional() source?: ValueSource;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Also use figures computed over NAMED_ONLY records (only what the sources name, not the whole zone). Default false: such figures describe the named records, not the zone. When on, the cells used say so (note, provenance.recordCompleteness).',
  })
  @IsOptional()
  computedOverNamedOnly?: boolean;
  @Field(() => String, { nullable: true, description: 'Keep figures whose period starts with this (e.g. "2020"); else each zone\'s latest.' })
  @IsOptional()
  @MaxLength(20)
  period?: string;
  @Field(() => Int, { nullable: true, description: 'How many top-ranked zones are selected. Default 1.' }) @IsOptional() @IsInt() @Min(1) @Max(50) top?: number;
}
