import { Directive, Field, ObjectType } from 'type-graphql';

@Directive('@key(fields: "fileName", resolvable: false)')
@ObjectType({ description: 'Reference to a source article; its title, date, publisher and text come from the province service.' })
export class SourceDocument {
  @Field(() => String) fileName!: string;
}

@Directive('@key(fields: "document passage", resolvable: false)')
@ObjectType({ description: 'Reference to a quoted passage; the province service places it in its article.' })
export class SourcePassage {
  @Field(() => String) document!: string;
  @Field(() => String) passage!: string;
}
