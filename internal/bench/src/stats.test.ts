import { percentile, summarize } from './stats';

describe('percentile', () => {
  it('interpolates between the nearest ranks', () => {
    const sorted = [1, 2, 3, 4];
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile(sorted, 50)).toBe(2.5);
    expect(percentile(sorted, 100)).toBe(4);
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48, 10);
  });

  it('returns the only value of a single sample and NaN for none', () => {
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('refuses a percentile outside 0..100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('does not depend on the order of the samples and leaves them untouched', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(summarize(samples)).toEqual({ count: 5, mean: 3, p50: 3, p95: 4.8, min: 1, max: 5 });
    expect(samples).toEqual([5, 1, 4, 2, 3]);
  });

  it('reports an empty set as zero samples', () => {
    const empty = summarize([]);
    expect(empty.count).toBe(0);
    expect(empty.mean).toBeNaN();
  });
});
