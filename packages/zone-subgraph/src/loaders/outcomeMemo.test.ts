import { OutcomeMemo } from './outcomeMemo';

const because = (reason: string) => ({ unassessed: reason });

describe('OutcomeMemo', () => {
  it('answers per zone, code and data version', () => {
    const memo = new OutcomeMemo();
    memo.set('a', 'honor.count', '7', because('seven'));
    expect(memo.get('a', 'honor.count', '7')).toEqual(because('seven'));
    expect(memo.get('a', 'honor.count', '8')).toBeUndefined();
    expect(memo.get('a', 'party_org.count', '7')).toBeUndefined();
    expect(memo.get('b', 'honor.count', '7')).toBeUndefined();
  });

  it("holds a zone's latest version only: a later one replaces it, an earlier one is not kept", () => {
    const memo = new OutcomeMemo();
    memo.set('a', 'x', '9', because('x at 9'));
    memo.set('a', 'y', '9', because('y at 9'));
    memo.set('b', 'x', '9', because('b'));
    memo.set('a', 'x', '10', because('x at 10'));
    expect(memo.get('a', 'x', '10')).toEqual(because('x at 10'));
    expect(memo.get('a', 'y', '9')).toBeUndefined();
    expect(memo.get('a', 'y', '10')).toBeUndefined();
    expect(memo.size).toBe(2);
    memo.set('a', 'y', '9', because('a late reader at 9'));
    expect(memo.get('a', 'y', '9')).toBeUndefined();
    expect(memo.get('a', 'x', '10')).toEqual(because('x at 10'));
    expect(memo.size).toBe(2);
    // Versions compare as numbers, not as text.
    memo.set('b', 'x', '10', because('b at 10'));
    expect(memo.get('b', 'x', '10')).toEqual(because('b at 10'));
  });

  it('lets the outcomes of the zones kept longest go once full, keeping the newest', () => {
    const memo = new OutcomeMemo(3);
    memo.set('a', 'x', '1', because('a x'));
    memo.set('a', 'y', '1', because('a y'));
    memo.set('b', 'x', '1', because('b x'));
    memo.set('b', 'x', '1', because('b x again'));
    expect(memo.size).toBe(3);
    memo.set('c', 'x', '1', because('c x'));
    expect(memo.size).toBe(3);
    expect(memo.get('a', 'x', '1')).toBeUndefined();
    expect(memo.get('a', 'y', '1')).toEqual(because('a y'));
    memo.set('c', 'y', '1', because('c y'));
    expect(memo.get('a', 'y', '1')).toBeUndefined();
    expect([memo.get('b', 'x', '1'), memo.get('c', 'x', '1'), memo.get('c', 'y', '1')]).toEqual([because('b x again'), because('c x'), because('c y')]);
    // A zone with more codes than the capacity keeps its latest ones.
    const small = new OutcomeMemo(1);
    small.set('a', 'x', '1', because('x'));
    small.set('a', 'y', '1', because('y'));
    expect([small.size, small.get('a', 'x', '1'), small.get('a', 'y', '1')]).toEqual([1, undefined, because('y')]);
  });

  it('keeps nothing at capacity 0 and refuses a capacity that is not a whole number', () => {
    const memo = new OutcomeMemo(0);
    memo.set('a', 'x', '1', because('1'));
    expect(memo.size).toBe(0);
    expect(() => new OutcomeMemo(-1)).toThrow('OutcomeMemo capacity must be a whole number ≥ 0, got -1');
    expect(() => new OutcomeMemo(1.5)).toThrow('got 1.5');
  });
});
