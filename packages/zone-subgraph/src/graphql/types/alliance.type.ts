import { Field, ID, ObjectType } from 'type-graphql';
import { Provenance } from './provenance.type';

@ObjectType({ description: 'A party-building alliance (党建联盟) inside one zone.' })
export class Alliance {
  @Field(() => ID) id!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Provenance) provenance!: Provenance;
}
