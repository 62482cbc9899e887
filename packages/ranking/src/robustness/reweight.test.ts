import { sum } from '../__tests__/fixtures';
import { reweight } from './reweight';

describe('reweight (one weight set, others rescaled proportionally)', () => {
  it('keeps the ratios of the other weights and sums to 1 (by hand)', () => {
    const w = reweight([0.5, 0.3, 0.2], 0, 0.3);
    expect(w[0]).toBe(0.3);
    expect(w[1]).toBeCloseTo(0.42, 15); // 0.3 * 0.7 / 0.5
    expect(w[2]).toBeCloseTo(0.28, 15); // 0.2 * 0.7 / 0.5
    expect(sum(w)).toBeCloseTo(1, 15);
  });
  it('handles w_j = 1 by splitting the freed mass equally', () => {
    expect(reweight([1, 0, 0], 0, 0.4)).toEqual([0.4, 0.3, 0.3]);
  });
  it('endpoints: t = 1 puts all weight on j; t = 0 removes j', () => {
    expect(reweight([0.5, 0.3, 0.2], 1, 1)).toEqual([0, 1, 0]);
    const w = reweight([0.5, 0.3, 0.2], 1, 0);
    expect(w[0]).toBeCloseTo(0.5 / 0.7, 15);
    expect(sum(w)).toBeCloseTo(1, 15);
  });
  it('rejects t outside [0, 1]', () => {
    expect(() => reweight([0.5, 0.5], 0, 1.2)).toThrow(/\[0, 1\]/);
  });
});
