import fc from 'fast-check';
import { randomProblem } from '../__tests__/fixtures';
import { referenceDethrone, referenceDrawWeights, referenceMonteCarlo } from '../__tests__/referenceRobustness';
import { methodScores } from '../methods';
import type { MethodKind } from '../methods/types';
import { resolveMissing, type MissingValuePolicy } from '../missing';
import { normalizeMatrix } from '../normalize';
import type { NormalizationSpec } from '../normalize/types';
import * as ordering from '../ordering';
import { competitionRanks } from '../ordering';
import type { Candidate, Criterion } from '../types';
import { dethroneWinner } from './dethrone';
import { drawWeights, monteCarloWeights, type WeightDistribution } from './monteCarlo';
import type { ScoringProblem } from './problem';
import { mulberry32 } from './prng';
import { createRanker } from './ranker';
import { createScorer } from './scorer';

/** Cells: many exact ties (a few small integers), near-ties 3e-10 apart that chain across the 1e-9 tolerance, spread values, missing ones. */
const cell = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 12 }).map((k) => 1 + k * 3e-10) },
  { weight: 2, arbitrary: fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const tieTolerance = fc.constantFrom(undefined, 0, 1e-9, 1e-3, 0.05, 0.3, 1, 2);
const method = fc.constantFrom<MethodKind>('weighted-sum', 'topsis');
const normalization = fc.constantFrom<NormalizationSpec>({ kind: 'min-max' }, { kind: 'vector' }, { kind: 'z-score' });
const missing = fc.constantFrom<MissingValuePolicy>(
  { kind: 'exclude' },
  { kind: 'impute', rule: 'worst' },
  { kind: 'impute', rule: 'median' },
  { kind: 'impute', rule: 'mean' },
);
const distribution = fc.oneof(
  fc.constantFrom(0.5, 5, 50, 1e9).map((concentration): WeightDistribution => ({ kind: 'dirichlet', concentration })),
  fc.constantFrom(0, 0.3, 1).map((sigma): WeightDistribution => ({ kind: 'lognormal', sigma })),
);

/** A scoring problem as `rank` builds it: candidates in id order, the missing-value policy applied, then normalised. */
const problem = fc
  .record({
    m: fc.integer({ min: 1, max: 24 }),
    n: fc.integer({ min: 1, max: 4 }),
    method,
    normalization,
    missing,
    tieTolerance,
    seed: fc.integer(),
  })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      rows: fc.array(fc.array(cell, { minLength: shape.n, maxLength: shape.n }), { minLength: shape.m, maxLength: shape.m }),
      weights: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 5, noNaN: true })), { minLength: shape.n, maxLength: shape.n }),
      directions: fc.array(fc.constantFrom<Criterion['direction']>('benefit', 'cost'), { minLength: shape.n, maxLength: shape.n }),
    }),
  )
  .map(({ shape, rows, weights, directions }): ScoringProblem | null => {
    if (!weights.some((w) => w > 0)) return null;
    const criteria: Criterion[] = directions.map((direction, j) => ({ key: `c${j}`, direction, weight: weights[j] }));
    const candidates: Candidate[] = rows.map((row, i) => ({
      id: `z${String(i).padStart(2, '0')}`,
      values: Object.fromEntries(row.map((v, j) => [`c${j}`, v])),
    }));
    try {
      const { matrix } = resolveMissing(criteria, candidates, shape.missing);
      const normalized = normalizeMatrix(criteria, matrix, shape.normalization);
      return {
        matrix: normalized,
        weights: Object.fromEntries(criteria.map((c) => [c.key, c.weight!])),
        method: shape.method,
        tieTolerance: shape.tieTolerance,
      };
    } catch {
      return null; // every candidate excluded, or a criterion with nothing to impute from
    }
  });

describe('robustness scored and ranked into buffers gives the plain computation, bit for bit', () => {
  it('scorer: the same scores as methodScores', () => {
    fc.assert(
      fc.property(problem, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), (p, raw) => {
        fc.pre(p !== null);
        const n = p!.matrix.keys.length;
        const w = raw.slice(0, n);
        const scores = new Float64Array(p!.matrix.ids.length);
        createScorer(p!.method, p!.matrix.values, n).scoreInto(w, scores);
        expect(Array.from(scores)).toStrictEqual(methodScores(p!.method, p!.matrix.values, w));
      }),
      { numRuns: 150 },
    );
  });

  it('ranker: the same ranks as competitionRanks, near-tie chains, scores a few ulps apart, signed zeros and tolerances above 1 included', () => {
    const score = fc.oneof(
      fc.integer({ min: -2, max: 2 }),
      fc.integer({ min: 0, max: 12 }).map((k) => 1 + k * 4e-10),
      fc.integer({ min: 0, max: 12 }).map((k) => -10 - k * 4e-9),
      // a few units in the last place apart: closer than the index bits the ranker packs into its sort keys
      fc.integer({ min: 0, max: 2000 }).map((k) => 1 + k * Number.EPSILON),
      fc.constantFrom(0, -0),
      fc.double({ min: -30, max: 30, noNaN: true }),
    );
    const sorting = jest.spyOn(ordering, 'competitionRanks');
    const paths = { numeric: 0, comparator: 0 };
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 40 }), tieTolerance, (scores, tol) => {
        const ids = scores.map((_, i) => `id${(i * 7919) % 101}-${i}`);
        const ranks = new Int32Array(scores.length);
        const before = sorting.mock.calls.length;
        createRanker(ids, tol ?? 1e-9).ranksInto(Float64Array.from(scores), ranks);
        paths[sorting.mock.calls.length > before ? 'comparator' : 'numeric'] += 1;
        expect(Array.from(ranks)).toStrictEqual(competitionRanks(ids, scores, tol ?? 1e-9));
      }),
      { numRuns: 1000 },
    );
    sorting.mockRestore();
    // Both ways were taken, many times: the numeric one, and the fallback to the comparator sort.
    expect(paths.numeric).toBeGreaterThan(300);
    expect(paths.comparator).toBeGreaterThan(50);
  });

  it('ranker: a chain of near-ties wider than the tolerance (x ~ y, y ~ z, x !~ z) still ranks as competitionRanks', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const scores = [0, 0.6e-9, 1.2e-9, 0.5];
    const ranks = new Int32Array(4);
    createRanker(ids, 1e-9).ranksInto(Float64Array.from(scores), ranks);
    expect(Array.from(ranks)).toStrictEqual(competitionRanks(ids, scores, 1e-9));
  });

  it('drawWeights: the same draws, in the same order, as the plain draw', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        distribution,
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1, noNaN: true })), { minLength: 1, maxLength: 6 }),
        (seed, d, raw) => {
          fc.pre(raw.some((x) => x > 0));
          const total = raw.reduce((a, b) => a + b, 0);
          const w = raw.map((x) => x / total);
          const a = mulberry32(seed);
          const b = mulberry32(seed);
          for (let k = 0; k < 20; k++) expect(drawWeights(a, w, d)).toStrictEqual(referenceDrawWeights(b, w, d));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('Monte Carlo: the same report as the plain computation (random problems with ties, near-ties and missing values)', () => {
    fc.assert(
      fc.property(problem, fc.integer({ min: 1, max: 30 }), fc.integer(), distribution, (p, draws, seed, d) => {
        fc.pre(p !== null);
        expect(monteCarloWeights(p!, { draws, seed, distribution: d })).toStrictEqual(referenceMonteCarlo(p!, draws, seed, d));
      }),
      { numRuns: 200 },
    );
  });

  it('Monte Carlo at selection scale: 400 zones (many exact ties), the same report', () => {
    const { criteria, candidates } = randomProblem(400, 400, 3);
    const rounded = candidates.map((c) => ({
      ...c,
      values: Object.fromEntries(Object.entries(c.values).map(([k, v]) => [k, Math.round((v as number) / 10)])),
    }));
    const matrix = normalizeMatrix(criteria, resolveMissing(criteria, rounded).matrix, { kind: 'min-max' });
    const p: ScoringProblem = { matrix, weights: Object.fromEntries(criteria.map((c) => [c.key, c.weight!])), method: 'weighted-sum' };
    expect(monteCarloWeights(p, { draws: 100, seed: 1 })).toStrictEqual(referenceMonteCarlo(p, 100, 1));
  });

  it('dethrone at selection scale: 400 zones, the weighted sum scanning only the zones that could overtake, the same report', () => {
    const { criteria, candidates } = randomProblem(401, 400, 3);
    const matrix = normalizeMatrix(criteria, resolveMissing(criteria, candidates).matrix, { kind: 'min-max' });
    const p: ScoringProblem = { matrix, weights: Object.fromEntries(criteria.map((c) => [c.key, c.weight!])), method: 'weighted-sum' };
    expect(dethroneWinner(p, { gridSteps: 200 })).toStrictEqual(referenceDethrone(p, 200));
  });

  it('dethrone: the same report as the plain search', () => {
    fc.assert(
      fc.property(problem, fc.integer({ min: 1, max: 40 }), (p, gridSteps) => {
        fc.pre(p !== null);
        expect(dethroneWinner(p!, { gridSteps, tolerance: 1e-6 })).toStrictEqual(referenceDethrone(p!, gridSteps, 1e-6));
      }),
      { numRuns: 150 },
    );
  });
});
