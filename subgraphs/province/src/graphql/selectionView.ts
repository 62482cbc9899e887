import type { ResolvedCriterion } from '../analytics/criteria';
import type { SelectionOutcome } from '../analytics/selection/outcome';
import type { SelectionSettings } from '../analytics/selection/settings';
import type { SelectionSnapshot } from '../analytics/selection/snapshot';
import { missingCell } from '../analytics/selectFigure';
import { IndicatorDirection } from './types/catalogue.types';
import { Zone, ZoneFailure, ZoneLevel } from './types/directory.types';
import { toFigureCell, ValueSource } from './types/figure.types';
import { ImputationRule, MissingValuePolicyKind, NormalizationKind, RankingMethod, WeightingKind } from './types/selection.inputs';
import {
  BenchmarkSelection,
  CriterionContribution,
  CriterionSetting,
  CriterionWeight,
  DethroneFinding,
  ExcludedSite,
  ExclusionReason,
  MinimumSetting,
  RankChange,
  RankedSite,
  SelectionRobustness,
  SelectionSettingsView,
  UnassessableCriterion,
  WeightPerturbation,
} from './types/selection.types';

/** Zones by id, for the views; a zone gone from the directory since a run was saved still shows its id. */
export type ZoneLookup = (zoneId: string) => Zone;

export function zoneLookup(zones: readonly Zone[], snapshot: SelectionSnapshot): ZoneLookup {
  const byId = new Map(zones.map((z) => [z.id, z]));
  return (zoneId) =>
    byId.get(zoneId) ??
    Object.assign(new Zone(), {
      id: zoneId,
      nameZh: zoneId,
      nameEn: zoneId,
      city: null,
      level: ZoneLevel.UNKNOWN,
      directorySource: null,
      provinceCode: snapshot.zones.find((z) => z.id === zoneId)?.provinceCode ?? '',
    });
}

const upper = <T>(value: string): T => value.toUpperCase().replace('-', '_') as T;

const criterionSetting = (c: ResolvedCriterion) =>
  Object.assign(new CriterionSetting(), {
    indicator: c.indicator,
    weight: c.weight,
    direction: upper<IndicatorDirection>(c.direction),
    unacceptable: c.bounds?.unacceptable ?? null,
    satisfactory: c.bounds?.satisfactory ?? null,
  });

export function toSettingsView(s: SelectionSettings): SelectionSettingsView {
  return Object.assign(new SelectionSettingsView(), {
    preset: s.presetCode,
    zoneIds: s.zoneIds,
    provinces: s.provinces,
    criteria: s.criteria.map(criterionSetting),
    method: upper<RankingMethod>(s.method),
    normalization: upper<NormalizationKind>(s.normalization),
    weighting: upper<WeightingKind>(s.weighting),
    ahpMatrix: s.ahpMatrix,
    blendAlpha: s.blendAlpha,
    missing: upper<MissingValuePolicyKind>(s.missing),
    imputationRule: s.imputationRule ? upper<ImputationRule>(s.imputationRule) : null,
    excludeHostedWithinYears: s.excludeHostedWithinYears,
    asOfYear: s.asOfYear,
    countAnnouncedMeetings: s.countAnnouncedMeetings,
    minimums: s.minimums.map((m) => Object.assign(new MinimumSetting(), m)),
    perturbationDelta: s.perturbationDelta,
    monteCarloDraws: s.monteCarloDraws,
    seed: s.seed,
    dethrone: s.dethrone,
    source: s.source as ValueSource,
    computedOverNamedOnly: s.computedOverNamedOnly ?? null,
    period: s.period,
    top: s.top,
  });
}

function robustnessView(outcome: SelectionOutcome, zone: ZoneLookup): SelectionRobustness {
  const r = outcome.robustness;
  return Object.assign(new SelectionRobustness(), {
    perturbationDelta: r.perturbationDelta,
    stable: r.stable,
    perturbations: r.perturbations.map((p) =>
      Object.assign(new WeightPerturbation(), {
        indicator: p.indicator,
        direction: p.direction,
        originalWeight: p.originalWeight,
        newWeight: p.newWeight,
        rankChanges: p.changes.map((c) => Object.assign(new RankChange(), { zone: zone(c.zoneId), baseRank: c.baseRank, newRank: c.newRank })),
      }),
    ),
    monteCarloDraws: r.monteCarloDraws,
    monteCarloSeed: r.monteCarloSeed,
    dethrone: r.dethrone
      ? Object.assign(new DethroneFinding(), { ...r.dethrone, winner: zone(r.dethrone.winner), newLeader: zone(r.dethrone.newLeader) })
      : null,
    notes: r.notes,
  });
}

/** The GraphQL view of a selection: settings, snapshot and outcome, with zones and figures resolved. */
export function toSelectionView(
  settings: SelectionSettings,
  snapshot: SelectionSnapshot,
  outcome: SelectionOutcome,
  engineVersion: string,
  zone: ZoneLookup,
): BenchmarkSelection {
  const figure = (zoneId: string, indicator: string) =>
    toFigureCell(snapshot.cells[zoneId]?.[indicator] ?? missingCell(zoneId, indicator, 'not read in this run'));
  const ranked = outcome.ranked.map((r) =>
    Object.assign(new RankedSite(), {
      zone: zone(r.zoneId),
      rank: r.rank,
      score: r.score,
      selected: r.selected,
      breakdown: r.breakdown.map((b) => Object.assign(new CriterionContribution(), { ...b, figure: figure(r.zoneId, b.indicator) })),
      imputedIndicators: r.breakdown.filter((b) => b.imputed).map((b) => b.indicator),
      rankAcceptability: r.rankAcceptability,
      probabilityFirst: r.probabilityFirst,
      meanRank: r.meanRank,
    }),
  );
  return Object.assign(new BenchmarkSelection(), {
    settings: toSettingsView(settings),
    dataTakenAt: snapshot.takenAt,
    engineVersion,
    ranked,
    selected: ranked.filter((r) => r.selected),
    excluded: outcome.excluded.map((e) =>
      Object.assign(new ExcludedSite(), { zone: zone(e.zoneId), reason: e.reason as ExclusionReason, message: e.message, indicators: e.indicators }),
    ),
    weights: outcome.weights.map((w) =>
      Object.assign(new CriterionWeight(), { indicator: w.indicator, weight: w.weight, subjectiveWeight: w.subjective, entropyWeight: w.entropy }),
    ),
    unassessableCriteria: outcome.unassessable.map((u) => Object.assign(new UnassessableCriterion(), u)),
    consistencyRatio: outcome.consistencyRatio,
    robustness: robustnessView(outcome, zone),
    failedZones: snapshot.failures.map((f) => Object.assign(new ZoneFailure(), f)),
  });
}
