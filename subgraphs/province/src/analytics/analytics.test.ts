import type { ZoneFigure } from '../zoneReader/zoneReader';
import { deriveCell } from './derive';
import { resolveCells, storedCodes } from './resolveCells';
import { selectFigure } from './selectFigure';

const figure = (over: Partial<ZoneFigure> & Pick<ZoneFigure, 'code' | 'value'>): ZoneFigure => ({
  zoneId: 'z',
  unit: 'count',
  qualifier: 'EXACT',
  period: '2023',
  periodBasis: 'stated',
  note: null,
  provenance: { kind: 'REPORTED', document: '001_43b773d05e2b406e.txt', passage: 'p', computation: null },
  ...over,
});

describe('selectFigure', () => {
  const figures = [
    figure({ code: 'party_org.count', value: 80, period: '2022' }),
    figure({ code: 'party_org.count', value: 82, period: '2023' }),
    figure({ code: 'party_org.count', value: 9, period: '2026-11-23', provenance: { kind: 'COMPUTED', document: null, passage: null, computation: 'count' } }),
  ];

  it('takes the latest reported figure and says it chose', () => {
    const cell = selectFigure('z', 'party_org.count', figures, { source: 'REPORTED' });
    expect(cell).toMatchObject({ status: 'PRESENT', value: 82, period: '2023' });
    expect(cell.note).toContain('2 reported figures');
  });

  it('honours a period and the computed source', () => {
    expect(selectFigure('z', 'party_org.count', figures, { source: 'REPORTED', period: '2022' }).value).toBe(80);
    expect(selectFigure('z', 'party_org.count', figures, { source: 'COMPUTED' }).value).toBe(9);
  });

  it('falls back to computed only when asked to, and says so', () => {
    const onlyComputed = figures.filter((f) => f.provenance.kind === 'COMPUTED');
    expect(selectFigure('z', 'party_org.count', onlyComputed, { source: 'REPORTED' })).toMatchObject({ status: 'MISSING', note: 'no reported figure' });
    const cell = selectFigure('z', 'party_org.count', onlyComputed, { source: 'PREFER_REPORTED' });
    expect(cell).toMatchObject({ status: 'PRESENT', value: 9 });
    expect(cell.note).toContain('computed from records');
  });
});

describe('deriveCell', () => {
  const ratio = { kind: 'ratio' as const, numerator: 'party_member.count', denominator: 'party_org.count', scale: 1, formula: 'party_member.count ÷ party_org.count' };
  const members = selectFigure('z', 'party_member.count', [figure({ code: 'party_member.count', value: 2000, qualifier: 'AT_LEAST', unit: 'person' })], { source: 'REPORTED' });
  const orgs = selectFigure('z', 'party_org.count', [figure({ code: 'party_org.count', value: 82 })], { source: 'REPORTED' });

  it('divides, keeps a lower bound a lower bound, and shows its inputs', () => {
    const cell = deriveCell('z', 'derived.members_per_org', 'persons_per_org', ratio, members, orgs);
    expect(cell).toMatchObject({ status: 'PRESENT', value: 24.3902, qualifier: 'AT_LEAST', provenance: { kind: 'DERIVED', computation: ratio.formula } });
    expect(cell.inputs.map((i) => i.value)).toEqual([2000, 82]);
  });

  it('is missing, with the reason, when an input is missing or the denominator is zero', () => {
    const none = selectFigure('z', 'party_org.count', [], { source: 'REPORTED' });
    expect(deriveCell('z', 'd', 'u', ratio, members, none).note).toContain('party_org.count is missing');
    const zero = selectFigure('z', 'party_org.count', [figure({ code: 'party_org.count', value: 0 })], { source: 'REPORTED' });
    expect(deriveCell('z', 'd', 'u', ratio, members, zero).note).toContain('party_org.count is 0');
  });
});

describe('resolveCells', () => {
  it('reads derived inputs instead of derived codes and marks failed zones', async () => {
    expect(storedCodes(['derived.members_per_org', 'red_flag_branch.count'])).toEqual(['party_member.count', 'party_org.count', 'red_flag_branch.count']);
    const reader = {
      enterprises: async () => ({ pages: [], failures: [] }),
      figures: async (_zones: readonly string[], codes: readonly string[]) => ({
        figures: [figure({ zoneId: 'a', code: 'party_org.count', value: 10 }), figure({ zoneId: 'a', code: 'party_member.count', value: 50, unit: 'person' })].filter((f) => codes.includes(f.code)),
        answered: ['a'],
        failures: [{ zoneId: 'b', service: 'svc-b', message: 'Zone "b" (service "svc-b") is unavailable' }],
      }),
    };
    const table = await resolveCells(reader, ['a', 'b'], ['derived.members_per_org'], { source: 'REPORTED' });
    expect(table.cells.a['derived.members_per_org'].value).toBe(5);
    expect(table.cells.b['derived.members_per_org']).toMatchObject({ status: 'ZONE_UNAVAILABLE', note: 'Zone "b" (service "svc-b") is unavailable' });
  });
});
