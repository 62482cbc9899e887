import { z } from 'zod';

const nullableText = z.string().nullable();

const sheetFigureSchema = z.object({
  code: z.string(),
  value: z.number().finite(),
  unit: z.string(),
  qualifier: z.enum(['EXACT', 'AT_LEAST', 'ABOUT']),
  period: z.string(),
  periodBasis: nullableText,
  note: nullableText,
  provenance: z.object({
    kind: z.enum(['REPORTED', 'COMPUTED', 'SYNTHETIC', 'ZONE_SYSTEM']),
    document: nullableText,
    passage: nullableText,
    computation: nullableText,
    recordCompleteness: z.enum(['COMPLETE', 'NAMED_ONLY']).nullable(),
    recordCount: z.number().int().nonnegative().nullable(),
  }),
});

const figureSheetSchema = z.object({
  indicators: z.array(sheetFigureSchema),
  unassessedIndicators: z.array(z.object({ code: z.string(), reason: z.string() })),
});

/** One figure of a zone as the province reads it: `Zone.indicators`' fields the province uses, texts null unless asked. */
export type SheetFigure = z.infer<typeof sheetFigureSchema>;

/**
 * A zone's figures for some codes as one value (`Zone.figureSheet` of the zone subgraph, not
 * part of the API): what `indicators(codes:)` and `unassessedIndicators(codes:)` answer, in
 * their order. The province reads every zone's figures at once; as one leaf per zone, a zone
 * service spends about half the CPU it spends executing the same figures field by field.
 */
export type FigureSheet = z.infer<typeof figureSheetSchema>;

/** The scalar the zone subgraph answers a figure sheet as. */
export const FIGURE_SHEET_SCALAR = 'FigureSheet';

/** A figure sheet as received, checked: throws an Error naming the first field that is not as it should be. */
export function readFigureSheet(value: unknown): FigureSheet {
  const parsed = figureSheetSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const path =
    issue && issue.path.length > 0
      ? issue.path
          .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
          .join('')
          .replace(/^\./, '')
      : 'the sheet';
  throw new Error(`figure sheet: ${path}: ${issue?.message ?? 'not a figure sheet'}`);
}
