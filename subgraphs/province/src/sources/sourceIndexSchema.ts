import { z } from 'zod';

const fileName = z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'must be a source article file name like 001_43b773d05e2b406e.txt');

/** One article as `data/sources/index.json` describes it: only what the article itself says. */
export const sourceDocumentMetaSchema = z.strictObject({
  fileName,
  title: z.string().min(1),
  subtitle: z.string().min(1).nullable(),
  /** YYYY, YYYY-MM or YYYY-MM-DD: printed on the page, or inferred (then `dateBasis` says how). */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  dateBasis: z.string().min(1),
  /** Only where the article names its publisher. */
  publisher: z.string().min(1).nullable(),
  byline: z.string().min(1).nullable(),
  /** Zone ids the article is about. */
  about: z.array(z.string().min(1)).min(1),
});

export const sourceIndexSchema = z.strictObject({
  documents: z.array(sourceDocumentMetaSchema).min(1),
});

export type SourceDocumentMeta = z.infer<typeof sourceDocumentMetaSchema>;
