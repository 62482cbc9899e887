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
    const aggregate = aggregateCells([present('yongkang', 2000, 'AT_LEAST', '2022'), present('chengxi', 600, 'AT_LEAST', '2021'), present('x', 100, 'EXACT', '2022')]);
    expect(aggregate).toMatchObject({ valueCount: 3, lowerBoundCount: 2, qualifier: 'AT_LEAST', mean: 900, min: 100, max: 2000, periods: ['2021', '2022'] });
  });

  it('is ABOUT as soon as one value is approximate', () => {
    expect(aggregateCells([present('a', 5, 'AT_LEAST'), present('b', 7, 'ABOUT')])).toMatchObject({ qualifier: 'ABOUT', lowerBoundCount: 1 });
  });

  it('has null statistics and no qualifier without values, and handles an empty group', () => {
    expect(aggregateCells([missing('a'), unavailable('b')])).toMatchObject({ zoneCount: 2, valueCount: 0, missingCount: 1, unavailableCount: 1, mean: null, median: null, min: null, max: null, qualifier: null, periods: [] });
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
