import { aggregateByProvince, aggregateCells, aggregateQualifier } from './aggregate';
import type { Cell } from './cell';
import { missingCell } from './selectFigure';

const present = (zoneId: string, value: number, qualifier: 'EXACT' | 'AT_LEAST' | 'ABOUT' = 'EXACT', period = '2022'): Cell => ({
  zoneId,
  code: 'party_member.count',
  status: 'PRESENT',
  value,
  unit: 'person',
  qualifier,
  period,
  periodBasis: 'stated',
  provenance: { kind: 'REPORTED', document: 'd.txt', passage: 'p', computation: null },
  inputs: [],
  note: null,
});
const missing = (zoneId: string): Cell => missingCell(zoneId, 'party_member.count', 'no reported figure');
const unavailable = (zoneId: string): Cell => ({ ...missing(zoneId), status: 'ZONE_UNAVAILABLE', note: 'down' });

describe('aggregateQualifier', () => {
  it('is EXACT only from exact values, AT_LEAST when lower bounds join exact values, ABOUT otherwise', () => {
    expect(aggregateQualifier(['EXACT', 'EXACT'])).toBe('EXACT');
    expect(aggregateQualifier(['EXACT', 'AT_LEAST'])).toBe('AT_LEAST');
    expect(aggregateQualifier(['AT_LEAST', 'AT_LEAST'])).toBe('AT_LEAST');
    expect(aggregateQualifier(['EXACT', 'AT_LEAST', 'ABOUT'])).toBe('ABOUT');
    expect(aggregateQualifier(['EXACT', null])).toBe('ABOUT');
    expect(aggregateQualifier([])).toBeNull();
  });
});

const computed = (zoneId: string, value: number, recordCompleteness: 'COMPLETE' | 'NAMED_ONLY', qualifier: 'EXACT' | 'AT_LEAST' = 'EXACT'): Cell => ({
  ...present(zoneId, value, qualifier, '2020'),
  provenance: { kind: 'COMPUTED', document: null, passage: null, computation: 'count', recordCompleteness, recordCount: value },
});
const derivedFrom = (zoneId: string, value: number, inputs: Cell[]): Cell => ({
  ...present(zoneId, value, 'ABOUT'),
  provenance: { kind: 'DERIVED', document: null, passage: null, computation: 'a ÷ b' },
  inputs,
});

describe('aggregateQualifier: the weakest precision (EXACT < AT_LEAST < ABOUT)', () => {
  it('does not depend on the order of the inputs', () => {
    expect(aggregateQualifier(['ABOUT', 'EXACT'])).toBe('ABOUT');
    expect(aggregateQualifier(['AT_LEAST', 'ABOUT', 'EXACT'])).toBe('ABOUT');
    expect(aggregateQualifier(['AT_LEAST', 'EXACT', 'AT_LEAST'])).toBe('AT_LEAST');
  });
});

describe('aggregateCells: where the values come from', () => {
  it('counts reported, computed and derived values, and those resting on named-only records', () => {
    const aggregate = aggregateCells([
      present('chuzhou', 115),
      present('ningguo', 83),
      computed('feixi', 7, 'NAMED_ONLY', 'AT_LEAST'),
      computed('big', 400, 'COMPLETE'),
      derivedFrom('changfeng', 3, [computed('changfeng', 1, 'NAMED_ONLY', 'AT_LEAST'), present('changfeng', 3)]),
      missing('dangtu'),
    ]);
    expect(aggregate).toMatchObject({
      valueCount: 5,
      reportedCount: 2,
      computedCount: 2,
      derivedCount: 1,
      namedOnlyCount: 2,
      lowerBoundCount: 1,
      qualifier: 'ABOUT',
    });
  });

  it('says a mean mixing exact reported and lower-bound computed counts is only a lower bound, not EXACT', () => {
    // Anhui's party_org.count on opt-in: reported 115 and 83, computed 7 and 1 over named-only records.
    const aggregate = aggregateCells([
      present('chuzhou', 115),
      present('ningguo', 83),
      computed('feixi', 7, 'NAMED_ONLY', 'AT_LEAST'),
      computed('changfeng', 1, 'NAMED_ONLY', 'AT_LEAST'),
    ]);
    expect(aggregate).toMatchObject({ mean: 51.5, qualifier: 'AT_LEAST', reportedCount: 2, computedCount: 2, namedOnlyCount: 2, lowerBoundCount: 2 });
  });
});

describe('aggregateCells', () => {
  it('computes mean, median, min and max over present values only, and counts the rest', () => {
    const aggregate = aggregateCells([present('a', 10), present('b', 30), missing('c'), present('d', 20), unavailable('e')]);
    expect(aggregate).toEqual({
      zoneCount: 5,
      valueCount: 3,
      missingCount: 1,
      unavailableCount: 1,
      mean: 20,
      median: 20,
      min: 10,
      max: 30,
      lowerBoundCount: 0,
      reportedCount: 3,
      computedCount: 0,
      derivedCount: 0,
      namedOnlyCount: 0,
      qualifier: 'EXACT',
      periods: ['2022'],
    });
  });

  it('takes the middle pair for an even count and rounds to 4 decimals', () => {
    const aggregate = aggregateCells([present('a', 1), present('b', 2), present('c', 2), present('d', 10)]);
    expect(aggregate.median).toBe(2);
    expect(aggregateCells([present('a', 1), present('b', 4)]).median).toBe(2.5);
    expect(aggregateCells([present('a', 1), present('b', 1), present('c', 2)]).mean).toBe(1.3333);
  });

  it('marks a lower bound: one AT_LEAST value makes the mean a lower bound too', () => {
    const aggregate = aggregateCells([
      present('yongkang', 2000, 'AT_LEAST', '2022'),
      present('chengxi', 600, 'AT_LEAST', '2021'),
      present('x', 100, 'EXACT', '2022'),
    ]);
    expect(aggregate).toMatchObject({ valueCount: 3, lowerBoundCount: 2, qualifier: 'AT_LEAST', mean: 900, min: 100, max: 2000, periods: ['2021', '2022'] });
  });

  it('is ABOUT as soon as one value is approximate', () => {
    expect(aggregateCells([present('a', 5, 'AT_LEAST'), present('b', 7, 'ABOUT')])).toMatchObject({ qualifier: 'ABOUT', lowerBoundCount: 1 });
  });

  it('has null statistics and no qualifier without values, and handles an empty group', () => {
    expect(aggregateCells([missing('a'), unavailable('b')])).toMatchObject({
      zoneCount: 2,
      valueCount: 0,
      missingCount: 1,
      unavailableCount: 1,
      mean: null,
      median: null,
      min: null,
      max: null,
      qualifier: null,
      periods: [],
    });
    expect(aggregateCells([])).toMatchObject({ zoneCount: 0, valueCount: 0, mean: null, qualifier: null });
  });

  it('does not count a present cell without a value as a value', () => {
    expect(aggregateCells([{ ...present('a', 1), value: null }]).valueCount).toBe(0);
  });
});

describe('aggregateByProvince', () => {
  const zones = [
    { zoneId: 'a1', provinceCode: 'anhui' },
    { zoneId: 'z1', provinceCode: 'zhejiang' },
    { zoneId: 'a2', provinceCode: 'anhui' },
  ];
  const cells = {
    a1: { 'party_member.count': present('a1', 900, 'AT_LEAST'), 'party_org.count': present('a1', 83) },
    a2: { 'party_member.count': missing('a2'), 'party_org.count': present('a2', 115) },
    z1: { 'party_member.count': present('z1', 2000, 'AT_LEAST'), 'party_org.count': present('z1', 82) },
  };

  it('groups zones by province, in the order of provinces and codes given', () => {
    const rows = aggregateByProvince(['zhejiang', 'anhui'], zones, ['party_org.count', 'party_member.count'], cells);
    expect(rows.map((r) => [r.provinceCode, r.code])).toEqual([
      ['zhejiang', 'party_org.count'],
      ['zhejiang', 'party_member.count'],
      ['anhui', 'party_org.count'],
      ['anhui', 'party_member.count'],
    ]);
    expect(rows[2].aggregate).toMatchObject({ zoneCount: 2, valueCount: 2, mean: 99, qualifier: 'EXACT' });
    expect(rows[3].aggregate).toMatchObject({ zoneCount: 2, valueCount: 1, missingCount: 1, mean: 900, qualifier: 'AT_LEAST', lowerBoundCount: 1 });
  });

  it('gives a province without zones in scope an empty aggregate, and counts a zone without a cell as missing', () => {
    const rows = aggregateByProvince(['fujian', 'anhui'], zones, ['red_flag_branch.count'], cells);
    expect(rows[0].aggregate).toMatchObject({ zoneCount: 0, valueCount: 0, mean: null });
    expect(rows[1].aggregate).toMatchObject({ zoneCount: 2, valueCount: 0, missingCount: 2 });
  });
});
