import { isOlderVersion, ZoneVersionMemo } from './zoneVersionMemo';

describe('ZoneVersionMemo', () => {
  it('answers only at the version a value was kept at', () => {
    const memo = new ZoneVersionMemo<string>(10);
    memo.set('a', '7', 'at 7');
    expect(memo.get('a', '7')).toBe('at 7');
    expect(memo.get('a', '8')).toBeUndefined();
    expect(memo.get('b', '7')).toBeUndefined();
    expect(memo.held('a')).toEqual({ dataVersion: '7', value: 'at 7', weight: 1 });
  });

  it('replaces a value by one at a later version, never by one at an earlier version', () => {
    const memo = new ZoneVersionMemo<string>(10);
    memo.set('a', '9', 'at 9');
    memo.set('a', '10', 'at 10');
    memo.set('a', '8', 'at 8');
    expect(memo.held('a')?.dataVersion).toBe('10');
    expect(memo.size).toBe(1);
  });

  it('compares versions as numbers, not as text', () => {
    expect(isOlderVersion('9', '10')).toBe(true);
    expect(isOlderVersion('10', '9')).toBe(false);
    expect(isOlderVersion('12345678901234567890', '12345678901234567891')).toBe(true);
  });

  it('gives up the zones kept longest once the weights pass the capacity, and keeps nothing heavier than it', () => {
    const memo = new ZoneVersionMemo<string>(5);
    memo.set('a', '1', 'a', 2);
    memo.set('b', '1', 'b', 2);
    memo.set('c', '1', 'c', 2);
    expect([memo.held('a'), memo.held('b')?.value, memo.held('c')?.value]).toEqual([undefined, 'b', 'c']);
    expect(memo.size).toBe(4);
    memo.set('d', '1', 'd', 6);
    expect(memo.held('d')).toBeUndefined();
    expect(memo.size).toBe(4);
  });

  it('keeps nothing with capacity 0 and refuses a capacity that is not a whole number', () => {
    const memo = new ZoneVersionMemo<string>(0);
    memo.set('a', '1', 'a');
    expect(memo.size).toBe(0);
    expect(() => new ZoneVersionMemo(1.5)).toThrow('ZoneVersionMemo capacity must be a whole number ≥ 0, got 1.5');
  });
});
