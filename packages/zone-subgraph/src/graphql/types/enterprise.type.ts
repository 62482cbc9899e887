import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CountValue } from './countValue.type';
import { EnterpriseFlag } from './enums';
import { Provenance } from './provenance.type';

@ObjectType()
export class Patents {
  @Field(() => Int) invention!: number;
  @Field(() => Int) utility!: number;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A non-public enterprise (非公企业) in a zone. `id` is `<zoneId>:<localId>`.' })
export class Enterprise {
  @Field(() => ID) id!: string;
  @Field(() => ID) zoneId!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => String, { nullable: true }) nameEn!: string | null;
  @Field(() => String, { nullable: true, description: '统一社会信用代码, where a source gives it.' }) creditCode!: string | null;
  @Field(() => String, { nullable: true }) industry!: string | null;
  @Field(() => [EnterpriseFlag]) flags!: EnterpriseFlag[];
  @Field(() => CountValue, { nullable: true }) employees!: CountValue | null;
  @Field(() => Float, { nullable: true, description: 'Output value, 万元.' }) outputValue!: number | null;
  @Field(() => Float, { nullable: true, description: 'Tax paid, 万元.' }) tax!: number | null;
  @Field(() => Patents, { nullable: true }) patents!: Patents | null;
  @Field(() => Provenance) provenance!: Provenance;
}
