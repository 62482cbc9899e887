import { compareIds, competitionRanks, orderIndices, scoresTie } from './ordering';

describe('ordering and ties', () => {
  it('uses standard competition ranking 1,2,2,4', () => {
    const ids = ['a', 'b', 'c', 'd'];
    expect(competitionRanks(ids, [0.9, 0.5, 0.5, 0.1])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks(ids, [0.5, 0.5, 0.5, 0.5])).toEqual([1, 1, 1, 1]);
    expect(competitionRanks(ids, [0.1, 0.9, 0.9, 0.9])).toEqual([4, 1, 1, 1]);
  });

  it('treats scores equal up to rounding as tied', () => {
    const a = 0.1 + 0.2; // 0.30000000000000004
    expect(scoresTie(a, 0.3)).toBe(true);
    expect(competitionRanks(['x', 'y'], [a, 0.3])).toEqual([1, 1]);
    expect(scoresTie(0.3, 0.3001)).toBe(false);
  });

  it('orders by score descending then id ascending, independent of input order', () => {
    const ids = ['zone-b', 'zone-a', 'zone-c'];
    const scores = [0.7, 0.7, 0.9];
    expect(orderIndices(ids, scores).map((i) => ids[i])).toEqual(['zone-c', 'zone-a', 'zone-b']);
    const rev = [...ids].reverse();
    const revScores = [...scores].reverse();
    expect(orderIndices(rev, revScores).map((i) => rev[i])).toEqual(['zone-c', 'zone-a', 'zone-b']);
  });

  it('compares ids by code unit, not locale', () => {
    expect(compareIds('B', 'a')).toBe(-1);
    expect(compareIds('开发区2', '开发区10')).toBe(1);
    expect(compareIds('x', 'x')).toBe(0);
  });
});
