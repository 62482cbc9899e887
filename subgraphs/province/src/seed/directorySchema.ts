import { z } from 'zod';
import { isZoneId } from '@devzone/registry';
import { periodSchema, sourceRefSchema } from '@devzone/subgraph-kit';

export const ZONE_LEVELS = ['national', 'provincial', 'unknown'] as const;
export const MEETING_PRECISION = ['exact_year', 'within_period', 'announced'] as const;

/**
 * Directory convention for `city`: the administrative division the zone lies in
 * (county, county-level city or district; a prefecture-level city when the zone
 * belongs to it directly) by its full official Chinese name, suffix included:
 * 永康市, 宁国市, 肥西县, 当涂县, never the bare 肥西 or 宁国.
 */
export const CITY_NAME = /^\p{Script=Han}+[市县区]$/u;

export const citySchema = z
  .string()
  .regex(CITY_NAME, 'must be the full official name of a city, county or district, ending with 市, 县 or 区 (宁国市, 肥西县, not 宁国 or 肥西)');

export const directorySeedSchema = z.object({
  provinces: z.array(
    z.object({
      code: z.string().regex(/^[a-z]+$/),
      nameZh: z.string().min(2),
      nameEn: z.string().min(2),
    }),
  ),
  zones: z.array(
    z.object({
      id: z.string().refine(isZoneId, 'must be a zone id'),
      nameZh: z.string().min(2),
      nameEn: z.string().min(2),
      provinceCode: z.string(),
      /** Where the zone lies, by the CITY_NAME convention; omitted when no source says. */
      city: citySchema.optional(),
      level: z.enum(ZONE_LEVELS).default('unknown'),
      source: sourceRefSchema,
    }),
  ),
  /** Provincial on-site meetings (现场会): who hosted, when, with the article's precision. */
  onsiteMeetings: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        provinceCode: z.string(),
        title: z.string(),
        /** `2018`, or `2018/2019` when the article only gives the span. */
        period: periodSchema,
        precision: z.enum(MEETING_PRECISION),
        hostZoneIds: z.array(z.string()).min(1),
        source: sourceRefSchema,
      }),
    )
    .default([]),
});

export type DirectorySeed = z.infer<typeof directorySeedSchema>;
