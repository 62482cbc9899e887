import { periodSchema } from '@devzone/subgraph-kit';
import { z } from 'zod';
import { PARTY_ORGANIZATION_TYPES } from '../../seed/seedSchema';
import { labelledEnum, listOf, optionalCount, optionalInteger, optionalText, QUALIFIER_LABELS, requiredText, withoutBlanks } from './fields';

export const partyOrganizationTypeSchema = labelledEnum<(typeof PARTY_ORGANIZATION_TYPES)[number]>({
  working_committee: ['党工委'],
  secondary_committee: ['二级党委'],
  committee: ['党委'],
  general_branch: ['党总支'],
  branch: ['党支部'],
  joint_branch: ['联合党支部'],
  functional_branch: ['功能性党支部'],
});

export const organizationNameSchema = requiredText(200, 2);

/**
 * A party organization as a zone system states it, keyed by its name in the zone
 * (`previousNameZh` renames one). `parent` is the parent organization's name;
 * `enterprises` the enterprises it covers, each by credit code or name.
 */
export const partyOrganizationRecordSchema = z
  .preprocess(
    withoutBlanks,
    z.object({
      nameZh: organizationNameSchema,
      previousNameZh: optionalText(200),
      type: partyOrganizationTypeSchema,
      parent: optionalText(200),
      enterprises: listOf(requiredText(200), 2000),
      memberCount: optionalCount,
      memberCountQualifier: labelledEnum(QUALIFIER_LABELS).optional(),
      foundedOn: z.preprocess((v) => (typeof v === 'number' ? String(v) : v), periodSchema.optional()).transform((p) => p ?? null),
      starRating: optionalInteger(1, 5),
      brand: optionalText(200),
    }),
  )
  .superRefine((record, ctx) => {
    if (record.memberCount === null && record.memberCountQualifier !== undefined)
      ctx.addIssue({ code: 'custom', path: ['memberCountQualifier'], message: 'given without memberCount' });
    if (record.parent !== null && record.parent === record.nameZh)
      ctx.addIssue({ code: 'custom', path: ['parent'], message: 'an organization is not its own parent' });
    const seen = new Set<string>();
    record.enterprises.forEach((enterprise, i) => {
      if (seen.has(enterprise)) ctx.addIssue({ code: 'custom', path: ['enterprises', i], message: `"${enterprise}" is listed twice` });
      seen.add(enterprise);
    });
  })
  .transform(({ memberCountQualifier, ...record }) => ({
    ...record,
    memberCountQualifier: record.memberCount === null ? null : (memberCountQualifier ?? 'exact'),
  }));

export type PartyOrganizationRecord = z.output<typeof partyOrganizationRecordSchema>;

export const partyOrganizationKeySchema = z.preprocess(withoutBlanks, z.object({ nameZh: organizationNameSchema }));

export type PartyOrganizationKey = z.output<typeof partyOrganizationKeySchema>;
