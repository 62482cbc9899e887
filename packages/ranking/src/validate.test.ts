import { RankingInputError } from './errors';
import { resolveMissing } from './missing';
import { rank } from './rank';
import type { Candidate, Criterion } from './types';
import { validateCandidates, validateCriteria } from './validate';

const criteria: Criterion[] = [
  { key: 'coverage', direction: 'benefit', weight: 2 },
  { key: 'cost', direction: 'cost', weight: 1 },
];

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof RankingInputError) return e.field;
    throw e;
  }
  throw new Error('expected a RankingInputError');
}

describe('input validation names the offending field', () => {
  it('rejects an empty candidate list', () => {
    expect(() => validateCandidates(criteria, [])).toThrow(RankingInputError);
    expect(fieldOf(() => rank({ criteria, candidates: [] }))).toBe('candidates');
  });

  it('rejects an empty criteria list', () => {
    expect(fieldOf(() => validateCriteria([]))).toBe('criteria');
  });

  it('rejects an unknown criterion key in candidate values', () => {
    const candidates: Candidate[] = [{ id: 'Z1', values: { coverage: 0.9, cost: 3, partyCoverage: 1 } }];
    expect(fieldOf(() => validateCandidates(criteria, candidates))).toBe('candidates[0].values.partyCoverage');
    expect(() => validateCandidates(criteria, candidates)).toThrow(/unknown criterion key 'partyCoverage'/);
  });

  it('rejects NaN and infinite values, naming candidate and criterion', () => {
    const nan: Candidate[] = [
      { id: 'Z1', values: { coverage: 0.9, cost: 3 } },
      { id: 'Z2', values: { coverage: Number.NaN, cost: 3 } },
    ];
    expect(fieldOf(() => validateCandidates(criteria, nan))).toBe('candidates[1].values.coverage');
    expect(() => validateCandidates(criteria, nan)).toThrow(/NaN.*'Z2'/);
    const inf: Candidate[] = [{ id: 'Z1', values: { coverage: Infinity, cost: 3 } }];
    expect(fieldOf(() => validateCandidates(criteria, inf))).toBe('candidates[0].values.coverage');
  });

  it('rejects non-numeric values arriving at runtime', () => {
    const bad = [{ id: 'Z1', values: { coverage: '0.9' as unknown as number, cost: 3 } }];
    expect(fieldOf(() => validateCandidates(criteria, bad))).toBe('candidates[0].values.coverage');
  });

  it('rejects negative, NaN and infinite criterion weights', () => {
    expect(fieldOf(() => validateCriteria([{ key: 'a', direction: 'benefit', weight: -1 }]))).toBe('criteria[0].weight');
    expect(() => validateCriteria([{ key: 'a', direction: 'benefit', weight: -1 }])).toThrow(/non-negative/);
    expect(fieldOf(() => validateCriteria([{ key: 'a', direction: 'benefit', weight: Number.NaN }]))).toBe('criteria[0].weight');
    expect(fieldOf(() => validateCriteria([{ key: 'a', direction: 'benefit', weight: Infinity }]))).toBe('criteria[0].weight');
  });

  it('rejects duplicate keys and ids, bad directions', () => {
    expect(
      fieldOf(() =>
        validateCriteria([
          { key: 'a', direction: 'benefit' },
          { key: 'a', direction: 'cost' },
        ]),
      ),
    ).toBe('criteria[1].key');
    expect(fieldOf(() => validateCriteria([{ key: 'a', direction: 'up' as 'benefit' }]))).toBe('criteria[0].direction');
    const dup: Candidate[] = [
      { id: 'Z1', values: { coverage: 1, cost: 1 } },
      { id: 'Z1', values: { coverage: 1, cost: 1 } },
    ];
    expect(fieldOf(() => validateCandidates(criteria, dup))).toBe('candidates[1].id');
  });

  it('rejects bounds inconsistent with the direction', () => {
    expect(fieldOf(() => validateCriteria([{ key: 'a', direction: 'benefit', bounds: { unacceptable: 100, satisfactory: 60 } }]))).toBe('criteria[0].bounds');
    expect(() => validateCriteria([{ key: 'a', direction: 'cost', bounds: { unacceptable: 1, satisfactory: 5 } }])).toThrow(/unacceptable > satisfactory/);
    expect(fieldOf(() => validateCriteria([{ key: 'a', direction: 'cost', bounds: { unacceptable: 5, satisfactory: 5 } }]))).toBe('criteria[0].bounds');
  });

  it('refuses to score missing values silently when no policy is given', () => {
    const candidates: Candidate[] = [
      { id: 'Z1', values: { coverage: 0.9, cost: 3 } },
      { id: 'Z2', values: { coverage: null, cost: 3 } },
    ];
    expect(fieldOf(() => resolveMissing(criteria, candidates))).toBe('candidates[1].values.coverage');
    expect(() => rank({ criteria, candidates })).toThrow(/no missing-value policy/);
  });

  it('rejects all-zero given weights and unknown weight keys', () => {
    const zero: Criterion[] = [
      { key: 'a', direction: 'benefit', weight: 0 },
      { key: 'b', direction: 'benefit', weight: 0 },
    ];
    const candidates: Candidate[] = [{ id: 'Z1', values: { a: 1, b: 2 } }];
    expect(() => rank({ criteria: zero, candidates })).toThrow(/all zero/);
    expect(
      fieldOf(() =>
        rank({
          criteria,
          candidates: [{ id: 'Z1', values: { coverage: 1, cost: 1 } }],
          weights: { kind: 'given', weights: { coverage: 1, cost: 1, bogus: 1 } },
        }),
      ),
    ).toBe('weights.weights.bogus');
  });
});
