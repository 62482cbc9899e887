import { indicatorByCode } from '@devzone/catalogue';
import { ERRORS } from '@devzone/errors';
import { RankingInputError, validatePairwiseMatrix } from '@devzone/ranking';
import type { BenchmarkSelectionInput } from '../../graphql/types/selection.inputs';
import type { PresetSettings } from '../../seed/presetSchema';
import { resolveCriteria } from '../criteria';
import type { ValueSource } from '../cell';
import type { ImputationRuleName, SelectionMethod, SelectionNormalization, SelectionSettings, SelectionWeighting } from './settings';

const DEFAULTS = { perturbationDelta: 0.05, monteCarloDraws: 1000, seed: 1, blendAlpha: 0.5 } as const;

const badInput = (field: string, message: string) => ERRORS.BAD_USER_INPUT.err(`${field}: ${message}`, { field });
const lower = <T extends string>(value: string) => value.toLowerCase().replace('_', '-') as T;

/** A stored preset, as resolveSelectionSettings needs it. */
export interface PresetForSelection {
  code: string;
  settings: PresetSettings;
}

function checkAhpMatrix(matrix: number[][], n: number): void {
  const field = 'input.weighting.ahpMatrix';
  if (matrix.length !== n) throw badInput(field, `needs ${n} rows, one per criterion in criteria order (got ${matrix.length})`);
  matrix.forEach((row, i) => {
    if (row.length !== n) throw badInput(`${field}[${i}]`, `needs ${n} columns (got ${row.length})`);
  });
  try {
    validatePairwiseMatrix(matrix, 0.01, field);
  } catch (error) {
    if (error instanceof RankingInputError) throw ERRORS.BAD_USER_INPUT.err(error.message, { field: error.field });
    throw error;
  }
}

function checkBounds(settings: SelectionSettings): void {
  settings.criteria.forEach((c, i) => {
    const at = `input.criteria[${i}]`;
    if (!c.bounds) {
      if (settings.normalization === 'efficacy')
        throw badInput(`${at}.unacceptable`, 'EFFICACY normalisation needs unacceptable and satisfactory bounds on every criterion');
      return;
    }
    const { unacceptable, satisfactory } = c.bounds;
    if (c.direction === 'benefit' && !(satisfactory > unacceptable))
      throw badInput(`${at}.satisfactory`, `must exceed unacceptable (${unacceptable}) for a BENEFIT criterion`);
    if (c.direction === 'cost' && !(satisfactory < unacceptable))
      throw badInput(`${at}.satisfactory`, `must be below unacceptable (${unacceptable}) for a COST criterion`);
  });
}

/**
 * Preset + the analyst's overrides + defaults → complete settings. Every
 * argument is checked here, so a run never starts on settings it cannot use;
 * errors name the input field (`input.criteria[2].direction`).
 */
export function resolveSelectionSettings(input: BenchmarkSelectionInput, preset: PresetForSelection | null, currentYear: number): SelectionSettings {
  const base = preset?.settings;
  const criteriaRequests = input.criteria ?? base?.criteria;
  if (!criteriaRequests) throw badInput('input.criteria', 'give criteria, or a preset that has them');
  const criteria = resolveCriteria(criteriaRequests, 'input.criteria');
  const method = lower<SelectionMethod>(input.method ?? base?.method ?? 'WEIGHTED_SUM');
  const weighting = lower<SelectionWeighting>(input.weighting?.kind ?? base?.weighting ?? 'GIVEN');
  const ahpMatrix = input.weighting?.ahpMatrix ?? null;
  if (weighting === 'ahp' && !ahpMatrix) throw badInput('input.weighting.ahpMatrix', 'AHP weighting needs a pairwise-comparison matrix');
  if (ahpMatrix && weighting !== 'ahp' && weighting !== 'blend') throw badInput('input.weighting.ahpMatrix', 'only AHP and BLEND weighting use a matrix');
  if (ahpMatrix) checkAhpMatrix(ahpMatrix, criteria.length);
  if (input.weighting?.blendAlpha !== undefined && input.weighting?.blendAlpha !== null && weighting !== 'blend')
    throw badInput('input.weighting.blendAlpha', 'only BLEND weighting uses blendAlpha');
  const missing = (input.missing?.policy ?? base?.missing ?? 'EXCLUDE') === 'IMPUTE' ? 'impute' : 'exclude';
  if (missing === 'exclude' && input.missing?.rule) throw badInput('input.missing.rule', 'a rule applies to the IMPUTE policy only');
  const hostedYears = input.constraints?.excludeHostedWithinYears ?? base?.excludeHostedWithinYears ?? null;
  const minimums = (input.constraints?.minimums ?? []).map((m, i) => {
    const at = `input.constraints.minimums[${i}]`;
    if (!indicatorByCode(m.indicator)) throw badInput(`${at}.indicator`, `unknown indicator code "${m.indicator}" (see indicatorCatalogue)`);
    if (!Number.isFinite(m.value)) throw badInput(`${at}.value`, 'must be a finite number');
    return { indicator: m.indicator, value: m.value };
  });
  const robustness = input.robustness ?? {};
  const settings: SelectionSettings = {
    presetCode: preset?.code ?? null,
    zoneIds: input.zoneIds ?? null,
    provinces: input.provinces ?? null,
    criteria,
    method,
    normalization: lower<SelectionNormalization>(input.normalization ?? base?.normalization ?? (method === 'topsis' ? 'VECTOR' : 'MIN_MAX')),
    weighting,
    ahpMatrix,
    blendAlpha: weighting === 'blend' ? (input.weighting?.blendAlpha ?? base?.blendAlpha ?? DEFAULTS.blendAlpha) : null,
    missing,
    imputationRule:
      missing === 'impute' ? lower<ImputationRuleName>(input.missing?.rule ?? (input.missing ? undefined : base?.imputationRule) ?? 'WORST') : null,
    excludeHostedWithinYears: hostedYears === 0 ? null : hostedYears,
    asOfYear: input.constraints?.asOfYear ?? currentYear,
    countAnnouncedMeetings: input.constraints?.countAnnouncedMeetings ?? base?.countAnnouncedMeetings ?? true,
    minimums,
    perturbationDelta: (robustness.perturbationDelta ?? DEFAULTS.perturbationDelta) || null,
    monteCarloDraws: (robustness.monteCarloDraws ?? DEFAULTS.monteCarloDraws) || null,
    seed: robustness.seed ?? DEFAULTS.seed,
    dethrone: robustness.dethrone ?? true,
    source: (input.source ?? base?.source ?? 'PREFER_REPORTED') as ValueSource,
    computedOverNamedOnly: input.computedOverNamedOnly ?? false,
    period: input.period ?? null,
    top: input.top ?? base?.top ?? 1,
  };
  checkBounds(settings);
  return settings;
}
