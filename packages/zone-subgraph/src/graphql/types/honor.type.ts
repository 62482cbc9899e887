import { Field, ID, Int, ObjectType } from 'type-graphql';
import { HonorLevel } from './enums';
import { Provenance } from './provenance.type';

@ObjectType({ description: 'A title held by the zone, an enterprise or a party organization (红旗支部, 双强六好, 清廉民企 ...).' })
export class Honor {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => HonorLevel) level!: HonorLevel;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => String, { nullable: true }) awardedBy!: string | null;
  @Field(() => Provenance) provenance!: Provenance;
  holderKind!: string;
  holderId!: string;
}
