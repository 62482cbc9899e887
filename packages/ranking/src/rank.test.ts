import { FIGHTER_CANDIDATES, FIGHTER_CRITERIA, sum } from './__tests__/fixtures';
import { AhpInconsistencyError, RankingInputError } from './errors';
import { rank, type RankingInput } from './rank';
import type { Candidate, Criterion } from './types';

/** Illustrative development-zone data (synthetic). */
const ZONE_CRITERIA: Criterion[] = [
  // 党组织覆盖率: share of non-public enterprises with a party organisation
  { key: 'partyCoverage', direction: 'benefit', weight: 0.4, bounds: { unacceptable: 0.6, satisfactory: 1.0 } },
  // 党员人数占从业人员比例 (%)
  { key: 'memberShare', direction: 'benefit', weight: 0.3, bounds: { unacceptable: 2, satisfactory: 10 } },
  // 安全生产事故数 (incidents per year): smaller is better
  { key: 'incidents', direction: 'cost', weight: 0.3, bounds: { unacceptable: 10, satisfactory: 0 } },
];
const ZONES: Candidate[] = [
  { id: 'yongkang', values: { partyCoverage: 0.95, memberShare: 6, incidents: 2 } },
  { id: 'chengxi', values: { partyCoverage: 0.8, memberShare: 9, incidents: 4 } },
  { id: 'jinjiang', values: { partyCoverage: 0.7, memberShare: 4, incidents: 1 } },
  { id: 'anhui', values: { partyCoverage: 0.9, memberShare: 3, incidents: 6 } },
];

describe('rank() top-level', () => {
  it('efficacy-coefficient weighted sum, worked by hand', () => {
    // yongkang: coverage 60 + 40*.35/.4 = 95 ; share 60 + 40*4/8 = 80 ; incidents 60 + 40*(2-10)/(0-10) = 92
    //           score = .4*95 + .3*80 + .3*92 = 38 + 24 + 27.6 = 89.6
    // chengxi:  80, 95, 84 -> 32 + 28.5 + 25.2 = 85.7
    // jinjiang: 70, 70, 96 -> 28 + 21 + 28.8 = 77.8
    // anhui:    90, 65, 76 -> 36 + 19.5 + 22.8 = 78.3
    const r = rank({ criteria: ZONE_CRITERIA, candidates: ZONES, normalization: { kind: 'efficacy' } });
    expect(r.method).toBe('weighted-sum');
    expect(r.ranking.map((c) => c.id)).toEqual(['yongkang', 'chengxi', 'anhui', 'jinjiang']);
    const expected = [89.6, 85.7, 78.3, 77.8];
    r.ranking.forEach((c, k) => {
      expect(c.score).toBeCloseTo(expected[k], 10);
      expect(c.rank).toBe(k + 1);
      expect(sum(c.breakdown.map((b) => b.contribution))).toBeCloseTo(c.score, 12);
    });
    expect(r.weights).toEqual({ kind: 'given', values: { partyCoverage: 0.4, memberShare: 0.3, incidents: 0.3 } });
  });

  it('defaults: weighted sum + min-max; TOPSIS + vector', () => {
    expect(rank({ criteria: ZONE_CRITERIA, candidates: ZONES }).normalization).toEqual({ kind: 'min-max' });
    const t = rank({ criteria: FIGHTER_CRITERIA, candidates: FIGHTER_CANDIDATES, method: 'topsis' });
    expect(t.normalization).toEqual({ kind: 'vector' });
    // Hwang & Yoon (1981) fighter example, see methods/topsis.test.ts
    expect(t.ranking.map((c) => c.id)).toEqual(['A1', 'A3', 'A4', 'A2']);
    expect(t.ranking[0].score).toBeCloseTo(0.643277, 6);
  });

  it('is deterministic and independent of the input order of candidates', () => {
    const input: RankingInput = {
      criteria: ZONE_CRITERIA,
      candidates: ZONES,
      method: 'topsis',
      weights: { kind: 'entropy' },
      robustness: { perturbation: true, monteCarlo: { draws: 200, seed: 7 }, dethrone: true },
    };
    const a = rank(input);
    expect(rank(input)).toEqual(a);
    const shuffled = rank({ ...input, candidates: [ZONES[2], ZONES[0], ZONES[3], ZONES[1]] });
    expect(shuffled.ranking).toEqual(a.ranking);
    expect(shuffled.robustness.dethrone).toEqual(a.robustness.dethrone);
    expect(shuffled.robustness.perturbation?.baseline).toEqual(a.robustness.perturbation?.baseline);
  });

  it('weights sum to 1 for every weighting kind', () => {
    const ahpMatrix = [
      [1, 2, 3],
      [1 / 2, 1, 2],
      [1 / 3, 1 / 2, 1],
    ];
    const specs: RankingInput['weights'][] = [
      { kind: 'given' },
      { kind: 'given', weights: { partyCoverage: 5, memberShare: 3, incidents: 2 } },
      { kind: 'entropy' },
      { kind: 'entropy', preprocessing: 'proportion' },
      { kind: 'ahp', matrix: ahpMatrix },
      { kind: 'ahp', matrix: ahpMatrix, method: 'geometric-mean' },
      { kind: 'blend', alpha: 0.6, subjective: { kind: 'given' } },
      { kind: 'blend', alpha: 0.3, subjective: { kind: 'ahp', matrix: ahpMatrix } },
    ];
    for (const weights of specs) {
      const r = rank({ criteria: ZONE_CRITERIA, candidates: ZONES, weights });
      expect(sum(Object.values(r.weights.values))).toBeCloseTo(1, 12);
      expect(Object.keys(r.weights.values)).toEqual(['partyCoverage', 'memberShare', 'incidents']);
    }
  });

  it('blend reports both inputs and alpha, and equals the convex combination', () => {
    const r = rank({ criteria: ZONE_CRITERIA, candidates: ZONES, weights: { kind: 'blend', alpha: 0.25, subjective: { kind: 'given' } } });
    expect(r.weights.alpha).toBe(0.25);
    for (const k of ['partyCoverage', 'memberShare', 'incidents']) {
      expect(r.weights.values[k]).toBeCloseTo(0.25 * r.weights.subjective![k] + 0.75 * r.weights.objective![k], 14);
    }
    expect(r.weights.entropy?.preprocessing).toBe('min-max');
  });

  it('AHP order maps matrix rows to criteria; inconsistent judgements throw with the CR', () => {
    // consistent matrix for order (incidents, partyCoverage, memberShare) with weights .2, .5, .3
    const w = [0.2, 0.5, 0.3];
    const matrix = w.map((a) => w.map((b) => a / b));
    const r = rank({
      criteria: ZONE_CRITERIA,
      candidates: ZONES,
      weights: { kind: 'ahp', matrix, order: ['incidents', 'partyCoverage', 'memberShare'] },
    });
    expect(r.weights.values.incidents).toBeCloseTo(0.2, 10);
    expect(r.weights.values.partyCoverage).toBeCloseTo(0.5, 10);
    expect(r.weights.ahp?.cr).toBeCloseTo(0, 10);
    const bad = [
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ];
    expect(() => rank({ criteria: ZONE_CRITERIA, candidates: ZONES, weights: { kind: 'ahp', matrix: bad } })).toThrow(AhpInconsistencyError);
    expect(() => rank({ criteria: ZONE_CRITERIA, candidates: ZONES, weights: { kind: 'ahp', matrix: bad } })).toThrow(/CR = \d+\.\d{3}/);
    expect(() => rank({ criteria: ZONE_CRITERIA, candidates: ZONES, weights: { kind: 'ahp', matrix, order: ['incidents', 'nope', 'memberShare'] } })).toThrow(
      /weights\.order\[1\]/,
    );
  });

  it('missing values: exclusion is reported, imputation is reported per candidate', () => {
    const withGap: Candidate[] = [...ZONES, { id: 'xinqu', values: { partyCoverage: 0.99, memberShare: null, incidents: 0 } }];
    const ex = rank({ criteria: ZONE_CRITERIA, candidates: withGap, missing: { kind: 'exclude' } });
    expect(ex.ranking.map((c) => c.id)).not.toContain('xinqu');
    expect(ex.excluded).toEqual([{ id: 'xinqu', reason: "missing value for criterion 'memberShare'", missingCriteria: ['memberShare'] }]);
    const im = rank({ criteria: ZONE_CRITERIA, candidates: withGap, missing: { kind: 'impute', rule: 'worst' } });
    expect(im.imputed).toEqual([{ candidateId: 'xinqu', criterion: 'memberShare', rule: 'worst', value: 3 }]);
    expect(im.ranking.find((c) => c.id === 'xinqu')?.imputedCriteria).toEqual(['memberShare']);
  });

  it('robustness reports are included on request', () => {
    const r = rank({
      criteria: ZONE_CRITERIA,
      candidates: ZONES,
      normalization: { kind: 'efficacy', clamp: true },
      robustness: { perturbation: { delta: 0.05 }, monteCarlo: { draws: 300, seed: 11 }, dethrone: true },
    });
    expect(r.robustness.perturbation?.delta).toBe(0.05);
    expect(r.robustness.perturbation?.cases).toHaveLength(6);
    expect(r.robustness.monteCarlo?.candidates.map((c) => c.id)).toEqual(r.ranking.map((c) => c.id));
    expect(r.robustness.dethrone?.winner).toBe('yongkang');
    expect(rank({ criteria: ZONE_CRITERIA, candidates: ZONES }).robustness).toEqual({});
  });

  it('an unhandled missing value is reported at its input position', () => {
    const cands: Candidate[] = [ZONES[0], { id: 'aaa', values: { partyCoverage: 0.9, memberShare: undefined, incidents: 1 } }];
    expect(() => rank({ criteria: ZONE_CRITERIA, candidates: cands })).toThrow(/^candidates\[1\]\.values\.memberShare: value is missing/);
  });

  it('rejects unknown method, bad tie tolerance and unknown keys with field names', () => {
    expect(() => rank({ criteria: ZONE_CRITERIA, candidates: ZONES, method: 'electre' as 'topsis' })).toThrow(RankingInputError);
    expect(() => rank({ criteria: ZONE_CRITERIA, candidates: ZONES, tieTolerance: -1 })).toThrow(/tieTolerance/);
    expect(() => rank({ criteria: ZONE_CRITERIA, candidates: [{ id: 'z', values: { coverage: 1 } }] })).toThrow(/candidates\[0\]\.values\.coverage/);
    expect(() => rank({ criteria: [{ key: 'a', direction: 'benefit' }], candidates: [{ id: 'z', values: { a: 1 } }] })).toThrow(/criteria\[0\]\.weight/);
  });
});
