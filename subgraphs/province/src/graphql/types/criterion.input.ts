import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, InputType } from 'type-graphql';
import { IndicatorDirection } from './catalogue.types';

@InputType({ description: 'One criterion of a ranking or comparison: an indicator of the catalogue, its weight and which way is better.' })
export class CriterionInput {
  @Field(() => String, { description: 'Indicator code (see indicatorCatalogue).' })
  @MaxLength(100)
  indicator!: string;

  @Field(() => Float, { nullable: true, description: 'Relative weight (any non-negative scale; normalised to sum 1). Default 1.' })
  @IsOptional()
  @Min(0)
  @Max(1_000_000)
  weight?: number;

  @Field(() => IndicatorDirection, {
    nullable: true,
    description: "BENEFIT or COST; defaults to the catalogue's direction, and is required for NEUTRAL indicators.",
  })
  @IsOptional()
  direction?: IndicatorDirection;

  @Field(() => Float, { nullable: true, description: 'Efficacy coefficient (功效系数法): the value scored 60 (不允许值).' })
  @IsOptional()
  unacceptable?: number;

  @Field(() => Float, { nullable: true, description: 'Efficacy coefficient (功效系数法): the value scored 100 (满意值).' })
  @IsOptional()
  satisfactory?: number;
}
