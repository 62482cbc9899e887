import { z } from 'zod';
import { ENTERPRISE_FLAGS } from '../../seed/seedSchema';
import { normalizeUscc, usccProblem } from '../uscc';
import { labelledEnum, listOf, optionalCount, optionalNonNegative, optionalText, QUALIFIER_LABELS, requiredText, withoutBlanks } from './fields';

/** 统一社会信用代码: trimmed, upper-cased, checked against GB 32100-2015. */
export const creditCodeSchema = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : normalizeUscc(v)) : v === null ? undefined : v),
  z
    .string({ error: () => 'must be text' })
    .superRefine((code, ctx) => {
      const problem = usccProblem(code);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional()
    .transform((code) => code ?? null),
);

export const enterpriseFlagSchema = labelledEnum<(typeof ENTERPRISE_FLAGS)[number]>({
  above_designated_size: ['规上企业', '规上'],
  specialized_innovative: ['专精特新'],
  high_tech: ['高新技术企业', '高新'],
  listed: ['上市公司', '上市'],
});

export const enterpriseNameSchema = requiredText(200, 2);

/**
 * An enterprise as a zone system states it: the whole record (an absent field is
 * empty). Keyed by its credit code when it has one, else by its name in the zone;
 * `previousNameZh` renames an enterprise without a credit code.
 */
export const enterpriseRecordSchema = z
  .preprocess(
    withoutBlanks,
    z.object({
      creditCode: creditCodeSchema,
      nameZh: enterpriseNameSchema,
      previousNameZh: optionalText(200),
      nameEn: optionalText(300),
      industry: optionalText(100),
      flags: listOf(enterpriseFlagSchema, 10).transform((flags) => [...new Set(flags)].sort()),
      employees: optionalCount,
      employeesQualifier: labelledEnum(QUALIFIER_LABELS).optional(),
      /** 万元 */
      outputValue: optionalNonNegative,
      /** 万元 */
      tax: optionalNonNegative,
      inventionPatents: optionalCount,
      utilityPatents: optionalCount,
    }),
  )
  .superRefine((record, ctx) => {
    if (record.employees === null && record.employeesQualifier !== undefined)
      ctx.addIssue({ code: 'custom', path: ['employeesQualifier'], message: 'given without employees' });
    if (record.previousNameZh !== null && record.creditCode !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['previousNameZh'],
        message: 'an enterprise with a credit code is keyed by it: a new name is simply given in nameZh',
      });
  })
  .transform(({ employeesQualifier, ...record }) => ({
    ...record,
    employeesQualifier: record.employees === null ? null : (employeesQualifier ?? 'exact'),
  }));

export type EnterpriseRecord = z.output<typeof enterpriseRecordSchema>;

/** What names an enterprise to delete: its credit code, or its name when it has none. */
export const enterpriseKeySchema = z
  .preprocess(withoutBlanks, z.object({ creditCode: creditCodeSchema, nameZh: optionalText(200) }))
  .superRefine((key, ctx) => {
    if (key.creditCode === null && key.nameZh === null) ctx.addIssue({ code: 'custom', path: ['nameZh'], message: 'required: the credit code or the name' });
  });

export type EnterpriseKey = z.output<typeof enterpriseKeySchema>;
