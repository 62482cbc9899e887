import { z } from 'zod';
import { HONOR_LEVELS } from '../../seed/seedSchema';
import { labelledEnum, optionalInteger, optionalText, requiredText, withoutBlanks } from './fields';

export const HONOR_HOLDER_KINDS = ['zone', 'enterprise', 'party_organization'] as const;
export type HonorHolderKind = (typeof HONOR_HOLDER_KINDS)[number];

export const honorHolderKindSchema = labelledEnum<HonorHolderKind>({
  zone: ['园区', '开发区'],
  enterprise: ['企业'],
  party_organization: ['党组织'],
});

export const honorLevelSchema = labelledEnum<(typeof HONOR_LEVELS)[number]>({
  national: ['国家级'],
  provincial: ['省级'],
  municipal: ['市级'],
  county: ['县级', '区级'],
  zone: ['园区级'],
});

const keyShape = {
  holderKind: honorHolderKindSchema,
  /** The enterprise (credit code or name) or party organization (name) holding it; empty for the zone. */
  holder: optionalText(200),
  title: requiredText(200, 2),
  year: optionalInteger(1949, 2100),
};

function holderMatchesKind(record: { holderKind: HonorHolderKind; holder: string | null }, ctx: z.RefinementCtx): void {
  if (record.holderKind === 'zone' && record.holder !== null)
    ctx.addIssue({ code: 'custom', path: ['holder'], message: 'the zone holds this honor: leave holder empty' });
  if (record.holderKind !== 'zone' && record.holder === null)
    ctx.addIssue({
      code: 'custom',
      path: ['holder'],
      message: record.holderKind === 'enterprise' ? 'required: the enterprise (credit code or name)' : 'required: the party organization (name)',
    });
}

/** An honor, keyed by its holder, title and year (a year-less honor is keyed with no year). */
export const honorRecordSchema = z
  .preprocess(withoutBlanks, z.object({ ...keyShape, level: honorLevelSchema, awardedBy: optionalText(200) }))
  .superRefine(holderMatchesKind);

export type HonorRecord = z.output<typeof honorRecordSchema>;

export const honorKeySchema = z.preprocess(withoutBlanks, z.object(keyShape)).superRefine(holderMatchesKind);

export type HonorKey = z.output<typeof honorKeySchema>;
