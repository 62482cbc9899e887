import { Field, Int, ObjectType } from 'type-graphql';
import { ProvenanceKind, RecordCompleteness } from './enums';

@ObjectType({ description: 'The document a figure entered by a zone system cites.' })
export class Citation {
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true, description: 'http(s) address of the document.' }) url!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY, YYYY-MM or YYYY-MM-DD.' }) date!: string | null;
}

@ObjectType({ description: 'Where a record or figure comes from.' })
export class Provenance {
  @Field(() => ProvenanceKind) kind!: ProvenanceKind;
  @Field(() => String, {
    nullable: true,
    description: 'Source file name under data/sources. For a ZONE_SYSTEM record an article first named, that article.',
  })
  document!: string | null;
  @Field(() => String, { nullable: true, description: 'Passage quoted verbatim from the document.' }) passage!: string | null;
  @Field(() => String, { nullable: true, description: 'For COMPUTED values: how the value was computed.' }) computation!: string | null;
  @Field(() => RecordCompleteness, { nullable: true, description: 'For COMPUTED values: completeness of the records it was computed over; null otherwise.' })
  recordCompleteness!: RecordCompleteness | null;
  @Field(() => Int, { nullable: true, description: 'For COMPUTED values: how many records it was computed from; null otherwise.' }) recordCount!: number | null;
  @Field(() => String, { nullable: true, description: "For ZONE_SYSTEM values: who entered them (the credential's subject, e.g. `key:<keyId>`)." })
  enteredBy!: string | null;
  @Field(() => String, { nullable: true, description: 'For ZONE_SYSTEM values: when they were entered (ISO 8601).' }) enteredAt!: string | null;
  @Field(() => Citation, { nullable: true, description: 'For ZONE_SYSTEM figures: the document the zone system cited, if any.' }) citation!: Citation | null;
}

interface ProvenanceColumns {
  sourceDocument: string | null;
  sourcePassage: string | null;
  synthetic: boolean;
  enteredBy?: string | null;
  enteredAt?: Date | null;
  citationTitle?: string | null;
  citationUrl?: string | null;
  citationDate?: string | null;
}

/** A stored record's or figure's provenance: synthetic, entered by a zone system, or reported by a source. */
export function provenanceOf(row: ProvenanceColumns): Provenance {
  const entered = !row.synthetic && !!row.enteredBy;
  return Object.assign(new Provenance(), {
    kind: row.synthetic ? ProvenanceKind.SYNTHETIC : entered ? ProvenanceKind.ZONE_SYSTEM : ProvenanceKind.REPORTED,
    document: row.sourceDocument,
    passage: row.sourcePassage,
    computation: null,
    recordCompleteness: null,
    recordCount: null,
    enteredBy: entered ? (row.enteredBy ?? null) : null,
    enteredAt: entered ? (row.enteredAt?.toISOString() ?? null) : null,
    citation:
      entered && row.citationTitle
        ? Object.assign(new Citation(), { title: row.citationTitle, url: row.citationUrl ?? null, date: row.citationDate ?? null })
        : null,
  });
}
