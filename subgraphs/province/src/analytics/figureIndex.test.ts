import type { ZoneFigure } from '../zoneReader/zoneReader';
import { indexFigures } from './figureIndex';

const figure = (zoneId: string, code: string, period: string): ZoneFigure => ({
  zoneId,
  code,
  value: 1,
  unit: 'count',
  qualifier: 'EXACT',
  period,
  periodBasis: 'stated',
  note: null,
  provenance: { kind: 'REPORTED', document: '001_43b773d05e2b406e.txt', passage: 'p', computation: null, recordCompleteness: null, recordCount: null },
});

describe('indexFigures', () => {
  const figures = [
    figure('a', 'party_org.count', '2022'),
    figure('b', 'party_org.count', '2023'),
    figure('a', 'honor.count', '2023'),
    figure('a', 'party_org.count', '2023'),
  ];
  const figuresOf = indexFigures(figures);

  it("gives one zone's figures of one code, in the read's order, and nothing of other zones or codes", () => {
    expect(figuresOf('a', 'party_org.count')).toEqual([figures[0], figures[3]]);
    expect(figuresOf('b', 'party_org.count')).toEqual([figures[1]]);
    expect(figuresOf('a', 'honor.count')).toEqual([figures[2]]);
  });

  it('gives an empty list for a zone or code the read did not hold', () => {
    expect(figuresOf('b', 'honor.count')).toEqual([]);
    expect(figuresOf('c', 'party_org.count')).toEqual([]);
    expect(indexFigures([])('a', 'party_org.count')).toEqual([]);
  });
});
