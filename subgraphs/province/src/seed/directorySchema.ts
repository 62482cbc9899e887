import { z } from 'zod';
import { isZoneId } from '@devzone/registry';
import { periodSchema, sourceRefSchema } from '@devzone/zone-subgraph';

export const ZONE_LEVELS = ['national', 'provincial', 'unknown'] as const;
export const MEETING_PRECISION = ['exact_year', 'within_period', 'announced'] as const;

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
      /** City or county as the source names it; omitted when no source says. */
      city: z.string().optional(),
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
