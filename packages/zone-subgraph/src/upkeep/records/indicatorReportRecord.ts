import { indicatorByCode, UNITS, unitLabel, type UnitCode } from '@devzone/catalogue';
import { periodSchema } from '@devzone/subgraph-kit';
import { z } from 'zod';
import { DATE_PATTERN, labelledEnum, optionalText, QUALIFIER_LABELS, requiredNumber, requiredText, withoutBlanks } from './fields';

/** What `periodBasis` says when a zone system gives none. */
export const DEFAULT_PERIOD_BASIS = 'as reported by the zone system for this period';

const codeSchema = requiredText(100).superRefine((code, ctx) => {
  const definition = indicatorByCode(code);
  if (!definition) ctx.addIssue({ code: 'custom', message: `unknown indicator code "${code}" (see packages/catalogue)` });
  else if (definition.derivation)
    ctx.addIssue({ code: 'custom', message: `"${code}" is derived by the province from other indicators: report its inputs instead` });
});

const keyShape = {
  code: codeSchema,
  period: z.preprocess((v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v), periodSchema),
  /** The part of the zone the figure is about (an alliance, a demonstration belt); empty for the whole zone. */
  scope: optionalText(200).transform((s) => s ?? ''),
};

const unitSchema = z
  .preprocess((v) => {
    if (typeof v !== 'string') return v;
    const written = v.trim();
    const byLabel = (Object.keys(UNITS) as UnitCode[]).find((unit) => unitLabel(unit) === written);
    return byLabel ?? written;
  }, z.string().max(40, 'at most 40 characters').optional())
  .transform((u) => u ?? null);

/**
 * A figure a zone system reports: keyed by indicator code, period and scope.
 * The unit is the catalogue's (given, it must agree); the citation is the
 * document it comes from, if any.
 */
export const indicatorReportRecordSchema = z
  .preprocess(
    withoutBlanks,
    z.object({
      ...keyShape,
      value: requiredNumber,
      qualifier: labelledEnum(QUALIFIER_LABELS).optional(),
      unit: unitSchema,
      periodBasis: optionalText(500),
      note: optionalText(1000),
      citationTitle: optionalText(300),
      citationUrl: optionalText(1000).refine((url) => url === null || /^https?:\/\/\S+$/.test(url), 'must be an http(s) address'),
      citationDate: optionalText(10).refine((date) => date === null || DATE_PATTERN.test(date), 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
    }),
  )
  .superRefine((record, ctx) => {
    const definition = indicatorByCode(record.code);
    if (definition && record.unit !== null && record.unit !== definition.unit)
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message: `indicator "${record.code}" is stated in "${definition.unit}" (${unitLabel(definition.unit)}), got "${record.unit}"`,
      });
    if (record.code.endsWith('.rate') && (record.value < 0 || record.value > 100))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a rate is a percentage from 0 to 100' });
    if (record.citationTitle === null && (record.citationUrl !== null || record.citationDate !== null))
      ctx.addIssue({ code: 'custom', path: ['citationTitle'], message: 'required when the citation has an address or a date' });
  })
  .transform(({ qualifier, unit, periodBasis, ...record }) => ({
    ...record,
    qualifier: qualifier ?? 'exact',
    unit: unit ?? indicatorByCode(record.code)?.unit ?? 'count',
    periodBasis: periodBasis ?? DEFAULT_PERIOD_BASIS,
  }));

export type IndicatorReportRecord = z.output<typeof indicatorReportRecordSchema>;

export const indicatorReportKeySchema = z.preprocess(withoutBlanks, z.object(keyShape));

export type IndicatorReportKey = z.output<typeof indicatorReportKeySchema>;
