import { SourceDocument, SourcePassage } from '../graphql/types/source.types';
import { locatePassage } from './locatePassage';
import type { SourceDocumentRecord, SourceLibrary } from './SourceLibrary';

/** Characters of context shown on either side of a passage. */
export const PASSAGE_CONTEXT = 120;

export function sourceDocumentView(record: SourceDocumentRecord): SourceDocument {
  return Object.assign(new SourceDocument(), {
    fileName: record.fileName,
    title: record.title,
    subtitle: record.subtitle,
    date: record.date,
    dateBasis: record.dateBasis,
    publisher: record.publisher,
    byline: record.byline,
    zoneIds: record.about,
    text: record.text,
  });
}

/** The passage placed in its article, or marked not found (never an error: provenance must always render). */
export function sourcePassageView(library: SourceLibrary, document: string, passage: string): SourcePassage {
  const record = library.get(document);
  const located = record ? locatePassage(record.text, passage, PASSAGE_CONTEXT) : null;
  return Object.assign(new SourcePassage(), {
    document,
    passage,
    source: record ? sourceDocumentView(record) : null,
    found: located !== null,
    offset: located?.offset ?? null,
    before: located?.before ?? null,
    after: located?.after ?? null,
  });
}
