import { roundLabel, roundPasses, formatRatio, formatSpread, pairedRatio, ratioTo, summarizeRounds } from './rounds';

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

  it('pairs rounds: a machine twice as fast in one round moves both cells of that round, not the ratio', () => {
    // Round 2 ran on a machine twice as fast; in round 3 the column alone had a lucky window. The
    // medians' ratio is that one round's (700 / 1100 = 0.64×); paired, two rounds of three say 0.5×.
    expect(pairedRatio([500, 1000, 700], [1000, 2000, 1100])).toBeCloseTo(0.5);
    expect(ratioTo(summarizeRounds([500, 1000, 700]).median, summarizeRounds([1000, 2000, 1100]).median)).toBeCloseTo(0.636, 3);
  });

  it('leaves out a round either cell measured nothing in, NaN when no round pairs', () => {
    expect(pairedRatio([Number.NaN, 300, 400], [100, 200, 200])).toBeCloseTo(1.75);
    expect(pairedRatio([300], [Number.NaN])).toBeNaN();
    expect(pairedRatio([], [])).toBeNaN();
  });

  it('prints a ratio with two decimals and a spread as half its width', () => {
    expect(formatRatio(0.7)).toBe('0.70×');
    expect(formatRatio(Number.NaN)).toBe('-');
    expect(formatSpread(0.2)).toBe('±10%');
    expect(formatSpread(Number.NaN)).toBe('');
  });
});

describe('roundPasses', () => {
  it('runs the warm-up rounds first, then the measured ones, counting the order across both', () => {
    const passes = roundPasses(1, 3);
    expect(passes).toEqual([
      { round: 1, warmup: true, index: 0 },
      { round: 1, warmup: false, index: 1 },
      { round: 2, warmup: false, index: 2 },
      { round: 3, warmup: false, index: 3 },
    ]);
    expect(passes.map((pass) => roundLabel(pass, 1, 3))).toEqual(['warm-up round 1/1 (not measured)', 'round 1/3', 'round 2/3', 'round 3/3']);
  });

  it('measures every round when no warm-up is asked (--quick)', () => {
    expect(roundPasses(0, 2)).toEqual([
      { round: 1, warmup: false, index: 0 },
      { round: 2, warmup: false, index: 1 },
    ]);
  });
});
