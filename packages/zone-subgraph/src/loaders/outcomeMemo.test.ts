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

  it('lets the oldest entries go once full, keeping the newest', () => {
    const memo = new OutcomeMemo(2);
    memo.set('a', 'x', '1', because('1'));
    memo.set('a', 'x', '2', because('2'));
    memo.set('a', 'x', '2', because('2 again'));
    expect(memo.size).toBe(2);
    memo.set('a', 'x', '3', because('3'));
    expect(memo.size).toBe(2);
    expect(memo.get('a', 'x', '1')).toBeUndefined();
    expect(memo.get('a', 'x', '2')).toEqual(because('2 again'));
    expect(memo.get('a', 'x', '3')).toEqual(because('3'));
  });

  it('keeps nothing at capacity 0 and refuses a capacity that is not a whole number', () => {
    const memo = new OutcomeMemo(0);
    memo.set('a', 'x', '1', because('1'));
    expect(memo.size).toBe(0);
    expect(() => new OutcomeMemo(-1)).toThrow('OutcomeMemo capacity must be a whole number ≥ 0, got -1');
    expect(() => new OutcomeMemo(1.5)).toThrow('got 1.5');
  });
});
