import { z } from 'zod';

/** Where a fact comes from: the article file and the passage quoted from it. */
export const sourceRefSchema = z.object({
  /** File name under data/sources, e.g. `001_43b773d05e2b406e.txt`. */
  document: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'must be a seed article file name like 001_43b773d05e2b406e.txt'),
  /** Verbatim passage; must occur in the document once whitespace is ignored. */
  passage: z.string().min(4),
});

export type SourceRef = z.infer<typeof sourceRefSchema>;

/** `2023`, `2023-07`, `2023-07-11`, or a range `2020-01/2020-04`. */
export const periodSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/, 'must be YYYY, YYYY-MM, YYYY-MM-DD or a range START/END');

export const localIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be lowercase letters, digits and dashes');
