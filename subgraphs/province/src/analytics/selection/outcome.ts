export type ExclusionReason = 'ZONE_UNAVAILABLE' | 'HOSTED_RECENTLY' | 'BELOW_MINIMUM' | 'MISSING_VALUE';

export interface ContributionOutcome {
  indicator: string;
  /** The value scored (the imputed one when `imputed`). */
  raw: number;
  normalized: number;
  weight: number;
  /** This criterion's additive part of the score; the parts sum to the score. */
  contribution: number;
  imputed: boolean;
}

export interface RankedZoneOutcome {
  zoneId: string;
  rank: number;
  score: number;
  selected: boolean;
  breakdown: ContributionOutcome[];
  /** Monte Carlo: share of weight draws in which the zone took rank r (index r − 1). */
  rankAcceptability: number[] | null;
  probabilityFirst: number | null;
  meanRank: number | null;
}

export interface ExcludedZoneOutcome {
  zoneId: string;
  reason: ExclusionReason;
  message: string;
  indicators: string[];
}

export interface WeightOutcome {
  indicator: string;
  weight: number;
  subjective: number | null;
  entropy: number | null;
}

export interface PerturbationOutcome {
  indicator: string;
  direction: 'increase' | 'decrease';
  originalWeight: number;
  newWeight: number;
  changes: { zoneId: string; baseRank: number; newRank: number }[];
}

export interface DethroneOutcome {
  winner: string;
  indicator: string;
  originalWeight: number;
  newWeight: number;
  delta: number;
  newLeader: string;
}

export interface RobustnessOutcome {
  perturbationDelta: number | null;
  /** True when no ±delta perturbation changed any rank. */
  stable: boolean | null;
  perturbations: PerturbationOutcome[];
  monteCarloDraws: number | null;
  monteCarloSeed: number | null;
  /** The smallest single weight change that dethrones the winner; null when none does (or not asked). */
  dethrone: DethroneOutcome | null;
  notes: string[];
}

/** The result of a selection run: plain JSON, stored with a saved run. */
export interface SelectionOutcome {
  ranked: RankedZoneOutcome[];
  excluded: ExcludedZoneOutcome[];
  weights: WeightOutcome[];
  /** Criteria no remaining candidate has a figure for: left out, weights renormalised. */
  unassessable: { indicator: string; reason: string }[];
  consistencyRatio: number | null;
  robustness: RobustnessOutcome;
}
