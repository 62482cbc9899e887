import { z } from 'zod';

const criterionSchema = z.object({
  indicator: z.string().min(1),
  weight: z.number().min(0),
  direction: z.enum(['BENEFIT', 'COST']).optional(),
  unacceptable: z.number().optional(),
  satisfactory: z.number().optional(),
  /** The dimension the criterion stands for, e.g. 代表性 (representativeness). */
  dimension: z.string().min(1),
  /** Why this indicator, and why this weight. */
  justification: z.string().min(10),
});

/** Settings a preset fixes; anything an analyst passes next to the preset overrides them. */
export const presetSettingsSchema = z
  .object({
    criteria: z.array(criterionSchema).min(1),
    method: z.enum(['WEIGHTED_SUM', 'TOPSIS']),
    normalization: z.enum(['MIN_MAX', 'VECTOR', 'Z_SCORE', 'EFFICACY']),
    weighting: z.enum(['GIVEN', 'ENTROPY', 'AHP', 'BLEND']),
    blendAlpha: z.number().min(0).max(1).optional(),
    missing: z.enum(['EXCLUDE', 'IMPUTE']),
    imputationRule: z.enum(['MIN', 'MEAN', 'MEDIAN', 'WORST']).optional(),
    excludeHostedWithinYears: z.number().int().min(1).max(50).optional(),
    countAnnouncedMeetings: z.boolean().default(true),
    source: z.enum(['REPORTED', 'COMPUTED', 'PREFER_REPORTED']),
    top: z.number().int().min(1).max(50),
  })
  .strict();

export const presetSeedSchema = z.object({
  presets: z.array(
    z
      .object({
        code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lowercase letters, digits and _'),
        nameZh: z.string().min(2),
        nameEn: z.string().min(2),
        /** What the preset selects, e.g. the host of the provincial on-site meeting (现场会). */
        purpose: z.string().min(10),
        justification: z.string().min(20),
        settings: presetSettingsSchema,
      })
      .strict(),
  ),
});

export type PresetSeed = z.infer<typeof presetSeedSchema>;
export type PresetSettings = z.infer<typeof presetSettingsSchema>;
export type PresetCriterion = PresetSettings['criteria'][number];
