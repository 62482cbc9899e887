import { Directive, Field, Int, ObjectType } from 'type-graphql';

@Directive('@key(fields: "fileName")')
@ObjectType({ description: 'A source article (data/sources): what every reported figure and record is quoted from.' })
export class SourceDocument {
  @Field(() => String, { description: 'File name under data/sources, e.g. 003_037c2896ec0aa84d.txt.' }) fileName!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) subtitle!: string | null;
  @Field(() => String, { description: 'YYYY, YYYY-MM or YYYY-MM-DD: printed on the page, or inferred (see dateBasis).' }) date!: string;
  @Field(() => String, { description: 'Where the date comes from.' }) dateBasis!: string;
  @Field(() => String, { nullable: true, description: 'The publisher, where the article names it.' }) publisher!: string | null;
  @Field(() => String, { nullable: true, description: 'Reporters or host as printed (融媒记者 …).' }) byline!: string | null;
  /** Every zone the article is about; the field resolver answers those the caller may read. */
  zoneIds!: string[];
  @Field(() => String, { description: 'The full text as received (line breaks as printed).' }) text!: string;
}

@Directive('@key(fields: "document passage")')
@ObjectType({ description: 'A quoted passage located in its source article, with the text around it.' })
export class SourcePassage {
  @Field(() => String, { description: 'File name of the article.' }) document!: string;
  @Field(() => String, { description: 'The passage as quoted.' }) passage!: string;
  @Field(() => SourceDocument, { nullable: true, description: 'The article; null when no article has this file name.' }) source!: SourceDocument | null;
  @Field(() => Boolean, { description: 'Whether the passage occurs in the article (whitespace ignored, as the articles wrap lines mid-sentence).' })
  found!: boolean;
  @Field(() => Int, { nullable: true, description: 'Character offset of the passage in the article text.' }) offset!: number | null;
  @Field(() => String, { nullable: true, description: 'Up to 120 characters before the passage (line wraps undone).' }) before!: string | null;
  @Field(() => String, { nullable: true, description: 'Up to 120 characters after the passage (line wraps undone).' }) after!: string | null;
}
