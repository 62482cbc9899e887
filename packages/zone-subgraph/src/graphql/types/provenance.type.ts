import { Field, Int, ObjectType } from 'type-graphql';
import { ProvenanceKind, RecordCompleteness } from './enums';

@ObjectType({ description: 'Where a record or figure comes from.' })
export class Provenance {
  @Field(() => ProvenanceKind) kind!: ProvenanceKind;
  @Field(() => String, { nullable: true, description: 'Source file name under data/sources.' }) document!: string | null;
  @Field(() => String, { nullable: true, description: 'Passage quoted verbatim from the document.' }) passage!: string | null;
  @Field(() => String, { nullable: true, description: 'For COMPUTED values: how the value was computed.' }) computation!: string | null;
  @Field(() => RecordCompleteness, { nullable: true, description: 'For COMPUTED values: completeness of the records it was computed over; null otherwise.' })
  recordCompleteness!: RecordCompleteness | null;
  @Field(() => Int, { nullable: true, description: 'For COMPUTED values: how many records it was computed from; null otherwise.' }) recordCount!: number | null;
}

export function provenanceOf(row: { sourceDocument: string | null; sourcePassage: string | null; synthetic: boolean }): Provenance {
  return Object.assign(new Provenance(), {
    kind: row.synthetic ? ProvenanceKind.SYNTHETIC : ProvenanceKind.REPORTED,
    document: row.sourceDocument,
    passage: row.sourcePassage,
    computation: null,
    recordCompleteness: null,
    recordCount: null,
  });
}
