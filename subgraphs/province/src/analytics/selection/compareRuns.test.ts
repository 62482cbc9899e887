import type { ZoneFigure } from '../../zoneReader/zoneReader';
import type { Cell } from '../cell';
import type { ResolvedCriterion } from '../criteria';
import { cellOf, missingCell } from '../selectFigure';
import { compareRuns } from './compareRuns';
import type { SelectionOutcome } from './outcome';
import { runSelection } from './runSelection';
import type { SelectionSettings } from './settings';
import type { SelectionSnapshot } from './snapshot';
import { selectionSettings } from './__tests__/selectionSettings.fixture';

const ORGS = 'party_org.count';
const HONORS = 'honor.count';

const settings = (overrides: Partial<SelectionSettings> = {}): SelectionSettings =>
  selectionSettings({
    criteria: [criterion(ORGS, { unacceptable: 0, satisfactory: 100 }), criterion(HONORS, { unacceptable: 0, satisfactory: 20 })],
    normalization: 'efficacy',
    asOfYear: 2024,
    monteCarloDraws: 200,
    top: 2,
    ...overrides,
  });

function criterion(indicator: string, bounds: ResolvedCriterion['bounds']): ResolvedCriterion {
  return { indicator, weight: 1, direction: 'benefit', bounds };
}

function reported(zoneId: string, code: string, value: number, over: Partial<ZoneFigure> = {}): Cell {
  return cellOf(
    {
      zoneId,
      code,
      value,
      unit: 'count',
      qualifier: 'EXACT',
      period: '2023',
      periodBasis: 'stated',
      note: null,
      provenance: {
        kind: 'REPORTED',
        document: `${zoneId}-2023.txt`,
        passage: `${code}: ${value}`,
        computation: null,
        recordCompleteness: null,
        recordCount: null,
      },
      ...over,
    },
    null,
  );
}

function computed(zoneId: string, code: string, value: number, readOn: string): Cell {
  return reported(zoneId, code, value, {
    period: readOn,
    periodBasis: 'as_of_read',
    provenance: { kind: 'COMPUTED', document: null, passage: null, computation: `count of ${code} records`, recordCompleteness: null, recordCount: null },
  });
}

const unavailable = (zoneId: string, code: string, message: string): Cell => ({ ...missingCell(zoneId, code, message), status: 'ZONE_UNAVAILABLE' });

function snapshot(cells: SelectionSnapshot['cells'], extra: Partial<SelectionSnapshot> = {}): SelectionSnapshot {
  return {
    takenAt: '2024-01-01T00:00:00.000Z',
    zones: Object.keys(cells).map((id) => ({ id, provinceCode: 'anhui' })),
    cells,
    failures: [],
    hosting: [],
    ...extra,
  };
}

function run(s: SelectionSettings, snap: SelectionSnapshot): { outcome: SelectionOutcome; snapshot: SelectionSnapshot } {
  return { outcome: runSelection(s, snap), snapshot: snap };
}

// EFFICACY (fixed bounds), weights 0.5 / 0.5: d(orgs) = 60 + 0.4·orgs, d(honors) = 60 + 2·honors.
// Saved:    a 90/18 → 96, 96 → 96     b 70/10 → 88, 80 → 84     c 50/6 → 80, 72 → 76     d 10/1 → 64, 62 → 63
//           ranks a 1, b 2, c 3, d 4; top 2 → [a, b]
// Current:  a unchanged (its org count is computed, read again on a later day: same value)
//           b same values; honors now from another document, orgs now only a lower bound (AT_LEAST) → still 84
//           c honors 6 → 20: 80, 100 → 90, now rank 2; b drops to rank 3
//           d's service is down → ZONE_UNAVAILABLE
//           ranks a 1, c 2, b 3; top 2 → [a, c]
const SAVED = snapshot({
  a: { [ORGS]: computed('a', ORGS, 90, '2024-01-01'), [HONORS]: reported('a', HONORS, 18) },
  b: { [ORGS]: reported('b', ORGS, 70), [HONORS]: reported('b', HONORS, 10) },
  c: { [ORGS]: reported('c', ORGS, 50), [HONORS]: reported('c', HONORS, 6) },
  d: { [ORGS]: reported('d', ORGS, 10), [HONORS]: reported('d', HONORS, 1) },
});
const CURRENT = snapshot(
  {
    a: { [ORGS]: computed('a', ORGS, 90, '2024-06-30'), [HONORS]: reported('a', HONORS, 18) },
    b: {
      [ORGS]: reported('b', ORGS, 70, { qualifier: 'AT_LEAST' }),
      [HONORS]: reported('b', HONORS, 10, {
        provenance: { kind: 'REPORTED', document: 'b-2024.txt', passage: '荣誉10项', computation: null, recordCompleteness: null, recordCount: null },
      }),
    },
    c: { [ORGS]: reported('c', ORGS, 50), [HONORS]: reported('c', HONORS, 20) },
    d: { [ORGS]: unavailable('d', ORGS, 'zone service timed out'), [HONORS]: unavailable('d', HONORS, 'zone service timed out') },
  },
  { takenAt: '2024-06-30T00:00:00.000Z', failures: [{ zoneId: 'd', service: 'zone-anhui', message: 'zone service timed out' }] },
);

describe('compareRuns: a saved run against the same settings on current data', () => {
  const s = settings();
  const saved = run(s, SAVED);
  const current = run(s, CURRENT);
  const comparison = compareRuns(saved, current);

  it('starts from the rankings computed by hand above', () => {
    expect(saved.outcome.ranked.map((r) => [r.zoneId, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
    expect(current.outcome.ranked.map((r) => [r.zoneId, r.rank])).toEqual([
      ['a', 1],
      ['c', 2],
      ['b', 3],
    ]);
    expect(current.outcome.ranked.find((r) => r.zoneId === 'c')?.score).toBeCloseTo(90, 10);
  });

  it('lists only the zones whose standing, rank or score changed, in directory order', () => {
    expect(comparison.moves.map((m) => m.zoneId)).toEqual(['b', 'c', 'd']);
  });

  it('shows a rank change with an unchanged score', () => {
    const b = comparison.moves.find((m) => m.zoneId === 'b');
    expect(b?.saved).toEqual({ standing: 'RANKED', rank: 2, score: expect.closeTo(84, 10) });
    expect(b?.current).toEqual({ standing: 'RANKED', rank: 3, score: expect.closeTo(84, 10) });
  });

  it('shows a rank and score change', () => {
    const c = comparison.moves.find((m) => m.zoneId === 'c');
    expect(c?.saved).toEqual({ standing: 'RANKED', rank: 3, score: expect.closeTo(76, 10) });
    expect(c?.current).toEqual({ standing: 'RANKED', rank: 2, score: expect.closeTo(90, 10) });
  });

  it('shows a zone that became ZONE_UNAVAILABLE, without rank or score', () => {
    const d = comparison.moves.find((m) => m.zoneId === 'd');
    expect(d?.saved).toEqual({ standing: 'RANKED', rank: 4, score: expect.closeTo(63, 10) });
    expect(d?.current).toEqual({ standing: 'ZONE_UNAVAILABLE', rank: null, score: null });
  });

  it('lists changed values, statuses, qualifiers and sources, but not a computed figure whose period alone changed', () => {
    expect(comparison.figureChanges.map((f) => [f.zoneId, f.indicator])).toEqual([
      ['b', HONORS], // another source document, same value
      ['b', ORGS], // EXACT → AT_LEAST
      ['c', HONORS], // 6 → 20
      ['d', HONORS], // PRESENT → ZONE_UNAVAILABLE
      ['d', ORGS],
    ]);
    expect(comparison.figureChanges.some((f) => f.zoneId === 'a')).toBe(false);
  });

  it('carries both cells of each figure change', () => {
    const c = comparison.figureChanges.find((f) => f.zoneId === 'c' && f.indicator === HONORS);
    expect(c?.saved?.value).toBe(6);
    expect(c?.current?.value).toBe(20);
    const d = comparison.figureChanges.find((f) => f.zoneId === 'd' && f.indicator === ORGS);
    expect(d?.saved).toMatchObject({ status: 'PRESENT', value: 10 });
    expect(d?.current).toMatchObject({ status: 'ZONE_UNAVAILABLE', value: null });
  });

  it('reports the selected zones of both runs and that the selection changed', () => {
    expect(comparison.savedSelected).toEqual(['a', 'b']);
    expect(comparison.currentSelected).toEqual(['a', 'c']);
    expect(comparison.selectionChanged).toBe(true);
  });
});

describe('compareRuns: nothing changed', () => {
  it('a run compared with its own replay has no moves, no figure changes and the same selection', () => {
    const s = settings();
    const saved = run(s, SAVED);
    const replay = run(s, JSON.parse(JSON.stringify(SAVED)) as SelectionSnapshot);
    expect(compareRuns(saved, replay)).toEqual({
      savedSelected: ['a', 'b'],
      currentSelected: ['a', 'b'],
      selectionChanged: false,
      moves: [],
      figureChanges: [],
    });
  });

  it('a computed figure read again on a later day is not a change', () => {
    const later = snapshot({ ...SAVED.cells, a: { ...SAVED.cells.a, [ORGS]: computed('a', ORGS, 90, '2025-03-03') } });
    const comparison = compareRuns(run(settings(), SAVED), run(settings(), later));
    expect(comparison.figureChanges).toEqual([]);
    expect(comparison.moves).toEqual([]);
  });

  it('a cell saved before record completeness was read is not changed by now knowing it; a change of completeness is', () => {
    const withCompleteness = (recordCompleteness: 'COMPLETE' | 'NAMED_ONLY'): Cell => {
      const cell = computed('a', ORGS, 90, '2024-06-30');
      return { ...cell, provenance: { ...cell.provenance!, recordCompleteness, recordCount: 90 } };
    };
    const legacy = computed('a', ORGS, 90, '2024-06-30');
    delete legacy.provenance!.recordCompleteness;
    delete legacy.provenance!.recordCount;
    const at = (cell: Cell) => snapshot({ ...SAVED.cells, a: { ...SAVED.cells.a, [ORGS]: cell } });
    expect(compareRuns(run(settings(), at(legacy)), run(settings(), at(withCompleteness('COMPLETE')))).figureChanges).toEqual([]);
    const changed = compareRuns(run(settings(), at(withCompleteness('COMPLETE'))), run(settings(), at(withCompleteness('NAMED_ONLY'))));
    expect(changed.figureChanges.map((f) => [f.zoneId, f.indicator])).toEqual([['a', ORGS]]);
  });
});

describe('compareRuns: zones entering and leaving', () => {
  it('a zone new to the directory moves from NOT_A_CANDIDATE, and its figures are listed as new', () => {
    const withE = snapshot({ ...SAVED.cells, e: { [ORGS]: reported('e', ORGS, 5), [HONORS]: reported('e', HONORS, 0) } });
    const comparison = compareRuns(run(settings(), SAVED), run(settings(), withE));
    // e scores 0.5·62 + 0.5·60 = 61, last: nobody else moves (fixed bounds).
    expect(comparison.moves).toEqual([
      { zoneId: 'e', saved: { standing: 'NOT_A_CANDIDATE', rank: null, score: null }, current: { standing: 'RANKED', rank: 5, score: expect.closeTo(61, 10) } },
    ]);
    expect(comparison.figureChanges.map((f) => [f.zoneId, f.indicator, f.saved, f.current?.value])).toEqual([
      ['e', HONORS, null, 0],
      ['e', ORGS, null, 5],
    ]);
    expect(comparison.selectionChanged).toBe(false);
  });

  it('a zone that became a recent host moves to HOSTED_RECENTLY', () => {
    const hosted = snapshot(SAVED.cells, {
      hosting: [{ zoneId: 'a', meetingId: 'anhui-2024', title: '2024年现场会', period: '2024', precision: 'announced', document: 'm.txt' }],
    });
    const s = settings({ excludeHostedWithinYears: 3 });
    const comparison = compareRuns(run(s, SAVED), run(s, hosted));
    const a = comparison.moves.find((m) => m.zoneId === 'a');
    expect(a?.current).toEqual({ standing: 'HOSTED_RECENTLY', rank: null, score: null });
    expect(comparison.figureChanges).toEqual([]);
    expect(comparison.savedSelected).toEqual(['a', 'b']);
    expect(comparison.currentSelected).toEqual(['b', 'c']);
    expect(comparison.selectionChanged).toBe(true);
  });

  it('a zone that lost a figure under EXCLUDE moves to MISSING_VALUE', () => {
    const lost = snapshot({ ...SAVED.cells, c: { ...SAVED.cells.c, [HONORS]: missingCell('c', HONORS, 'no reported or computed figure') } });
    const comparison = compareRuns(run(settings(), SAVED), run(settings(), lost));
    expect(comparison.moves).toEqual([
      { zoneId: 'c', saved: { standing: 'RANKED', rank: 3, score: expect.closeTo(76, 10) }, current: { standing: 'MISSING_VALUE', rank: null, score: null } },
      {
        zoneId: 'd',
        saved: { standing: 'RANKED', rank: 4, score: expect.closeTo(63, 10) },
        current: { standing: 'RANKED', rank: 3, score: expect.closeTo(63, 10) },
      },
    ]);
    expect(comparison.figureChanges.map((f) => [f.zoneId, f.indicator, f.current?.status])).toEqual([['c', HONORS, 'MISSING']]);
  });
});
