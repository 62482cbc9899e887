import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Provenance } from '../types/provenance.type';
import { SourceDocument, SourcePassage } from '../types/sourceReferences.type';

/** Every provenance that names a document opens it: the article, and the passage in its context. */
@Resolver(() => Provenance)
export class ProvenanceResolver {
  @FieldResolver(() => SourceDocument, { nullable: true, description: 'The source article (title, date, publisher, full text); null for computed figures.' })
  source(@Root() provenance: Provenance): SourceDocument | null {
    return provenance.document ? Object.assign(new SourceDocument(), { fileName: provenance.document }) : null;
  }

  @FieldResolver(() => SourcePassage, { nullable: true, description: 'The passage located in its article with the text around it; null for computed figures.' })
  quote(@Root() provenance: Provenance): SourcePassage | null {
    if (!provenance.document || !provenance.passage) return null;
    return Object.assign(new SourcePassage(), { document: provenance.document, passage: provenance.passage });
  }
}
