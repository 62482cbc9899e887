import { RankingInputError } from './errors';
import { applyMethod } from './methods';
import type { MethodKind, ScoredCandidate } from './methods/types';
import { assertMissingHandled, resolveMissing, type ExcludedCandidate, type ImputedCell, type MissingValuePolicy } from './missing';
import { normalizeMatrix } from './normalize';
import { compareIds } from './ordering';
import type { NormalizationSpec } from './normalize/types';
import { dethroneWinner, type DethroneOptions, type DethroneReport } from './robustness/dethrone';
import { monteCarloWeights, type MonteCarloOptions, type MonteCarloReport } from './robustness/monteCarlo';
import { weightPerturbation, type PerturbationReport } from './robustness/perturbation';
import type { ScoringProblem } from './robustness/problem';
import type { Candidate, Criterion, NumericMatrix, WeightVector } from './types';
import { validateCandidates, validateCriteria } from './validate';
import { ahpWeights, type AhpResult, type AhpWeightMethod, type PairwiseMatrix } from './weights/ahp';
import { blendWeights } from './weights/blend';
import { entropyWeights, type EntropyPreprocessing, type EntropyResult } from './weights/entropy';
import { normalizeWeights, weightsFromCriteria } from './weights/given';

/** Subjective weights: analyst-given numbers, or an AHP pairwise-comparison matrix. */
export type SubjectiveWeighting =
  | {
      readonly kind: 'given';
      /** Overrides `criteria[].weight` when present. */
      readonly weights?: WeightVector;
    }
  | {
      readonly kind: 'ahp';
      readonly matrix: PairwiseMatrix;
      /** Criterion key of each matrix row/column; defaults to the criteria order. */
      readonly order?: readonly string[];
      readonly method?: AhpWeightMethod;
      readonly crThreshold?: number;
      readonly reciprocityTolerance?: number;
    };

/** How the criterion weights are obtained. */
export type WeightingSpec =
  | SubjectiveWeighting
  | { readonly kind: 'entropy'; readonly preprocessing?: EntropyPreprocessing }
  | {
      readonly kind: 'blend';
      /** w = alpha * subjective + (1 - alpha) * entropy. */
      readonly alpha: number;
      readonly subjective: SubjectiveWeighting;
      readonly preprocessing?: EntropyPreprocessing;
    };

/** Which robustness analyses to run; `true` means default options. */
export interface RobustnessOptions {
  readonly perturbation?: boolean | { readonly delta?: number };
  readonly monteCarlo?: boolean | MonteCarloOptions;
  readonly dethrone?: boolean | DethroneOptions;
}

export interface RankingInput {
  readonly criteria: readonly Criterion[];
  readonly candidates: readonly Candidate[];
  /** Default 'weighted-sum'. */
  readonly method?: MethodKind;
  /** Default: min-max for the weighted sum, vector for TOPSIS. */
  readonly normalization?: NormalizationSpec;
  /** Default { kind: 'given' } (weights from criteria[].weight). */
  readonly weights?: WeightingSpec;
  /** Required as soon as any value is missing. */
  readonly missing?: MissingValuePolicy;
  readonly robustness?: RobustnessOptions;
  /** Relative tie tolerance; default 1e-9. */
  readonly tieTolerance?: number;
}

/** The weights used and how they were obtained. */
export interface WeightingReport {
  readonly kind: WeightingSpec['kind'];
  /** Final weights (sum 1), criteria order. */
  readonly values: Record<string, number>;
  /** For blends: the two inputs and alpha. */
  readonly subjective?: Record<string, number>;
  readonly objective?: Record<string, number>;
  readonly alpha?: number;
  readonly ahp?: AhpResult;
  readonly entropy?: EntropyResult;
}

export interface RankedCandidate extends ScoredCandidate {
  /** Criteria whose value for this candidate was imputed. */
  readonly imputedCriteria: readonly string[];
}

export interface RobustnessReport {
  readonly perturbation?: PerturbationReport;
  readonly monteCarlo?: MonteCarloReport;
  readonly dethrone?: DethroneReport;
}

export interface RankingResult {
  readonly method: MethodKind;
  readonly normalization: NormalizationSpec;
  readonly weights: WeightingReport;
  /** Score descending, then id ascending; competition ranks. */
  readonly ranking: readonly RankedCandidate[];
  readonly excluded: readonly ExcludedCandidate[];
  readonly imputed: readonly ImputedCell[];
  readonly missingPolicy: MissingValuePolicy | null;
  readonly robustness: RobustnessReport;
}

function subjectiveWeights(criteria: readonly Criterion[], spec: SubjectiveWeighting, field: string): { values: Record<string, number>; ahp?: AhpResult } {
  const keys = criteria.map((c) => c.key);
  if (spec.kind === 'given') {
    return { values: spec.weights ? normalizeWeights(spec.weights, keys, `${field}.weights`) : weightsFromCriteria(criteria) };
  }
  if (spec.kind === 'ahp') {
    const order = spec.order ?? keys;
    const known = new Set(keys);
    const seen = new Set<string>();
    order.forEach((k, i) => {
      if (!known.has(k)) throw new RankingInputError(`${field}.order[${i}]`, `unknown criterion key '${k}'`);
      if (seen.has(k)) throw new RankingInputError(`${field}.order[${i}]`, `duplicate criterion key '${k}'`);
      seen.add(k);
    });
    if (order.length !== keys.length) {
      const missing = keys.filter((k) => !seen.has(k));
      throw new RankingInputError(`${field}.order`, `must list every criterion; missing ${missing.map((k) => `'${k}'`).join(', ')}`);
    }
    const ahp = ahpWeights(order, spec.matrix, {
      method: spec.method,
      crThreshold: spec.crThreshold,
      reciprocityTolerance: spec.reciprocityTolerance,
    });
    return { values: normalizeWeights(ahp.weights, keys, `${field}.matrix`), ahp };
  }
  throw new RankingInputError(`${field}.kind`, `unknown weighting '${String((spec as { kind: unknown }).kind)}'`);
}

function resolveWeights(criteria: readonly Criterion[], matrix: NumericMatrix, spec: WeightingSpec): WeightingReport {
  switch (spec.kind) {
    case 'given':
    case 'ahp': {
      const s = subjectiveWeights(criteria, spec, 'weights');
      return { kind: spec.kind, values: s.values, ...(s.ahp ? { ahp: s.ahp } : {}) };
    }
    case 'entropy': {
      const entropy = entropyWeights(criteria, matrix, { preprocessing: spec.preprocessing });
      return { kind: 'entropy', values: entropy.weights, entropy };
    }
    case 'blend': {
      const s = subjectiveWeights(criteria, spec.subjective, 'weights.subjective');
      const entropy = entropyWeights(criteria, matrix, { preprocessing: spec.preprocessing });
      const values = blendWeights(s.values, entropy.weights, spec.alpha, matrix.keys);
      return {
        kind: 'blend',
        values,
        subjective: s.values,
        objective: entropy.weights,
        alpha: spec.alpha,
        ...(s.ahp ? { ahp: s.ahp } : {}),
        entropy,
      };
    }
    default:
      throw new RankingInputError('weights.kind', `unknown weighting '${String((spec as { kind: unknown }).kind)}'`);
  }
}

/**
 * Ranks candidates in one deterministic pass:
 * validate -> missing-value policy -> weights -> normalisation -> method -> robustness.
 * Entropy weights are computed on the matrix after the missing-value policy
 * (excluded candidates removed, imputed values included). Candidates are processed
 * in id order, so the result (including `excluded` and `imputed`, listed in id
 * order) does not depend on the input order, bit for bit. No randomness except the
 * seeded Monte Carlo analysis.
 */
export function rank(input: RankingInput): RankingResult {
  if (input === null || typeof input !== 'object') throw new RankingInputError('input', 'must be an object');
  const method: MethodKind = input.method ?? 'weighted-sum';
  if (method !== 'weighted-sum' && method !== 'topsis') {
    throw new RankingInputError('method', `unknown method '${String(method)}'; use 'weighted-sum' or 'topsis'`);
  }
  const tieTolerance = input.tieTolerance;
  if (tieTolerance !== undefined && !(Number.isFinite(tieTolerance) && tieTolerance >= 0)) {
    throw new RankingInputError('tieTolerance', `must be a finite number >= 0 (got ${String(tieTolerance)})`);
  }
  validateCriteria(input.criteria);
  validateCandidates(input.criteria, input.candidates);
  assertMissingHandled(input.criteria, input.candidates, input.missing);
  // Canonical row order (id ascending) so that every floating-point sum, and hence the
  // output, is bit-for-bit independent of the order in which candidates were supplied.
  const candidates = [...input.candidates].sort((a, b) => compareIds(a.id, b.id));
  const { matrix, excluded, imputed } = resolveMissing(input.criteria, candidates, input.missing);
  const weights = resolveWeights(input.criteria, matrix, input.weights ?? { kind: 'given' });
  const normalization: NormalizationSpec = input.normalization ?? (method === 'topsis' ? { kind: 'vector' } : { kind: 'min-max' });
  const normalized = normalizeMatrix(input.criteria, matrix, normalization);
  const result = applyMethod(method, normalized, weights.values, { tieTolerance });

  const imputedBy = new Map<string, string[]>();
  for (const cell of imputed) imputedBy.set(cell.candidateId, [...(imputedBy.get(cell.candidateId) ?? []), cell.criterion]);
  const ranking: RankedCandidate[] = result.candidates.map((c) => ({ ...c, imputedCriteria: imputedBy.get(c.id) ?? [] }));

  const problem: ScoringProblem = { matrix: normalized, weights: weights.values, method, tieTolerance };
  const r = input.robustness ?? {};
  const opts = <T extends object>(v: boolean | T | undefined): T | undefined => (v === undefined || v === false ? undefined : v === true ? ({} as T) : v);
  const perturbationOptions = opts(r.perturbation);
  const monteCarloOptions = opts(r.monteCarlo);
  const dethroneOptions = opts(r.dethrone);
  const robustness: RobustnessReport = {
    ...(perturbationOptions ? { perturbation: weightPerturbation(problem, perturbationOptions) } : {}),
    ...(monteCarloOptions ? { monteCarlo: monteCarloWeights(problem, monteCarloOptions) } : {}),
    ...(dethroneOptions ? { dethrone: dethroneWinner(problem, dethroneOptions) } : {}),
  };

  return {
    method,
    normalization,
    weights,
    ranking,
    excluded,
    imputed,
    missingPolicy: input.missing ?? null,
    robustness,
  };
}
