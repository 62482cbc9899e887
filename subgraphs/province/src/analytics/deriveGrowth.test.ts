import type { Derivation } from '@devzone/catalogue';
import type { ZoneFigure } from '../zoneReader/zoneReader';
import { deriveGrowth, periodYearBefore } from './deriveGrowth';
import { resolveCells } from './resolveCells';
import { cellOf, missingCell } from './selectFigure';

const growth: Extract<Derivation, { kind: 'growth' }> = { kind: 'growth', base: 'fiscal_revenue', formula: 'fiscal_revenue growth' };
const figure = (over: Partial<ZoneFigure> & Pick<ZoneFigure, 'value' | 'period'>): ZoneFigure => ({
  zoneId: 'z',
  code: 'fiscal_revenue',
  unit: 'cny_100m',
  qualifier: 'EXACT',
  periodBasis: 'stated',
  note: null,
  provenance: { kind: 'REPORTED', document: '003_037c2896ec0aa84d.txt', passage: 'p', computation: null, recordCompleteness: null, recordCount: null },
  ...over,
});

describe('periodYearBefore', () => {
  it.each([
    ['2021', '2020'],
    ['2021-08', '2020-08'],
    ['2020-01/2020-04', '2019-01/2019-04'],
    ['2020-12-31', '2019-12-31'],
  ])('%s → %s', (period, expected) => expect(periodYearBefore(period)).toBe(expected));
});

describe('deriveGrowth', () => {
  it('computes (current ÷ previous − 1) × 100, exact only from exact figures, and keeps both inputs', () => {
    const current = cellOf(figure({ value: 15.42, period: '2020-01/2020-04' }), null);
    const previous = cellOf(figure({ value: 14.53, period: '2019-01/2019-04' }), null);
    const cell = deriveGrowth('z', 'derived.fiscal_revenue_growth', 'percent', growth, current, previous);
    expect(cell).toMatchObject({
      status: 'PRESENT',
      value: 6.1253,
      qualifier: 'EXACT',
      period: '2020-01/2020-04',
      periodBasis: 'against 2019-01/2019-04',
      provenance: { kind: 'DERIVED' },
    });
    expect(cell.inputs.map((i) => i.value)).toEqual([15.42, 14.53]);
    const bound = cellOf(figure({ value: 16, period: '2020-01/2020-04', qualifier: 'AT_LEAST' }), null);
    expect(deriveGrowth('z', 'd', 'percent', growth, bound, previous).qualifier).toBe('ABOUT');
  });

  it('is missing, with the period it needs, without a figure a year earlier; and when that figure is 0', () => {
    const current = cellOf(figure({ value: 15.42, period: '2020-01/2020-04' }), null);
    const none = deriveGrowth('z', 'd', 'percent', growth, current, missingCell('z', 'fiscal_revenue', 'none'));
    expect(none).toMatchObject({ status: 'MISSING', value: null });
    expect(none.note).toContain('needs fiscal_revenue for 2019-01/2019-04');
    const zero = deriveGrowth('z', 'd', 'percent', growth, current, cellOf(figure({ value: 0, period: '2019-01/2019-04' }), null));
    expect(zero.note).toContain('is 0 in 2019-01/2019-04');
  });

  it('is read by resolveCells from the same indicator a year apart, ignoring other periods', async () => {
    const figures = [
      figure({ value: 15.42, period: '2020-01/2020-04' }),
      figure({ value: 40, period: '2019' }),
      figure({ value: 14.53, period: '2019-01/2019-04' }),
    ];
    const requested: string[][] = [];
    const reader = {
      enterprises: async () => ({ pages: [], failures: [] }),
      figures: async (_zones: readonly string[], codes: readonly string[]) => {
        requested.push([...codes]);
        return { figures, unassessed: [], answered: ['z'], failures: [] };
      },
    };
    const table = await resolveCells(reader, ['z'], ['derived.fiscal_revenue_growth'], { source: 'REPORTED' });
    expect(requested).toEqual([['fiscal_revenue']]);
    expect(table.cells.z['derived.fiscal_revenue_growth']).toMatchObject({ status: 'PRESENT', value: 6.1253 });
  });
});
