import { ERRORS } from '@devzone/errors';
import {
  AhpInconsistencyError,
  rank,
  RankingInputError,
  type Criterion,
  type RankingResult,
  type SubjectiveWeighting,
  type WeightingSpec,
} from '@devzone/ranking';
import type { ResolvedCriterion } from '../criteria';
import { isPresent } from '../cell';
import { screenCandidates } from './eligibility';
import type { RankedZoneOutcome, RobustnessOutcome, SelectionOutcome, WeightOutcome } from './outcome';
import type { SelectionSettings } from './settings';
import type { SelectionSnapshot } from './snapshot';

const FIGURE_KIND = { REPORTED: 'a reported figure', COMPUTED: 'a computed figure', PREFER_REPORTED: 'a figure (reported or computed)' } as const;
const FIGURE_KIND_COMPLETE_ONLY = {
  ...FIGURE_KIND,
  COMPUTED: 'a computed figure over complete records',
  PREFER_REPORTED: 'a figure (reported, or computed over complete records)',
} as const;

/**
 * The kind of figure the run looked for, in words. Runs saved before
 * `computedOverNamedOnly` existed keep their wording, so that they replay
 * identically.
 */
const figureKind = (settings: SelectionSettings) => (settings.computedOverNamedOnly === false ? FIGURE_KIND_COMPLETE_ONLY : FIGURE_KIND)[settings.source];

const NO_ROBUSTNESS = (notes: string[]): RobustnessOutcome => ({
  perturbationDelta: null,
  stable: null,
  perturbations: [],
  monteCarloDraws: null,
  monteCarloSeed: null,
  dethrone: null,
  notes,
});

function weightingSpec(settings: SelectionSettings, kept: readonly ResolvedCriterion[]): WeightingSpec {
  const keys = kept.map((c) => c.indicator);
  const subjective = (): SubjectiveWeighting => {
    if (!settings.ahpMatrix) return { kind: 'given' };
    // Criteria left out keep the judgements among the others: the sub-matrix.
    const rows = keys.map((k) => settings.criteria.findIndex((c) => c.indicator === k));
    return { kind: 'ahp', order: keys, matrix: rows.map((i) => rows.map((j) => settings.ahpMatrix![i][j])) };
  };
  switch (settings.weighting) {
    case 'given':
    case 'ahp':
      return subjective();
    case 'entropy':
      return { kind: 'entropy' };
    case 'blend':
      return { kind: 'blend', alpha: settings.blendAlpha ?? 0.5, subjective: subjective() };
  }
}

function weightsOf(result: RankingResult, kept: readonly ResolvedCriterion[]): WeightOutcome[] {
  const w = result.weights;
  return kept.map(({ indicator }) => ({
    indicator,
    weight: w.values[indicator],
    subjective: w.subjective?.[indicator] ?? (w.kind === 'given' || w.kind === 'ahp' ? w.values[indicator] : null),
    entropy: w.objective?.[indicator] ?? w.entropy?.weights[indicator] ?? null,
  }));
}

function robustnessOf(result: RankingResult, settings: SelectionSettings, notes: string[]): RobustnessOutcome {
  const { perturbation, monteCarlo, dethrone } = result.robustness;
  const smallest = dethrone?.smallest ?? null;
  return {
    perturbationDelta: perturbation?.delta ?? null,
    stable: perturbation?.stable ?? null,
    perturbations: (perturbation?.cases ?? []).map((c) => ({
      indicator: c.criterion,
      direction: c.direction,
      originalWeight: c.originalWeight,
      newWeight: c.newWeight,
      changes: c.changes.map((ch) => ({ zoneId: ch.id, baseRank: ch.baseRank, newRank: ch.newRank })),
    })),
    monteCarloDraws: monteCarlo?.draws ?? null,
    monteCarloSeed: monteCarlo ? settings.seed : null,
    dethrone:
      dethrone && smallest
        ? {
            winner: dethrone.winner,
            indicator: smallest.criterion,
            originalWeight: smallest.originalWeight,
            newWeight: smallest.newWeight,
            delta: smallest.delta,
            newLeader: smallest.newLeader,
          }
        : null,
    notes: dethrone && !smallest ? [...notes, `no single weight change in [0, 1] dethrones ${dethrone.winner}`] : notes,
  };
}

function rankOrRefuse(input: Parameters<typeof rank>[0]): RankingResult {
  try {
    return rank(input);
  } catch (error) {
    if (error instanceof AhpInconsistencyError)
      throw ERRORS.BAD_USER_INPUT.err(`input.weighting.ahpMatrix: ${error.message}`, { field: 'input.weighting.ahpMatrix', consistencyRatio: error.cr });
    if (error instanceof RankingInputError) throw ERRORS.BAD_USER_INPUT.err(`input: ${error.message}`, { field: `input.${error.field}` });
    throw error;
  }
}

/**
 * A benchmark selection from settings and a snapshot of figures: screen the
 * zones (unavailable, hosted recently, below a minimum), leave out criteria no
 * candidate has, apply the missing-value policy, rank with @devzone/ranking,
 * and test the ranking's robustness. Pure and deterministic: a saved run
 * replays through this function.
 */
export function runSelection(settings: SelectionSettings, snapshot: SelectionSnapshot): SelectionOutcome {
  const screened = screenCandidates(settings, snapshot);
  const excluded = [...screened.excluded];
  let candidates = screened.candidates;
  const present = (zoneId: string, indicator: string) => isPresent(snapshot.cells[zoneId]?.[indicator]);

  const empty = (note: string, unassessable: SelectionOutcome['unassessable'] = []): SelectionOutcome => ({
    ranked: [],
    excluded,
    weights: [],
    unassessable,
    consistencyRatio: null,
    robustness: NO_ROBUSTNESS([note]),
  });
  if (candidates.length === 0) return empty('no candidate is left to rank');

  const kept = settings.criteria.filter((c) => candidates.some((z) => present(z, c.indicator)));
  const unassessable = settings.criteria
    .filter((c) => !kept.includes(c))
    .map((c) => ({
      indicator: c.indicator,
      reason: `no candidate has ${figureKind(settings)} for ${c.indicator}${settings.period ? ` in ${settings.period}` : ''}: left out, the other weights renormalised`,
    }));

  if (kept.length === 0) {
    const all = settings.criteria.map((c) => c.indicator);
    for (const zoneId of candidates)
      excluded.push({ zoneId, reason: 'MISSING_VALUE', message: `no figure for any criterion (${all.join(', ')}): nothing to rank it on`, indicators: all });
    return empty('no criterion could be assessed: nothing to rank', unassessable);
  }
  // Imputation fills gaps; it does not rank a zone on nothing but imputed values.
  if (settings.missing === 'impute') {
    const observed: string[] = [];
    for (const zoneId of candidates) {
      if (kept.some((c) => present(zoneId, c.indicator))) observed.push(zoneId);
      else
        excluded.push({
          zoneId,
          reason: 'MISSING_VALUE',
          message: `no figure for any criterion (${kept.map((c) => c.indicator).join(', ')}): nothing to rank it on`,
          indicators: kept.map((c) => c.indicator),
        });
    }
    candidates = observed;
  }
  if (settings.missing === 'exclude') {
    const complete: string[] = [];
    for (const zoneId of candidates) {
      const lacking = kept.filter((c) => !present(zoneId, c.indicator)).map((c) => c.indicator);
      if (lacking.length === 0) complete.push(zoneId);
      else
        excluded.push({ zoneId, reason: 'MISSING_VALUE', message: `no figure for ${lacking.join(', ')} (missing-value policy: exclude)`, indicators: lacking });
    }
    candidates = complete;
  }
  if (candidates.length === 0) return empty('no candidate is left to rank', unassessable);

  const criteria: Criterion[] = kept.map((c) => ({ key: c.indicator, direction: c.direction, weight: c.weight, ...(c.bounds ? { bounds: c.bounds } : {}) }));
  const withRobustness = candidates.length >= 2;
  const result = rankOrRefuse({
    criteria,
    candidates: candidates.map((id) => ({
      id,
      values: Object.fromEntries(kept.map((c) => [c.indicator, present(id, c.indicator) ? snapshot.cells[id][c.indicator].value : null])),
    })),
    method: settings.method,
    normalization: { kind: settings.normalization },
    weights: weightingSpec(settings, kept),
    ...(settings.missing === 'impute' ? { missing: { kind: 'impute' as const, rule: settings.imputationRule ?? 'worst' } } : {}),
    robustness: withRobustness
      ? {
          ...(settings.perturbationDelta !== null ? { perturbation: { delta: settings.perturbationDelta } } : {}),
          ...(settings.monteCarloDraws !== null ? { monteCarlo: { draws: settings.monteCarloDraws, seed: settings.seed } } : {}),
          ...(settings.dethrone ? { dethrone: true } : {}),
        }
      : {},
  });

  const acceptability = new Map((result.robustness.monteCarlo?.candidates ?? []).map((c) => [c.id, c]));
  const ranked: RankedZoneOutcome[] = result.ranking.map((c) => ({
    zoneId: c.id,
    rank: c.rank,
    score: c.score,
    selected: c.rank <= settings.top,
    breakdown: c.breakdown.map((b) => ({
      indicator: b.key,
      raw: b.raw,
      normalized: b.normalized,
      weight: b.weight,
      contribution: b.contribution,
      imputed: c.imputedCriteria.includes(b.key),
    })),
    rankAcceptability: acceptability.get(c.id)?.rankAcceptability.slice() ?? null,
    probabilityFirst: acceptability.get(c.id)?.probabilityFirst ?? null,
    meanRank: acceptability.get(c.id)?.meanRank ?? null,
  }));
  return {
    ranked,
    excluded,
    weights: weightsOf(result, kept),
    unassessable,
    consistencyRatio: result.weights.ahp?.cr ?? null,
    robustness: robustnessOf(result, settings, withRobustness ? [] : ['robustness needs at least two ranked candidates']),
  };
}
