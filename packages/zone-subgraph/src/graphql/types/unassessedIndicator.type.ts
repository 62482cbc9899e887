import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A computable indicator the zone could not compute from its records, and why.' })
export class UnassessedIndicator {
  @Field(() => String) code!: string;
  @Field(() => String) reason!: string;
}
