import { z } from 'zod';
import { indicatorByCode } from '@devzone/catalogue';
import { isZoneId } from '@devzone/registry';
import { COMPLETENESS_VALUES, RECORDS_AS_OF_PATTERN } from '../records/recordKinds';
import { localIdSchema, periodSchema, sourceRefSchema } from '@devzone/subgraph-kit';
import type { SeedOrigin } from './seedOrigin';

export const PARTY_ORGANIZATION_TYPES = [
  'working_committee', // 党工委
  'secondary_committee', // 二级党委
  'committee', // 党委
  'general_branch', // 党总支
  'branch', // 党支部
  'joint_branch', // 联合党支部
  'functional_branch', // 功能性党支部
] as const;

export const HONOR_LEVELS = ['national', 'provincial', 'municipal', 'county', 'zone'] as const;
export const QUALIFIERS = ['exact', 'at_least', 'about'] as const;
export const ENTERPRISE_FLAGS = ['above_designated_size', 'specialized_innovative', 'high_tech', 'listed'] as const;
export const STATION_KINDS = [
  'red_station', // 红色驿站
  'party_mass_service_center', // 党群服务中心
  'guidance_station', // 党建工作指导服务站
  'neighbourhood_center', // 邻里中心
  'other',
] as const;

const countSchema = z.object({ value: z.number().int().nonnegative(), qualifier: z.enum(QUALIFIERS) });

export const enterpriseSeedSchema = z.object({
  localId: localIdSchema,
  nameZh: z.string().min(2),
  nameEn: z.string().optional(),
  /** 统一社会信用代码, only where a source gives it. */
  creditCode: z
    .string()
    .regex(/^[0-9A-Z]{18}$/)
    .optional(),
  industry: z.string().optional(),
  flags: z.array(z.enum(ENTERPRISE_FLAGS)).default([]),
  employees: countSchema.optional(),
  /** 万元 */
  outputValue: z.number().nonnegative().optional(),
  /** 万元 */
  tax: z.number().nonnegative().optional(),
  patents: z.object({ invention: z.number().int().nonnegative(), utility: z.number().int().nonnegative() }).optional(),
  source: sourceRefSchema,
});

export const partyOrganizationSeedSchema = z.object({
  localId: localIdSchema,
  nameZh: z.string().min(2),
  type: z.enum(PARTY_ORGANIZATION_TYPES),
  parentLocalId: localIdSchema.optional(),
  /** Enterprises this organization covers (own organization or joint branch). */
  enterpriseLocalIds: z.array(localIdSchema).default([]),
  memberCount: countSchema.optional(),
  /** Year or date founded, only where a source states it. */
  foundedOn: periodSchema.optional(),
  starRating: z.number().int().min(1).max(5).optional(),
  brand: z.string().optional(),
  source: sourceRefSchema,
});

export const honorSeedSchema = z.object({
  localId: localIdSchema,
  title: z.string().min(2),
  level: z.enum(HONOR_LEVELS),
  year: z.number().int().min(1990).max(2100).optional(),
  awardedBy: z.string().optional(),
  holder: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('zone') }),
    z.object({ kind: z.literal('enterprise'), localId: localIdSchema }),
    z.object({ kind: z.literal('partyOrganization'), localId: localIdSchema }),
  ]),
  source: sourceRefSchema,
});

export const allianceSeedSchema = z.object({
  localId: localIdSchema,
  nameZh: z.string().min(2),
  description: z.string().optional(),
  memberOrganizationLocalIds: z.array(localIdSchema).default([]),
  memberEnterpriseLocalIds: z.array(localIdSchema).default([]),
  source: sourceRefSchema,
});

export const serviceStationSeedSchema = z.object({
  localId: localIdSchema,
  nameZh: z.string().min(2),
  kind: z.enum(STATION_KINDS),
  hostEnterpriseLocalId: localIdSchema.optional(),
  areaSqm: z.number().positive().optional(),
  source: sourceRefSchema,
});

export const indicatorReportSeedSchema = z
  .object({
    code: z.string(),
    period: periodSchema,
    /** How the period was established (stated in the article, or inferred from what). */
    periodBasis: z.string().min(4),
    value: z.number().finite(),
    qualifier: z.enum(QUALIFIERS),
    unit: z.string(),
    note: z.string().optional(),
    source: sourceRefSchema,
  })
  .superRefine((report, ctx) => {
    const definition = indicatorByCode(report.code);
    if (!definition) ctx.addIssue({ code: 'custom', path: ['code'], message: `unknown indicator code "${report.code}" (see packages/catalogue)` });
    else if (definition.unit !== report.unit)
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `indicator "${report.code}" is stored in "${definition.unit}", got "${report.unit}"` });
  });

const completenessSchema = z.enum(COMPLETENESS_VALUES, {
  error: (issue) =>
    issue.input === undefined
      ? 'required: "complete" (the zone loads its full register) or "named_only" (only what a source names)'
      : `must be "complete" or "named_only", got ${JSON.stringify(issue.input)}`,
});

/** Per kind of record: is it the zone's full register, or only what a source names? */
export const recordCompletenessSeedSchema = z.object(
  {
    enterprises: completenessSchema,
    partyOrganizations: completenessSchema,
    honors: completenessSchema,
    alliances: completenessSchema,
    serviceStations: completenessSchema,
  },
  { error: (issue) => (issue.input === undefined ? 'required: the completeness of each kind of record' : undefined) },
);

export const zoneSeedSchema = z.object({
  zone: z.object({
    id: z.string().refine(isZoneId, 'must be a zone id (lowercase letters, digits, dashes)'),
    nameZh: z.string().min(2),
    nameEn: z.string().min(2),
    recordCompleteness: recordCompletenessSeedSchema,
    /** The date the zone's records are as of: the latest source they come from. */
    recordsAsOf: z
      .string({ error: (issue) => (issue.input === undefined ? "required: the date the zone's records are as of (YYYY, YYYY-MM or YYYY-MM-DD)" : undefined) })
      .regex(RECORDS_AS_OF_PATTERN, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  }),
  enterprises: z.array(enterpriseSeedSchema).default([]),
  partyOrganizations: z.array(partyOrganizationSeedSchema).default([]),
  honors: z.array(honorSeedSchema).default([]),
  alliances: z.array(allianceSeedSchema).default([]),
  serviceStations: z.array(serviceStationSeedSchema).default([]),
  indicators: z.array(indicatorReportSeedSchema).default([]),
});

export type ZoneSeed = z.infer<typeof zoneSeedSchema>;
export type EnterpriseSeed = z.infer<typeof enterpriseSeedSchema>;
export type PartyOrganizationSeed = z.infer<typeof partyOrganizationSeedSchema>;

type OptionalSource<T> = T extends { source: infer S } ? Omit<T, 'source'> & { source?: S } : T;

/** What the seed writer accepts: article seeds (sources required by their schema) or synthetic zones (no sources). */
export interface WritableZoneSeed {
  /** The file it was read from: a seed file's content is remembered when applied, so that a later edit is reported at start. */
  origin?: SeedOrigin;
  zone: ZoneSeed['zone'];
  enterprises: OptionalSource<ZoneSeed['enterprises'][number]>[];
  partyOrganizations: OptionalSource<ZoneSeed['partyOrganizations'][number]>[];
  honors: OptionalSource<ZoneSeed['honors'][number]>[];
  alliances: OptionalSource<ZoneSeed['alliances'][number]>[];
  serviceStations: OptionalSource<ZoneSeed['serviceStations'][number]>[];
  indicators: OptionalSource<ZoneSeed['indicators'][number]>[];
}
