import { readFigureSheet, type FigureSheet } from './figureSheet';

const SHEET: FigureSheet = {
  indicators: [
    {
      code: 'party_org.count',
      value: 12,
      unit: 'count',
      qualifier: 'AT_LEAST',
      period: '2023',
      periodBasis: null,
      note: null,
      provenance: { kind: 'REPORTED', document: '000_b89a998cf9687559.txt', passage: null, computation: null, recordCompleteness: null, recordCount: null },
    },
  ],
  unassessedIndicators: [{ code: 'org_coverage.rate', reason: 'not assessable: named-only records' }],
};

describe('readFigureSheet', () => {
  it('answers a well-formed sheet as it is', () => {
    expect(readFigureSheet(JSON.parse(JSON.stringify(SHEET)))).toEqual(SHEET);
  });

  it.each([
    ['a value that is not a number', { ...SHEET, indicators: [{ ...SHEET.indicators[0]!, value: '12' }] }, 'figure sheet: indicators[0].value:'],
    ['an unknown qualifier', { ...SHEET, indicators: [{ ...SHEET.indicators[0]!, qualifier: 'ROUGHLY' }] }, 'figure sheet: indicators[0].qualifier:'],
    [
      'a provenance without its kind',
      { ...SHEET, indicators: [{ ...SHEET.indicators[0]!, provenance: { ...SHEET.indicators[0]!.provenance, kind: undefined } }] },
      'figure sheet: indicators[0].provenance.kind:',
    ],
    ['a missing list', { indicators: [] }, 'figure sheet: unassessedIndicators:'],
    ['a string', 'figures', 'figure sheet: the sheet:'],
  ])('refuses %s, naming the field', (_name, value, message) => {
    expect(() => readFigureSheet(value)).toThrow(message);
  });
});
