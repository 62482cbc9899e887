import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A development zone as its zone service knows it. Directory facts (name,
 * province, city) come from the province subgraph, so a zone whose service is
 * down still shows who it is. Every field contributed here is nullable.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Zone {
  @Field(() => ID) id!: string;
}
