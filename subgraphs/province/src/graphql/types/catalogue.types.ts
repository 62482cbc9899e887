import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';

export enum IndicatorDirection {
  BENEFIT = 'BENEFIT',
  COST = 'COST',
  NEUTRAL = 'NEUTRAL',
}
registerEnumType(IndicatorDirection, {
  name: 'IndicatorDirection',
  description: 'BENEFIT: more is better. COST: less is better. NEUTRAL: descriptive (size, structure); a ranking must state a direction for it.',
});

@ObjectType({ description: 'How the province derives an indicator from other figures of the same zone.' })
export class IndicatorDerivation {
  @Field(() => String, { description: '`ratio` (numerator ÷ denominator × scale) or `growth` (year-on-year growth of `base` from two periods).' })
  kind!: string;
  @Field(() => String, { nullable: true, description: 'ratio only.' }) numerator!: string | null;
  @Field(() => String, { nullable: true, description: 'ratio only.' }) denominator!: string | null;
  @Field(() => Float, { nullable: true, description: 'ratio only.' }) scale!: number | null;
  @Field(() => String, { nullable: true, description: 'growth only: the indicator whose growth is computed.' }) base!: string | null;
  @Field(() => String) formula!: string;
}

@ObjectType({ description: 'An indicator of the catalogue: what a code means, its unit and which way is better.' })
export class IndicatorDefinition {
  @Field(() => String) code!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String) unit!: string;
  @Field(() => String) unitLabel!: string;
  @Field(() => IndicatorDirection) direction!: IndicatorDirection;
  @Field(() => String) definition!: string;
  @Field(() => IndicatorDerivation, { nullable: true, description: "Present for derived indicators, which the province computes from the zones' figures." })
  derivation!: IndicatorDerivation | null;
}
