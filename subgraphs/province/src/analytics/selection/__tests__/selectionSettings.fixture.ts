import type { SelectionSettings } from '../settings';

/** Complete settings for engine tests: the defaults resolveSelectionSettings gives, one criterion (organizations). */
export function selectionSettings(overrides: Partial<SelectionSettings> = {}): SelectionSettings {
  return {
    presetCode: null,
    zoneIds: null,
    provinces: null,
    criteria: [{ indicator: 'party_org.count', weight: 1, direction: 'benefit', bounds: null }],
    method: 'weighted-sum',
    normalization: 'min-max',
    weighting: 'given',
    ahpMatrix: null,
    blendAlpha: null,
    missing: 'exclude',
    imputationRule: null,
    excludeHostedWithinYears: null,
    asOfYear: 2023,
    countAnnouncedMeetings: true,
    minimums: [],
    perturbationDelta: 0.05,
    monteCarloDraws: 1000,
    seed: 1,
    dethrone: true,
    source: 'PREFER_REPORTED',
    computedOverNamedOnly: false,
    period: null,
    top: 1,
    ...overrides,
  };
}
