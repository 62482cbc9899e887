import type { ResolvedCriterion } from '../criteria';
import type { ValueSource } from '../cell';

export type SelectionMethod = 'weighted-sum' | 'topsis';
export type SelectionNormalization = 'min-max' | 'vector' | 'z-score' | 'efficacy';
export type SelectionWeighting = 'given' | 'entropy' | 'ahp' | 'blend';
export type ImputationRuleName = 'min' | 'mean' | 'median' | 'worst';

/**
 * Every setting of a benchmark selection, resolved (preset + overrides +
 * defaults). Plain JSON: a saved run stores it and replays from it.
 */
export interface SelectionSettings {
  presetCode: string | null;
  zoneIds: string[] | null;
  provinces: string[] | null;
  criteria: ResolvedCriterion[];
  method: SelectionMethod;
  normalization: SelectionNormalization;
  weighting: SelectionWeighting;
  /** Rows and columns in criteria order. */
  ahpMatrix: number[][] | null;
  /** Share of the subjective weights in a blend (the rest is entropy). */
  blendAlpha: number | null;
  missing: 'exclude' | 'impute';
  imputationRule: ImputationRuleName | null;
  /** Exclude zones that hosted an on-site meeting in the last N years up to `asOfYear`. */
  excludeHostedWithinYears: number | null;
  asOfYear: number;
  /** Whether an announced (not yet held) meeting counts as hosting. */
  countAnnouncedMeetings: boolean;
  minimums: { indicator: string; value: number }[];
  perturbationDelta: number | null;
  monteCarloDraws: number | null;
  seed: number;
  dethrone: boolean;
  source: ValueSource;
  /**
   * Whether computed figures over NAMED_ONLY records may be used. Absent in
   * runs saved before the setting existed; a re-run on current data treats
   * that as false.
   */
  computedOverNamedOnly?: boolean;
  period: string | null;
  /** How many of the ranked zones are selected. */
  top: number;
}

/** Bumped whenever the engine's arithmetic or rules change; saved runs record it. */
export const SELECTION_ENGINE_VERSION = 'selection/1';

/** Indicator codes a run reads: its criteria and its minimums. */
export function indicatorsRead(settings: SelectionSettings): string[] {
  return [...new Set([...settings.criteria.map((c) => c.indicator), ...settings.minimums.map((m) => m.indicator)])];
}
