import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { CountValue } from './countValue.type';
import { PartyOrganizationType } from './enums';
import { Provenance } from './provenance.type';

@Directive('@key(fields: "id")')
@ObjectType({ description: "A party organization in the zone's tree. `id` is `<zoneId>:<localId>`. Members are counted, never listed." })
export class PartyOrganization {
  @Field(() => ID) id!: string;
  @Field(() => ID) zoneId!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => PartyOrganizationType) type!: PartyOrganizationType;
  @Field(() => CountValue, { nullable: true }) memberCount!: CountValue | null;
  @Field(() => String, { nullable: true, description: 'Year or date founded, where a source states it.' }) foundedOn!: string | null;
  @Field(() => Int, { nullable: true, description: 'Star rating 1-5 (五星/四星/三星), where stated.' }) starRating!: number | null;
  @Field(() => String, { nullable: true, description: 'Party-building brand (一企一品).' }) brand!: string | null;
  @Field(() => Provenance) provenance!: Provenance;
  parentId!: string | null;
}
