import { Field, Float, ID, ObjectType } from 'type-graphql';
import { StationKind } from './enums';
import { Provenance } from './provenance.type';

@ObjectType({ description: 'A service station: 红色驿站, 党群服务中心, guidance station, neighbourhood centre.' })
export class ServiceStation {
  @Field(() => ID) id!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => StationKind) kind!: StationKind;
  @Field(() => Float, { nullable: true }) areaSqm!: number | null;
  @Field(() => Provenance) provenance!: Provenance;
  hostEnterpriseId!: string | null;
}
