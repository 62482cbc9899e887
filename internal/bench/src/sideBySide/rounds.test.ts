import { formatRatio, formatSpread, ratioTo, summarizeRounds } from './rounds';

describe('summarizeRounds', () => {
  it('takes the middle round of an odd count and the spread as (max − min) / median', () => {
    expect(summarizeRounds([110, 90, 100])).toEqual({ rounds: 3, median: 100, spread: 0.2 });
  });

  it('averages the two middle rounds of an even count', () => {
    expect(summarizeRounds([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('ignores rounds that measured nothing, and gives NaN when none did', () => {
    expect(summarizeRounds([Number.NaN, 50]).median).toBe(50);
    const none = summarizeRounds([]);
    expect(none.rounds).toBe(0);
    expect(none.median).toBeNaN();
  });
});

describe('ratios and their text', () => {
  it('divides by the reference, NaN without one', () => {
    expect(ratioTo(70, 100)).toBeCloseTo(0.7);
    expect(ratioTo(70, 0)).toBeNaN();
    expect(ratioTo(Number.NaN, 100)).toBeNaN();
  });

  it('prints a ratio with two decimals and a spread as half its width', () => {
    expect(formatRatio(0.7)).toBe('0.70×');
    expect(formatRatio(Number.NaN)).toBe('-');
    expect(formatSpread(0.2)).toBe('±10%');
    expect(formatSpread(Number.NaN)).toBe('');
  });
});
