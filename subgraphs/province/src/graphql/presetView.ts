import { indicatorByCode } from '@devzone/catalogue';
import type { BenchmarkPresetRow } from '../db/entities';
import type { PresetSettings } from '../seed/presetSchema';
import { toIndicatorDefinition } from './resolvers/catalogue.resolver';
import type { IndicatorDirection } from './types/catalogue.types';
import type { ValueSource } from './types/figure.types';
import type { ImputationRule, MissingValuePolicyKind, NormalizationKind, RankingMethod, WeightingKind } from './types/selection.inputs';
import { BenchmarkPreset, PresetCriterion } from './types/selection.types';

export function toBenchmarkPreset(row: BenchmarkPresetRow): BenchmarkPreset {
  const s = row.settings as PresetSettings;
  return Object.assign(new BenchmarkPreset(), {
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    purpose: row.purpose,
    justification: row.justification,
    criteria: s.criteria.map((c) => {
      const definition = indicatorByCode(c.indicator);
      return Object.assign(new PresetCriterion(), {
        indicator: c.indicator,
        // Presets are checked against the catalogue when loaded; a code removed since shows as unknown.
        definition: definition ? toIndicatorDefinition(definition) : null,
        weight: c.weight,
        direction: (c.direction ?? definition?.direction.toUpperCase() ?? 'BENEFIT') as IndicatorDirection,
        unacceptable: c.unacceptable ?? null,
        satisfactory: c.satisfactory ?? null,
        dimension: c.dimension,
        justification: c.justification,
      });
    }),
    method: s.method as RankingMethod,
    normalization: s.normalization as NormalizationKind,
    weighting: s.weighting as WeightingKind,
    missing: s.missing as MissingValuePolicyKind,
    imputationRule: (s.imputationRule ?? null) as ImputationRule | null,
    excludeHostedWithinYears: s.excludeHostedWithinYears ?? null,
    countAnnouncedMeetings: s.countAnnouncedMeetings,
    source: s.source as ValueSource,
    top: s.top,
  });
}
