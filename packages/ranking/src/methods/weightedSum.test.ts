import { sum } from '../__tests__/fixtures';
import { resolveMissing } from '../missing';
import { normalizeMatrix } from '../normalize';
import type { Criterion } from '../types';
import { weightedSum } from './weightedSum';

const criteria: Criterion[] = [
  { key: 'a', direction: 'benefit', weight: 0.5 },
  { key: 'b', direction: 'cost', weight: 0.3 },
  { key: 'c', direction: 'benefit', weight: 0.2 },
];
const candidates = [
  { id: 'X', values: { a: 10, b: 4, c: 1 } },
  { id: 'Y', values: { a: 20, b: 8, c: 3 } },
  { id: 'Z', values: { a: 15, b: 6, c: 5 } },
];

describe('weighted sum (SAW)', () => {
  // By hand, min-max: a -> X 0, Y 1, Z .5 ; b (cost) -> X 1, Y 0, Z .5 ; c -> X 0, Y .5, Z 1.
  // X = .3*1 = 0.3 ; Y = .5*1 + .2*.5 = 0.6 ; Z = .5*.5 + .3*.5 + .2*1 = 0.6 -> Y and Z tie.
  const m = normalizeMatrix(criteria, resolveMissing(criteria, candidates).matrix, { kind: 'min-max' });
  const r = weightedSum(m, { a: 0.5, b: 0.3, c: 0.2 });

  it('scores by hand', () => {
    const byId = Object.fromEntries(r.candidates.map((c) => [c.id, c]));
    expect(byId.X.score).toBeCloseTo(0.3, 12);
    expect(byId.Y.score).toBeCloseTo(0.6, 12);
    expect(byId.Z.score).toBeCloseTo(0.6, 12);
  });

  it('gives ties the same competition rank and orders ties by id', () => {
    expect(r.candidates.map((c) => [c.id, c.rank])).toEqual([
      ['Y', 1],
      ['Z', 1],
      ['X', 3],
    ]);
  });

  it('breakdown parts are w_j * n_ij and add up to the score exactly', () => {
    const z = r.candidates.find((c) => c.id === 'Z')!;
    expect(z.breakdown.map((b) => b.key)).toEqual(['a', 'b', 'c']);
    expect(z.breakdown[0]).toMatchObject({ raw: 15, normalized: 0.5, weight: 0.5, contribution: 0.25 });
    expect(z.breakdown[1].contribution).toBeCloseTo(0.15, 15);
    for (const c of r.candidates) {
      let s = 0;
      for (const b of c.breakdown) s += b.contribution;
      expect(s).toBe(c.score);
    }
  });

  it('normalises weights that do not sum to 1', () => {
    const r2 = weightedSum(m, { a: 5, b: 3, c: 2 });
    expect(r2.candidates.map((c) => c.score)).toEqual(r.candidates.map((c) => c.score));
    expect(sum(r2.candidates[0].breakdown.map((b) => b.weight))).toBeCloseTo(1, 15);
  });
});
