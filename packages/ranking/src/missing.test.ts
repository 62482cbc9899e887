import { median, resolveMissing } from './missing';
import { rank } from './rank';
import type { Candidate, Criterion } from './types';

const criteria: Criterion[] = [
  { key: 'coverage', direction: 'benefit', weight: 1 },
  { key: 'incidents', direction: 'cost', weight: 1 },
];
// Observed coverage: 0.5, 0.9, 0.7, 0.8 ; observed incidents: 4, 2, 6
const candidates: Candidate[] = [
  { id: 'Z1', values: { coverage: 0.5, incidents: 4 } },
  { id: 'Z2', values: { coverage: 0.9, incidents: null } },
  { id: 'Z3', values: { coverage: 0.7, incidents: 2 } },
  { id: 'Z4', values: { incidents: 6 } },
  { id: 'Z5', values: { coverage: 0.8, incidents: 2 } },
];

describe('missing values: exclude', () => {
  it('removes candidates with a missing cell and names the missing criterion', () => {
    const r = resolveMissing(criteria, candidates, { kind: 'exclude' });
    expect(r.matrix.ids).toEqual(['Z1', 'Z3', 'Z5']);
    expect(r.excluded).toEqual([
      { id: 'Z2', reason: "missing value for criterion 'incidents'", missingCriteria: ['incidents'] },
      { id: 'Z4', reason: "missing value for criterion 'coverage'", missingCriteria: ['coverage'] },
    ]);
    expect(r.imputed).toEqual([]);
  });

  it('lists every missing criterion in the reason', () => {
    const r = resolveMissing(
      criteria,
      [
        { id: 'A', values: {} },
        { id: 'B', values: { coverage: 1, incidents: 1 } },
      ],
      { kind: 'exclude' },
    );
    expect(r.excluded[0].reason).toBe("missing values for criteria 'coverage', 'incidents'");
  });

  it('throws when nobody is left', () => {
    expect(() => resolveMissing(criteria, [{ id: 'A', values: { coverage: 1 } }], { kind: 'exclude' })).toThrow(/none is left/);
  });
});

describe('missing values: impute (statistics over observed values only)', () => {
  // By hand: coverage observed [0.5, 0.9, 0.7, 0.8]: min 0.5, mean 0.725, median (0.7+0.8)/2 = 0.75;
  // incidents observed [4, 2, 6, 2]: min 2, mean 3.5, median 3, worst (cost) = max = 6.
  it.each([
    ['min', 0.5, 2],
    ['mean', 0.725, 3.5],
    ['median', 0.75, 3],
    ['worst', 0.5, 6],
  ] as const)('rule %s', (rule, coverageFill, incidentsFill) => {
    const r = resolveMissing(criteria, candidates, { kind: 'impute', rule });
    expect(r.excluded).toEqual([]);
    expect(r.matrix.ids).toEqual(['Z1', 'Z2', 'Z3', 'Z4', 'Z5']);
    expect(r.imputed).toHaveLength(2);
    expect(r.imputed[0]).toEqual({ candidateId: 'Z2', criterion: 'incidents', rule, value: expect.any(Number) });
    expect(r.imputed[0].value).toBeCloseTo(incidentsFill, 12);
    expect(r.imputed[1].candidateId).toBe('Z4');
    expect(r.imputed[1].criterion).toBe('coverage');
    expect(r.imputed[1].value).toBeCloseTo(coverageFill, 12);
    expect(r.matrix.values[3][0]).toBeCloseTo(coverageFill, 12);
  });

  it('throws when a criterion has no observed value at all', () => {
    expect(() => resolveMissing(criteria, [{ id: 'A', values: { coverage: 1 } }], { kind: 'impute', rule: 'mean' })).toThrow(
      /'incidents' has no observed value/,
    );
  });

  it('median handles odd and even lengths', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('rank() reports imputed cells per candidate and never treats missing as zero', () => {
    const r = rank({ criteria, candidates, missing: { kind: 'impute', rule: 'worst' } });
    const z4 = r.ranking.find((c) => c.id === 'Z4');
    expect(z4?.imputedCriteria).toEqual(['coverage']);
    expect(z4?.breakdown[0].raw).toBe(0.5);
    expect(r.imputed).toHaveLength(2);
    expect(r.missingPolicy).toEqual({ kind: 'impute', rule: 'worst' });
  });
});
