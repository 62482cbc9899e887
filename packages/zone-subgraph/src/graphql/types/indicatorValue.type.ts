import { Field, Float, ObjectType } from 'type-graphql';
import { Qualifier } from './enums';
import { Provenance } from './provenance.type';

@ObjectType({ description: 'One figure: a value of an indicator for a zone and period, with unit, precision and provenance.' })
export class IndicatorValue {
  @Field(() => String) code!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { description: 'Unit code (count, person, percent, cny_100m, ...).' }) unit!: string;
  @Field(() => String, { description: 'Unit as written in Chinese (个, 人, %, 亿元 ...).' }) unitLabel!: string;
  @Field(() => String, { description: 'YYYY, YYYY-MM, YYYY-MM-DD or START/END.' }) period!: string;
  @Field(() => String, { nullable: true, description: 'How the period was established.' }) periodBasis!: string | null;
  @Field(() => Float) value!: number;
  @Field(() => Qualifier) qualifier!: Qualifier;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The part of the zone a figure entered by a zone system is about (an alliance, a demonstration belt); null for the whole zone.',
  })
  scope!: string | null;
  @Field(() => Provenance) provenance!: Provenance;
}
