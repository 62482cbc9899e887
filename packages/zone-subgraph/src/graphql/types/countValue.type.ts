import { Field, Int, ObjectType } from 'type-graphql';
import { Qualifier } from './enums';

@ObjectType({ description: 'A count with its precision (2000余名 is AT_LEAST 2000).' })
export class CountValue {
  @Field(() => Int) value!: number;
  @Field(() => Qualifier) qualifier!: Qualifier;
}

export function countValue(value: number | null, qualifier: string | null): CountValue | null {
  if (value === null) return null;
  return Object.assign(new CountValue(), { value, qualifier: (qualifier ?? 'exact').toUpperCase() as Qualifier });
}
