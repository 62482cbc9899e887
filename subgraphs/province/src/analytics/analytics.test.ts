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
  provenance: { kind: 'REPORTED', document: '001_43b773d05e2b406e.txt', passage: 'p', computation: null, recordCompleteness: null, recordCount: null },
  ...over,
});

describe('selectFigure', () => {
  const figures = [
    figure({ code: 'party_org.count', value: 80, period: '2022' }),
    figure({ code: 'party_org.count', value: 82, period: '2023' }),
    figure({
      code: 'party_org.count',
      value: 9,
      period: '2024-06',
      provenance: { kind: 'COMPUTED', document: null, passage: null, computation: 'count', recordCompleteness: 'COMPLETE', recordCount: 9 },
    }),
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

describe('selectFigure: computed figures over named-only records', () => {
  const computed = (code: string, value: number, recordCompleteness: 'COMPLETE' | 'NAMED_ONLY' | null, qualifier: ZoneFigure['qualifier'] = 'EXACT') =>
    figure({
      code,
      value,
      qualifier,
      period: '2020',
      provenance: { kind: 'COMPUTED', document: null, passage: null, computation: 'count', recordCompleteness, recordCount: 7 },
    });
  const namedOnly = computed('party_org.count', 7, 'NAMED_ONLY', 'AT_LEAST');
  const reported = figure({ code: 'party_org.count', value: 115, period: '2020' });

  it('leaves a named-only computed figure out by default, saying what was left out and how to opt in', () => {
    for (const source of ['PREFER_REPORTED', 'COMPUTED'] as const) {
      const cell = selectFigure('z', 'party_org.count', [namedOnly], { source });
      expect(cell).toMatchObject({ status: 'MISSING', value: null, provenance: null });
      expect(cell.note).toContain('the computed figure (at least 7, over 7 named-only records) is not used: computedOverNamedOnly is off');
    }
  });

  it('treats a computed figure of unknown completeness like a named-only one', () => {
    const cell = selectFigure('z', 'party_org.count', [computed('party_org.count', 7, null)], { source: 'PREFER_REPORTED' });
    expect(cell.status).toBe('MISSING');
    expect(cell.note).toContain('over 7 records of unknown completeness');
  });

  it('uses it on opt-in, and the cell says so in its note and provenance', () => {
    const cell = selectFigure('z', 'party_org.count', [namedOnly], { source: 'PREFER_REPORTED', computedOverNamedOnly: true });
    expect(cell).toMatchObject({
      status: 'PRESENT',
      value: 7,
      qualifier: 'AT_LEAST',
      provenance: { kind: 'COMPUTED', recordCompleteness: 'NAMED_ONLY', recordCount: 7 },
    });
    expect(cell.note).toContain('computed over 7 named-only records');
    expect(cell.note).toContain('computedOverNamedOnly is on');
  });

  it('uses a computed figure over complete records by default, without a named-only caveat', () => {
    const cell = selectFigure('z', 'party_org.count', [computed('party_org.count', 40, 'COMPLETE')], { source: 'PREFER_REPORTED' });
    expect(cell).toMatchObject({ status: 'PRESENT', value: 40, provenance: { recordCompleteness: 'COMPLETE' } });
    expect(cell.note).toBe('no reported figure: computed from records');
  });

  it('still prefers a reported figure to an opted-in computed one', () => {
    expect(selectFigure('z', 'party_org.count', [namedOnly, reported], { source: 'PREFER_REPORTED', computedOverNamedOnly: true })).toMatchObject({
      value: 115,
      note: null,
    });
  });

  it("carries the zone's reason when it declared the indicator not assessable, only where computed figures were wanted", () => {
    const reason =
      "org_coverage.rate is a rate over enterprise records, which are named only (2 enterprises named by a source, not the zone's register), so it cannot be computed";
    const cell = selectFigure('z', 'org_coverage.rate', [], { source: 'PREFER_REPORTED', computedOverNamedOnly: true }, reason);
    expect(cell).toMatchObject({ status: 'MISSING', value: null });
    expect(cell.note).toBe(`no reported or computed figure; not assessable: ${reason}`);
    expect(selectFigure('z', 'org_coverage.rate', [], { source: 'REPORTED' }, reason).note).toBe('no reported figure');
  });

  it("filters computed figures by period too: their period is the records' as-of date", () => {
    const complete = computed('party_org.count', 40, 'COMPLETE');
    expect(selectFigure('z', 'party_org.count', [complete], { source: 'COMPUTED', period: '2020' }).value).toBe(40);
    expect(selectFigure('z', 'party_org.count', [complete], { source: 'COMPUTED', period: '2023' })).toMatchObject({
      status: 'MISSING',
      note: 'no computed figure for period 2023',
    });
  });
});

describe('deriveCell', () => {
  const ratio = {
    kind: 'ratio' as const,
    numerator: 'party_member.count',
    denominator: 'party_org.count',
    scale: 1,
    formula: 'party_member.count ÷ party_org.count',
  };
  const members = selectFigure('z', 'party_member.count', [figure({ code: 'party_member.count', value: 2000, qualifier: 'AT_LEAST', unit: 'person' })], {
    source: 'REPORTED',
  });
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
        figures: [
          figure({ zoneId: 'a', code: 'party_org.count', value: 10 }),
          figure({ zoneId: 'a', code: 'party_member.count', value: 50, unit: 'person' }),
        ].filter((f) => codes.includes(f.code)),
        unassessed: [],
        answered: ['a'],
        failures: [{ zoneId: 'b', service: 'svc-b', message: 'Zone "b" (service "svc-b") is unavailable' }],
      }),
    };
    const table = await resolveCells(reader, ['a', 'b'], ['derived.members_per_org'], { source: 'REPORTED' });
    expect(table.cells.a['derived.members_per_org'].value).toBe(5);
    expect(table.cells.b['derived.members_per_org']).toMatchObject({ status: 'ZONE_UNAVAILABLE', note: 'Zone "b" (service "svc-b") is unavailable' });
  });
});

describe("resolveCells: zones' unassessed indicators", () => {
  it("puts each zone's reason on that zone's missing cell, and on the missing input of a derived cell", async () => {
    const reader = {
      enterprises: async () => ({ pages: [], failures: [] }),
      figures: async () => ({
        figures: [figure({ zoneId: 'a', code: 'party_member.count', value: 50, unit: 'person' })],
        unassessed: [
          { zoneId: 'a', code: 'party_org.count', reason: 'no party organization records' },
          { zoneId: 'b', code: 'org_coverage.rate', reason: 'org_coverage.rate is a rate over enterprise records, which are named only' },
        ],
        answered: ['a', 'b'],
        failures: [],
      }),
    };
    const table = await resolveCells(reader, ['a', 'b'], ['org_coverage.rate', 'derived.members_per_org'], { source: 'PREFER_REPORTED' });
    expect(table.cells.b['org_coverage.rate'].note).toBe(
      'no reported or computed figure; not assessable: org_coverage.rate is a rate over enterprise records, which are named only',
    );
    expect(table.cells.a['org_coverage.rate'].note).toBe('no reported or computed figure');
    const derived = table.cells.a['derived.members_per_org'];
    expect(derived.status).toBe('MISSING');
    expect(derived.inputs[1].note).toBe('no reported or computed figure; not assessable: no party organization records');
  });
});
