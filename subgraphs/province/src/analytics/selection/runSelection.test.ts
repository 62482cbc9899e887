import { GraphQLError } from 'graphql';
import type { ZoneFigure } from '../../zoneReader/zoneReader';
import type { Cell } from '../cell';
import type { ResolvedCriterion } from '../criteria';
import { cellOf, missingCell } from '../selectFigure';
import { screenCandidates } from './eligibility';
import type { SelectionOutcome } from './outcome';
import { runSelection } from './runSelection';
import type { SelectionSettings } from './settings';
import type { HostingRecord, SelectionSnapshot } from './snapshot';
import { selectionSettings } from './__tests__/selectionSettings.fixture';

const ORGS = 'party_org.count';
const MEMBERS = 'party_member.count';
const HONORS = 'honor.count';
const STATIONS = 'red_station.count';
const BRANDS = 'brand.count';

const settings = (overrides: Partial<SelectionSettings> = {}): SelectionSettings =>
  selectionSettings({ criteria: [criterion(ORGS), criterion(HONORS)], ...overrides });

function criterion(indicator: string, weight = 1, extra: Partial<ResolvedCriterion> = {}): ResolvedCriterion {
  return { indicator, weight, direction: 'benefit', bounds: null, ...extra };
}

function figure(zoneId: string, code: string, value: number, over: Partial<ZoneFigure> = {}): ZoneFigure {
  return {
    zoneId,
    code,
    value,
    unit: 'count',
    qualifier: 'EXACT',
    period: '2023',
    periodBasis: 'stated',
    note: null,
    provenance: { kind: 'REPORTED', document: `${zoneId}.txt`, passage: `${code} = ${value}`, computation: null, recordCompleteness: null, recordCount: null },
    ...over,
  };
}

/** A figure table: a number is a reported EXACT figure, null a missing cell, a Cell is used as is. */
type Table = Record<string, Record<string, number | null | Cell>>;

function snapshot(table: Table, extra: Partial<SelectionSnapshot> = {}): SelectionSnapshot {
  const cells: SelectionSnapshot['cells'] = {};
  for (const [zoneId, row] of Object.entries(table)) {
    cells[zoneId] = {};
    for (const [code, v] of Object.entries(row)) {
      cells[zoneId][code] =
        v === null ? missingCell(zoneId, code, 'no reported or computed figure') : typeof v === 'number' ? cellOf(figure(zoneId, code, v), null) : v;
    }
  }
  return {
    takenAt: '2024-03-01T08:00:00.000Z',
    zones: Object.keys(table).map((id) => ({ id, provinceCode: 'anhui' })),
    cells,
    failures: [],
    hosting: [],
    ...extra,
  };
}

const ids = (outcome: SelectionOutcome) => outcome.ranked.map((r) => r.zoneId);
const excludedAs = (outcome: SelectionOutcome, zoneId: string) => outcome.excluded.find((e) => e.zoneId === zoneId);
const ranked = (outcome: SelectionOutcome, zoneId: string) => {
  const r = outcome.ranked.find((z) => z.zoneId === zoneId);
  if (!r) throw new Error(`${zoneId} is not ranked`);
  return r;
};
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function caught(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLError, nothing was thrown');
}

describe('runSelection: a worked example checked by hand', () => {
  // Weighted sum, min-max, weights 3 : 1 → 0.75 and 0.25.
  //            orgs  honors   n(orgs) = (x − 10)/(30 − 10)   n(honors) = (x − 0)/(8 − 0)   score
  //   a         10      8        0                             1                         0.75·0   + 0.25·1   = 0.25
  //   b         30      0        1                             0                         0.75·1   + 0.25·0   = 0.75
  //   c         20      4        0.5                           0.5                       0.75·0.5 + 0.25·0.5 = 0.5
  // Ranking b (0.75), c (0.5), a (0.25).
  const s = settings({ criteria: [criterion(ORGS, 3), criterion(HONORS, 1)] });
  const snap = snapshot({ a: { [ORGS]: 10, [HONORS]: 8 }, b: { [ORGS]: 30, [HONORS]: 0 }, c: { [ORGS]: 20, [HONORS]: 4 } });
  const outcome = runSelection(s, snap);

  it('ranks b, c, a with the scores computed above', () => {
    expect(ids(outcome)).toEqual(['b', 'c', 'a']);
    expect(outcome.ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranked(outcome, 'b').score).toBeCloseTo(0.75, 12);
    expect(ranked(outcome, 'c').score).toBeCloseTo(0.5, 12);
    expect(ranked(outcome, 'a').score).toBeCloseTo(0.25, 12);
  });

  it("shows each criterion's raw value, normalised value, weight and contribution", () => {
    expect(ranked(outcome, 'c').breakdown).toEqual([
      { indicator: ORGS, raw: 20, normalized: 0.5, weight: 0.75, contribution: 0.375, imputed: false },
      { indicator: HONORS, raw: 4, normalized: 0.5, weight: 0.25, contribution: 0.125, imputed: false },
    ]);
  });

  it('reports the normalised given weights', () => {
    expect(outcome.weights).toEqual([
      { indicator: ORGS, weight: 0.75, subjective: 0.75, entropy: null },
      { indicator: HONORS, weight: 0.25, subjective: 0.25, entropy: null },
    ]);
    expect(outcome.consistencyRatio).toBeNull();
    expect(outcome.unassessable).toEqual([]);
    expect(outcome.excluded).toEqual([]);
  });

  it('selects only the top zone', () => {
    expect(outcome.ranked.filter((r) => r.selected).map((r) => r.zoneId)).toEqual(['b']);
  });

  it('scores a COST criterion the other way round: smaller is better', () => {
    // Honors as COST (for the arithmetic only): n(honors) = (8 − x)/8 → a 0, b 1, c 0.5.
    //   a: 0.75·0 + 0.25·0 = 0;  b: 0.75·1 + 0.25·1 = 1;  c: 0.75·0.5 + 0.25·0.5 = 0.5.
    const cost = runSelection(settings({ criteria: [criterion(ORGS, 3), criterion(HONORS, 1, { direction: 'cost' })] }), snap);
    expect(ids(cost)).toEqual(['b', 'c', 'a']);
    expect(ranked(cost, 'a').score).toBeCloseTo(0, 12);
    expect(ranked(cost, 'b').score).toBeCloseTo(1, 12);
    expect(ranked(cost, 'c').score).toBeCloseTo(0.5, 12);
  });
});

describe('runSelection: screening', () => {
  it('excludes a zone whose service failed as ZONE_UNAVAILABLE: never ranked, never dropped', () => {
    const failed = { ...missingCell('c', ORGS, 'zone service timed out'), status: 'ZONE_UNAVAILABLE' as const };
    const snap = snapshot(
      { a: { [ORGS]: 10, [HONORS]: 1 }, b: { [ORGS]: 20, [HONORS]: 2 }, c: { [ORGS]: failed, [HONORS]: 99 } },
      { failures: [{ zoneId: 'c', service: 'zone-anhui', message: 'zone service timed out' }] },
    );
    const outcome = runSelection(settings(), snap);
    expect(ids(outcome)).toEqual(['b', 'a']);
    expect(outcome.excluded).toEqual([{ zoneId: 'c', reason: 'ZONE_UNAVAILABLE', message: 'zone service timed out', indicators: [] }]);
    // Every zone of the snapshot is accounted for exactly once.
    expect([...ids(outcome), ...outcome.excluded.map((e) => e.zoneId)].sort()).toEqual(['a', 'b', 'c']);
  });

  it('checks failures before hosting and minimums, and hosting before minimums', () => {
    const hosting: HostingRecord[] = [
      { zoneId: 'failed', meetingId: 'm1', title: '2022年现场会', period: '2022', precision: 'exact_year', document: 'doc.txt' },
      { zoneId: 'host', meetingId: 'm1', title: '2022年现场会', period: '2022', precision: 'exact_year', document: 'doc.txt' },
    ];
    const snap = snapshot(
      { failed: { [MEMBERS]: 1 }, host: { [MEMBERS]: 1 }, small: { [MEMBERS]: 1 }, ok: { [MEMBERS]: 1000 } },
      { hosting, failures: [{ zoneId: 'failed', service: 'zone-anhui', message: 'connection refused' }] },
    );
    const { candidates, excluded } = screenCandidates(settings({ excludeHostedWithinYears: 3, minimums: [{ indicator: MEMBERS, value: 100 }] }), snap);
    expect(candidates).toEqual(['ok']);
    expect(excluded.map((e) => [e.zoneId, e.reason])).toEqual([
      ['failed', 'ZONE_UNAVAILABLE'],
      ['host', 'HOSTED_RECENTLY'],
      ['small', 'BELOW_MINIMUM'],
    ]);
  });

  it('excludes a recent host as HOSTED_RECENTLY, naming the meeting', () => {
    const hosting: HostingRecord[] = [
      { zoneId: 'a', meetingId: 'anhui-2022', title: '2022年全省园区非公企业党建工作现场会', period: '2022', precision: 'exact_year', document: 'meeting.txt' },
    ];
    const snap = snapshot({ a: { [ORGS]: 90, [HONORS]: 9 }, b: { [ORGS]: 20, [HONORS]: 2 }, c: { [ORGS]: 10, [HONORS]: 1 } }, { hosting });
    const outcome = runSelection(settings({ excludeHostedWithinYears: 3, asOfYear: 2023 }), snap);
    expect(ids(outcome)).toEqual(['b', 'c']);
    const a = excludedAs(outcome, 'a');
    expect(a).toMatchObject({ reason: 'HOSTED_RECENTLY', indicators: [] });
    expect(a?.message).toContain('2022年全省园区非公企业党建工作现场会');
    expect(a?.message).toContain('meeting.txt');
    // The same zone is a candidate again once the meeting is out of the window.
    expect(ids(runSelection(settings({ excludeHostedWithinYears: 1, asOfYear: 2023 }), snap))).toEqual(['a', 'b', 'c']);
  });

  describe('BELOW_MINIMUM', () => {
    const atLeast = (zoneId: string, value: number) => cellOf(figure(zoneId, MEMBERS, value, { qualifier: 'AT_LEAST' }), null);
    const snap = snapshot({
      exact_ok: { [ORGS]: 10, [HONORS]: 1, [MEMBERS]: 800 },
      at_least_ok: { [ORGS]: 20, [HONORS]: 2, [MEMBERS]: atLeast('at_least_ok', 600) },
      exactly_min: { [ORGS]: 30, [HONORS]: 3, [MEMBERS]: 500 },
      exact_low: { [ORGS]: 40, [HONORS]: 4, [MEMBERS]: 400 },
      at_least_low: { [ORGS]: 50, [HONORS]: 5, [MEMBERS]: atLeast('at_least_low', 300) },
      no_figure: { [ORGS]: 60, [HONORS]: 6, [MEMBERS]: null },
      no_cell: { [ORGS]: 70, [HONORS]: 7 },
    });
    const outcome = runSelection(settings({ minimums: [{ indicator: MEMBERS, value: 500 }] }), snap);

    it('keeps zones at or above the minimum, whether exact or a lower bound', () => {
      expect([...ids(outcome)].sort()).toEqual(['at_least_ok', 'exact_ok', 'exactly_min']);
    });

    it('excludes an exact value below the minimum, stating it', () => {
      const e = excludedAs(outcome, 'exact_low');
      expect(e).toMatchObject({ reason: 'BELOW_MINIMUM', indicators: [MEMBERS] });
      expect(e?.message).toBe(`${MEMBERS} is 400, below the required minimum 500`);
    });

    it('excludes a lower bound (AT_LEAST) below the minimum, saying it is only a lower bound', () => {
      const e = excludedAs(outcome, 'at_least_low');
      expect(e).toMatchObject({ reason: 'BELOW_MINIMUM', indicators: [MEMBERS] });
      expect(e?.message).toContain('is only known to be at least 300');
      expect(e?.message).toContain('below the required minimum 500');
    });

    it('excludes a zone with no figure for the minimum, with the missing cell’s note or "missing"', () => {
      const missing = excludedAs(outcome, 'no_figure');
      expect(missing).toMatchObject({ reason: 'BELOW_MINIMUM', indicators: [MEMBERS] });
      expect(missing?.message).toContain('has no figure (no reported or computed figure)');
      const absent = excludedAs(outcome, 'no_cell');
      expect(absent).toMatchObject({ reason: 'BELOW_MINIMUM', indicators: [MEMBERS] });
      expect(absent?.message).toContain('has no figure (missing)');
    });
  });
});

describe('runSelection: criteria no candidate can be assessed on', () => {
  const snap = snapshot(
    {
      a: { [ORGS]: 10, [HONORS]: 8, [STATIONS]: null },
      b: { [ORGS]: 30, [HONORS]: 0, [STATIONS]: null },
      c: { [ORGS]: 20, [HONORS]: 4, [STATIONS]: null },
      // Only the failed zone has a station figure: it does not make the criterion assessable.
      d: { [ORGS]: 50, [HONORS]: 50, [STATIONS]: 5 },
    },
    { failures: [{ zoneId: 'd', service: 'zone-anhui', message: 'timed out' }] },
  );
  const outcome = runSelection(settings({ criteria: [criterion(ORGS, 2), criterion(STATIONS, 5), criterion(HONORS, 1)] }), snap);

  it('leaves the criterion out as unassessable, with the reason', () => {
    expect(outcome.unassessable).toHaveLength(1);
    expect(outcome.unassessable[0].indicator).toBe(STATIONS);
    expect(outcome.unassessable[0].reason).toMatch(new RegExp(`^no candidate has .*figure.* for ${STATIONS.replace('.', '\\.')}`));
    expect(outcome.unassessable[0].reason).toContain('renormalised');
  });

  it('says which kind of figure was looked for', () => {
    const reported = runSelection(settings({ criteria: [criterion(ORGS), criterion(STATIONS)], source: 'REPORTED' }), snap);
    expect(reported.unassessable[0].reason).toContain('reported figure');
    const computed = runSelection(settings({ criteria: [criterion(ORGS), criterion(STATIONS)], source: 'COMPUTED' }), snap);
    expect(computed.unassessable[0].reason).toContain('computed figure over complete records');
    const preferred = runSelection(settings({ criteria: [criterion(ORGS), criterion(STATIONS)] }), snap);
    expect(preferred.unassessable[0].reason).toContain('a figure (reported, or computed over complete records)');
    const optedIn = runSelection(settings({ criteria: [criterion(ORGS), criterion(STATIONS)], computedOverNamedOnly: true }), snap);
    expect(optedIn.unassessable[0].reason).toContain('a figure (reported or computed)');
  });

  it('words a run saved before computedOverNamedOnly existed as it was saved, so that it replays identically', () => {
    const { computedOverNamedOnly: _dropped, ...legacy } = settings({ criteria: [criterion(ORGS), criterion(STATIONS)] });
    const replayed = runSelection(JSON.parse(JSON.stringify(legacy)) as SelectionSettings, JSON.parse(JSON.stringify(snap)) as SelectionSnapshot);
    expect(replayed.unassessable[0].reason).toBe(`no candidate has a figure (reported or computed) for ${STATIONS}: left out, the other weights renormalised`);
  });

  it('renormalises the remaining weights to sum 1 (2 : 1 → 2/3, 1/3)', () => {
    expect(outcome.weights.map((w) => w.indicator)).toEqual([ORGS, HONORS]);
    expect(sum(outcome.weights.map((w) => w.weight))).toBeCloseTo(1, 12);
    expect(outcome.weights[0].weight).toBeCloseTo(2 / 3, 12);
    expect(outcome.weights[1].weight).toBeCloseTo(1 / 3, 12);
  });

  it('does not exclude anyone for lacking the unassessable criterion, and leaves it out of the breakdowns', () => {
    expect([...ids(outcome)].sort()).toEqual(['a', 'b', 'c']);
    expect(outcome.excluded.map((e) => e.reason)).toEqual(['ZONE_UNAVAILABLE']);
    for (const r of outcome.ranked) expect(r.breakdown.map((b) => b.indicator)).toEqual([ORGS, HONORS]);
  });

  it('names the period in the reason when the run asks for one', () => {
    const withPeriod = runSelection(settings({ criteria: [criterion(ORGS), criterion(STATIONS)], period: '2022' }), snap);
    expect(withPeriod.unassessable[0].reason).toContain(`${STATIONS} in 2022`);
  });
});

describe('runSelection: missing-value policy', () => {
  const snap = snapshot({
    a: { [ORGS]: 10, [HONORS]: 8, [BRANDS]: 1 },
    b: { [ORGS]: 30, [HONORS]: null, [BRANDS]: 3 },
    c: { [ORGS]: 20, [HONORS]: 4, [BRANDS]: 2 },
    d: { [ORGS]: 25, [BRANDS]: null },
  });
  const criteria = [criterion(ORGS), criterion(HONORS), criterion(BRANDS)];

  it('EXCLUDE: a zone lacking a figure is excluded as MISSING_VALUE with the list of indicators', () => {
    const outcome = runSelection(settings({ criteria, missing: 'exclude' }), snap);
    expect([...ids(outcome)].sort()).toEqual(['a', 'c']);
    expect(excludedAs(outcome, 'b')).toEqual({
      zoneId: 'b',
      reason: 'MISSING_VALUE',
      message: `no figure for ${HONORS} (missing-value policy: exclude)`,
      indicators: [HONORS],
    });
    expect(excludedAs(outcome, 'd')).toMatchObject({ reason: 'MISSING_VALUE', indicators: [HONORS, BRANDS] });
    expect(excludedAs(outcome, 'd')?.message).toContain(`${HONORS}, ${BRANDS}`);
  });

  it('IMPUTE WORST: the missing benefit value is the worst (smallest) observed one, marked imputed', () => {
    const outcome = runSelection(settings({ criteria, missing: 'impute', imputationRule: 'worst' }), snap);
    expect([...ids(outcome)].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(outcome.excluded).toEqual([]);
    const b = ranked(outcome, 'b').breakdown;
    expect(b.find((x) => x.indicator === HONORS)).toMatchObject({ raw: 4, imputed: true });
    expect(b.find((x) => x.indicator === ORGS)).toMatchObject({ raw: 30, imputed: false });
    const d = ranked(outcome, 'd').breakdown;
    expect(d.find((x) => x.indicator === HONORS)).toMatchObject({ raw: 4, imputed: true });
    expect(d.find((x) => x.indicator === BRANDS)).toMatchObject({ raw: 1, imputed: true });
    for (const zone of ['a', 'c']) expect(ranked(outcome, zone).breakdown.every((x) => !x.imputed)).toBe(true);
  });

  it('IMPUTE does not rank a zone on imputed values alone: one with no figure for any criterion is MISSING_VALUE', () => {
    const sparse = snapshot({ a: { [ORGS]: 10, [HONORS]: 8 }, b: { [ORGS]: 30, [HONORS]: null }, empty: { [ORGS]: null, [HONORS]: null } });
    const outcome = runSelection(settings({ missing: 'impute', imputationRule: 'worst' }), sparse);
    expect([...ids(outcome)].sort()).toEqual(['a', 'b']);
    expect(excludedAs(outcome, 'empty')).toMatchObject({ reason: 'MISSING_VALUE', indicators: [ORGS, HONORS] });
  });

  it('IMPUTE WORST on a COST criterion uses the largest observed value', () => {
    const outcome = runSelection(
      settings({ criteria: [criterion(ORGS), criterion(HONORS, 1, { direction: 'cost' })], missing: 'impute', imputationRule: 'worst' }),
      snap,
    );
    expect(ranked(outcome, 'b').breakdown.find((x) => x.indicator === HONORS)).toMatchObject({ raw: 8, imputed: true });
  });

  it('IMPUTE MEAN uses the mean of the observed values', () => {
    const outcome = runSelection(settings({ criteria, missing: 'impute', imputationRule: 'mean' }), snap);
    expect(ranked(outcome, 'b').breakdown.find((x) => x.indicator === HONORS)).toMatchObject({ raw: 6, imputed: true });
  });

  it('imputes only from candidates: an excluded zone’s figure is not the worst observed value', () => {
    const withHost = snapshot(
      { a: { [ORGS]: 10, [HONORS]: 8 }, b: { [ORGS]: 30, [HONORS]: null }, c: { [ORGS]: 20, [HONORS]: 4 }, host: { [ORGS]: 1, [HONORS]: 0 } },
      { hosting: [{ zoneId: 'host', meetingId: 'm', title: 't', period: '2023', precision: 'exact_year', document: 'd.txt' }] },
    );
    const outcome = runSelection(settings({ missing: 'impute', imputationRule: 'worst', excludeHostedWithinYears: 2 }), withHost);
    expect(excludedAs(outcome, 'host')?.reason).toBe('HOSTED_RECENTLY');
    expect(ranked(outcome, 'b').breakdown.find((x) => x.indicator === HONORS)?.raw).toBe(4);
  });
});

describe('runSelection: scores, breakdowns and selection', () => {
  const snap = snapshot({
    a: { [ORGS]: 12, [HONORS]: 8, [BRANDS]: 1 },
    b: { [ORGS]: 30, [HONORS]: 0, [BRANDS]: 6 },
    c: { [ORGS]: 21, [HONORS]: 5, [BRANDS]: 2 },
    d: { [ORGS]: 17, [HONORS]: 11, [BRANDS]: 4 },
    e: { [ORGS]: 40, [HONORS]: 2, [BRANDS]: 0 },
  });
  const bounds = {
    [ORGS]: { unacceptable: 0, satisfactory: 50 },
    [HONORS]: { unacceptable: 0, satisfactory: 20 },
    [BRANDS]: { unacceptable: 0, satisfactory: 10 },
  };
  const criteria = [
    criterion(ORGS, 0.5, { bounds: bounds[ORGS] }),
    criterion(HONORS, 0.3, { bounds: bounds[HONORS] }),
    criterion(BRANDS, 0.2, { bounds: bounds[BRANDS] }),
  ];

  it.each([
    ['weighted-sum', 'min-max'],
    ['weighted-sum', 'z-score'],
    ['weighted-sum', 'vector'],
    ['weighted-sum', 'efficacy'],
    ['topsis', 'vector'],
    ['topsis', 'min-max'],
  ] as const)('%s with %s: every ranked zone’s contributions sum to its score', (method, normalization) => {
    const outcome = runSelection(settings({ criteria, method, normalization }), snap);
    expect(outcome.ranked).toHaveLength(5);
    for (const r of outcome.ranked) {
      expect(sum(r.breakdown.map((b) => b.contribution))).toBeCloseTo(r.score, 10);
      expect(r.breakdown).toHaveLength(3);
    }
    // Ranks follow scores.
    const scores = outcome.ranked.map((r) => r.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });

  it.each([1, 2, 3, 5])('selected is exactly rank ≤ top (top = %i)', (top) => {
    const outcome = runSelection(settings({ criteria, top }), snap);
    expect(outcome.ranked.filter((r) => r.selected).map((r) => r.zoneId)).toEqual(outcome.ranked.filter((r) => r.rank <= top).map((r) => r.zoneId));
    expect(outcome.ranked.filter((r) => r.selected)).toHaveLength(top);
  });

  it('selects every zone tied within the top', () => {
    const tied = snapshot({ a: { [ORGS]: 30, [HONORS]: 5 }, b: { [ORGS]: 30, [HONORS]: 5 }, c: { [ORGS]: 10, [HONORS]: 1 } });
    const outcome = runSelection(settings({ top: 1 }), tied);
    expect(outcome.ranked.map((r) => [r.zoneId, r.rank, r.selected])).toEqual([
      ['a', 1, true],
      ['b', 1, true],
      ['c', 3, false],
    ]);
  });
});

describe('runSelection: determinism and replay', () => {
  const hosting: HostingRecord[] = [{ zoneId: 'f', meetingId: 'm', title: '2022年现场会', period: '2021/2022', precision: 'within_period', document: 'm.txt' }];
  const table: Table = {
    a: { [ORGS]: 12, [HONORS]: 8, [BRANDS]: 1, [MEMBERS]: 300 },
    b: { [ORGS]: 30, [HONORS]: null, [BRANDS]: 6, [MEMBERS]: 900 },
    c: { [ORGS]: 21, [HONORS]: 5, [BRANDS]: 2, [MEMBERS]: 700 },
    d: { [ORGS]: 17, [HONORS]: 11, [BRANDS]: 4, [MEMBERS]: 650 },
    e: { [ORGS]: 40, [HONORS]: 2, [BRANDS]: 0, [MEMBERS]: 2000 },
    f: { [ORGS]: 90, [HONORS]: 20, [BRANDS]: 9, [MEMBERS]: 3000 },
    g: { [ORGS]: null, [HONORS]: null, [BRANDS]: null, [MEMBERS]: null },
  };
  const extra: Partial<SelectionSnapshot> = { hosting, failures: [{ zoneId: 'g', service: 'zone-anhui', message: 'timed out' }] };
  const s = settings({
    criteria: [criterion(ORGS, 0.5), criterion(HONORS, 0.3), criterion(BRANDS, 0.2)],
    missing: 'impute',
    imputationRule: 'worst',
    excludeHostedWithinYears: 3,
    minimums: [{ indicator: MEMBERS, value: 500 }],
    top: 2,
    monteCarloDraws: 500,
    seed: 42,
  });
  const snap = snapshot(table, extra);
  const outcome = runSelection(s, snap);

  it('exercises screening, imputation and robustness (so the comparisons below mean something)', () => {
    expect(outcome.excluded.map((e) => [e.zoneId, e.reason]).sort()).toEqual([
      ['a', 'BELOW_MINIMUM'],
      ['f', 'HOSTED_RECENTLY'],
      ['g', 'ZONE_UNAVAILABLE'],
    ]);
    expect(outcome.ranked).toHaveLength(4);
    expect(ranked(outcome, 'b').breakdown.some((x) => x.imputed)).toBe(true);
    expect(outcome.robustness.monteCarloDraws).toBe(500);
    expect(outcome.robustness.monteCarloSeed).toBe(42);
  });

  it('gives deep-equal outcomes for the same settings and snapshot', () => {
    expect(runSelection(s, snap)).toEqual(outcome);
  });

  it('gives the same ranking, weights and robustness when the snapshot lists the zones in another order', () => {
    const reversedTable: Table = Object.fromEntries(Object.entries(table).reverse());
    const reversed = snapshot(reversedTable, extra);
    expect(reversed.zones.map((z) => z.id)).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
    const again = runSelection(s, reversed);
    expect(again.ranked).toEqual(outcome.ranked);
    expect(again.weights).toEqual(outcome.weights);
    expect(again.robustness).toEqual(outcome.robustness);
    expect([...again.excluded].sort((x, y) => x.zoneId.localeCompare(y.zoneId))).toEqual(
      [...outcome.excluded].sort((x, y) => x.zoneId.localeCompare(y.zoneId)),
    );
  });

  it('replays a JSON round trip of settings + snapshot (a saved run) to a deep-equal outcome, bit for bit', () => {
    const stored = JSON.parse(JSON.stringify({ settings: s, snapshot: snap })) as { settings: SelectionSettings; snapshot: SelectionSnapshot };
    const replayed = runSelection(stored.settings, stored.snapshot);
    expect(replayed).toEqual(outcome);
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(outcome));
    // And the stored outcome itself survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
  });

  it('does not modify its inputs', () => {
    const before = JSON.stringify({ s, snap });
    runSelection(s, snap);
    expect(JSON.stringify({ s, snap })).toBe(before);
  });
});

describe('runSelection: robustness', () => {
  const snap = snapshot({
    a: { [ORGS]: 12, [HONORS]: 8 },
    b: { [ORGS]: 30, [HONORS]: 1 },
    c: { [ORGS]: 21, [HONORS]: 5 },
  });

  it('with ≥ 2 candidates: Monte Carlo probabilities of being first sum to 1, rank acceptabilities per zone sum to 1', () => {
    const outcome = runSelection(settings(), snap);
    const { robustness } = outcome;
    expect(typeof robustness.stable).toBe('boolean');
    expect(robustness.perturbationDelta).toBe(0.05);
    expect(robustness.monteCarloDraws).toBe(1000);
    expect(robustness.monteCarloSeed).toBe(1);
    expect(robustness.perturbations.length).toBeGreaterThan(0);
    expect(sum(outcome.ranked.map((r) => r.probabilityFirst ?? Number.NaN))).toBeCloseTo(1, 10);
    for (const r of outcome.ranked) {
      expect(r.rankAcceptability).toHaveLength(3);
      expect(sum(r.rankAcceptability ?? [])).toBeCloseTo(1, 10);
      expect(r.probabilityFirst).toBe(r.rankAcceptability?.[0]);
      expect(r.meanRank).toBeGreaterThanOrEqual(1);
      expect(r.meanRank).toBeLessThanOrEqual(3);
    }
  });

  it('reports the smallest weight change that dethrones the winner, naming a new leader', () => {
    const { robustness, ranked: zones } = runSelection(settings(), snap);
    expect(robustness.dethrone).not.toBeNull();
    expect(robustness.dethrone?.winner).toBe(zones[0].zoneId);
    expect(robustness.dethrone?.newLeader).not.toBe(zones[0].zoneId);
    expect(robustness.dethrone?.newWeight).toBeCloseTo((robustness.dethrone?.originalWeight ?? Number.NaN) + (robustness.dethrone?.delta ?? Number.NaN), 12);
  });

  it('calls a clear winner stable and a near-tie unstable under ±0.05 perturbations', () => {
    // a dominates on both criteria: no weight change can move anyone.
    const dominant = runSelection(settings(), snapshot({ a: { [ORGS]: 30, [HONORS]: 9 }, b: { [ORGS]: 20, [HONORS]: 5 }, c: { [ORGS]: 10, [HONORS]: 1 } }));
    expect(dominant.robustness.stable).toBe(true);
    expect(dominant.robustness.dethrone).toBeNull();
    expect(dominant.robustness.notes).toContain('no single weight change in [0, 1] dethrones a');
    // a and b trade off almost exactly: n(a) = (1, 0), n(b) = (0, 1) with weights 0.51 / 0.49.
    const nearTie = runSelection(
      settings({ criteria: [criterion(ORGS, 0.51), criterion(HONORS, 0.49)] }),
      snapshot({ a: { [ORGS]: 30, [HONORS]: 1 }, b: { [ORGS]: 10, [HONORS]: 9 } }),
    );
    expect(nearTie.robustness.stable).toBe(false);
  });

  it('is turned off piece by piece by the settings', () => {
    const outcome = runSelection(settings({ perturbationDelta: null, monteCarloDraws: null, dethrone: false }), snap);
    expect(outcome.robustness).toEqual({
      perturbationDelta: null,
      stable: null,
      perturbations: [],
      monteCarloDraws: null,
      monteCarloSeed: null,
      dethrone: null,
      notes: [],
    });
    expect(outcome.ranked.every((r) => r.probabilityFirst === null && r.rankAcceptability === null && r.meanRank === null)).toBe(true);
  });

  it('with 1 candidate: ranks it, selects it, and notes instead of testing robustness', () => {
    const outcome = runSelection(settings(), snapshot({ a: { [ORGS]: 12, [HONORS]: 8 } }));
    expect(outcome.ranked).toHaveLength(1);
    expect(outcome.ranked[0]).toMatchObject({ zoneId: 'a', rank: 1, selected: true, probabilityFirst: null, rankAcceptability: null, meanRank: null });
    expect(outcome.robustness).toMatchObject({ stable: null, monteCarloDraws: null, dethrone: null, perturbations: [] });
    expect(outcome.robustness.notes).toEqual(['robustness needs at least two ranked candidates']);
  });
});

describe('runSelection: nothing to rank is an answer, not an error', () => {
  const emptyShape = { ranked: [], weights: [], consistencyRatio: null };

  it('every zone screened out → empty ranking with a note', () => {
    const snap = snapshot(
      { a: { [ORGS]: 1, [HONORS]: 1 }, b: { [ORGS]: 2, [HONORS]: 2 } },
      {
        failures: [{ zoneId: 'a', service: 'zone-anhui', message: 'down' }],
        hosting: [{ zoneId: 'b', meetingId: 'm', title: 't', period: '2023', precision: 'exact_year', document: 'd.txt' }],
      },
    );
    const outcome = runSelection(settings({ excludeHostedWithinYears: 3 }), snap);
    expect(outcome).toMatchObject(emptyShape);
    expect(outcome.excluded.map((e) => e.reason)).toEqual(['ZONE_UNAVAILABLE', 'HOSTED_RECENTLY']);
    expect(outcome.robustness.notes).toHaveLength(1);
    expect(outcome.robustness.notes[0]).toMatch(/nothing to rank|no candidate is left/);
  });

  it('every candidate excluded for a missing value → "no candidate is left to rank"', () => {
    const snap = snapshot({ a: { [ORGS]: 1, [HONORS]: null }, b: { [ORGS]: null, [HONORS]: 2 } });
    const outcome = runSelection(settings({ missing: 'exclude' }), snap);
    expect(outcome).toMatchObject(emptyShape);
    expect(outcome.unassessable).toEqual([]);
    expect(outcome.excluded.map((e) => [e.zoneId, e.reason])).toEqual([
      ['a', 'MISSING_VALUE'],
      ['b', 'MISSING_VALUE'],
    ]);
    expect(outcome.robustness.notes).toEqual(['no candidate is left to rank']);
  });

  it('no candidate has any criterion → every criterion unassessable, empty ranking', () => {
    const outcome = runSelection(settings({ missing: 'impute', imputationRule: 'worst' }), snapshot({ a: { [ORGS]: null, [HONORS]: null }, b: {} }));
    expect(outcome).toMatchObject(emptyShape);
    expect(outcome.unassessable.map((u) => u.indicator)).toEqual([ORGS, HONORS]);
    expect(outcome.robustness.notes).toEqual(['no criterion could be assessed: nothing to rank']);
  });

  it('when no criterion can be assessed, no zone is blamed for a missing value with an empty indicator list', () => {
    for (const missing of ['impute', 'exclude'] as const) {
      const outcome = runSelection(
        settings({ missing, imputationRule: missing === 'impute' ? 'worst' : null }),
        snapshot({ a: { [ORGS]: null, [HONORS]: null }, b: {} }),
      );
      const blamedForNothing = outcome.excluded.filter((x) => x.reason === 'MISSING_VALUE' && x.indicators.length === 0).map((x) => x.zoneId);
      expect({ missing, blamedForNothing }).toEqual({ missing, blamedForNothing: [] });
    }
  });

  it('an empty snapshot → empty ranking', () => {
    const outcome = runSelection(settings(), snapshot({}));
    expect(outcome).toMatchObject({ ...emptyShape, excluded: [] });
    expect(outcome.robustness.notes).toHaveLength(1);
  });
});

describe('runSelection: EFFICACY normalisation with fixed bounds', () => {
  // d = 60 + 40·(x − unacceptable)/(satisfactory − unacceptable); weights 0.5 / 0.5.
  //   orgs bounds 10 → 100:  a 55 → 80,  b 100 → 100,  c 10 → 60
  //   honors bounds 0 → 20:  a 10 → 80,  b 5 → 70,     c 40 → 140 (extrapolated, not clamped)
  //   a = 0.5·80 + 0.5·80 = 80;  b = 0.5·100 + 0.5·70 = 85;  c = 0.5·60 + 0.5·140 = 100.
  const criteria = [
    criterion(ORGS, 1, { bounds: { unacceptable: 10, satisfactory: 100 } }),
    criterion(HONORS, 1, { bounds: { unacceptable: 0, satisfactory: 20 } }),
  ];
  const two = snapshot({ a: { [ORGS]: 55, [HONORS]: 10 }, b: { [ORGS]: 100, [HONORS]: 5 } });
  const three = snapshot({ a: { [ORGS]: 55, [HONORS]: 10 }, b: { [ORGS]: 100, [HONORS]: 5 }, c: { [ORGS]: 10, [HONORS]: 40 } });

  it('scores against the bounds as computed above', () => {
    const outcome = runSelection(settings({ criteria, normalization: 'efficacy' }), three);
    expect(ids(outcome)).toEqual(['c', 'b', 'a']);
    expect(ranked(outcome, 'a').score).toBeCloseTo(80, 10);
    expect(ranked(outcome, 'b').score).toBeCloseTo(85, 10);
    expect(ranked(outcome, 'c').score).toBeCloseTo(100, 10);
  });

  it('adding an unrelated third zone does not change the other two zones’ scores or their order', () => {
    const before = runSelection(settings({ criteria, normalization: 'efficacy' }), two);
    const after = runSelection(settings({ criteria, normalization: 'efficacy' }), three);
    for (const zone of ['a', 'b']) {
      expect(ranked(after, zone).score).toBe(ranked(before, zone).score);
      expect(ranked(after, zone).breakdown).toEqual(ranked(before, zone).breakdown);
    }
    expect(ids(before)).toEqual(['b', 'a']);
    expect(ids(after).filter((id) => id !== 'c')).toEqual(['b', 'a']);
  });

  it('while MIN_MAX on the same data changes a’s score when c is added (the contrast that makes EFFICACY worth it)', () => {
    const before = runSelection(settings({ criteria, normalization: 'min-max' }), two);
    const after = runSelection(settings({ criteria, normalization: 'min-max' }), three);
    // Two zones: a = 0.5·0 + 0.5·1 = 0.5, b = 0.5·1 + 0.5·0 = 0.5, tied; with c: a = 0.5·0.5 + 0.5·(5/35) ≈ 0.321, b = 0.5 + 0 = 0.5.
    expect(ranked(before, 'a').score).toBeCloseTo(0.5, 12);
    expect(ranked(after, 'a').score).not.toBeCloseTo(ranked(before, 'a').score, 6);
  });
});

describe('runSelection: AHP weighting', () => {
  const snap = snapshot({
    a: { [ORGS]: 12, [HONORS]: 8, [BRANDS]: 1, [STATIONS]: null },
    b: { [ORGS]: 30, [HONORS]: 1, [BRANDS]: 6, [STATIONS]: null },
    c: { [ORGS]: 21, [HONORS]: 5, [BRANDS]: 2, [STATIONS]: null },
  });
  const three = [criterion(ORGS), criterion(HONORS), criterion(BRANDS)];

  it('refuses an inconsistent matrix with BAD_USER_INPUT on input.weighting.ahpMatrix, giving the consistency ratio', () => {
    const ahpMatrix = [
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ];
    const error = caught(() => runSelection(settings({ criteria: three, weighting: 'ahp', ahpMatrix }), snap));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('input.weighting.ahpMatrix');
    expect(error.extensions.consistencyRatio).toEqual(expect.any(Number));
    expect(error.extensions.consistencyRatio as number).toBeGreaterThan(0.1);
    expect(error.message).toMatch(/^input\.weighting\.ahpMatrix: .*CR = /);
  });

  it('accepts a consistent matrix: consistencyRatio ≤ 0.1 and the weights are its priorities (4 : 2 : 1)', () => {
    const ahpMatrix = [
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ];
    const outcome = runSelection(settings({ criteria: three, weighting: 'ahp', ahpMatrix }), snap);
    expect(outcome.consistencyRatio).not.toBeNull();
    expect(outcome.consistencyRatio as number).toBeLessThanOrEqual(0.1);
    expect(outcome.weights.map((w) => w.weight)).toEqual([expect.closeTo(4 / 7, 8), expect.closeTo(2 / 7, 8), expect.closeTo(1 / 7, 8)]);
    expect(outcome.weights.map((w) => w.subjective)).toEqual(outcome.weights.map((w) => w.weight));
  });

  it('keeps the judgements among the remaining criteria when one is unassessable (the sub-matrix)', () => {
    // Criteria order orgs, stations, honors; stations (nobody has it) drops out; orgs : honors = 4 : 1.
    const ahpMatrix = [
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ];
    const outcome = runSelection(settings({ criteria: [criterion(ORGS), criterion(STATIONS), criterion(HONORS)], weighting: 'ahp', ahpMatrix }), snap);
    expect(outcome.unassessable.map((u) => u.indicator)).toEqual([STATIONS]);
    expect(outcome.weights.map((w) => w.indicator)).toEqual([ORGS, HONORS]);
    expect(outcome.weights[0].weight).toBeCloseTo(0.8, 8);
    expect(outcome.weights[1].weight).toBeCloseTo(0.2, 8);
  });
});

describe('runSelection: ENTROPY and BLEND weighting', () => {
  const snap = snapshot({
    a: { [ORGS]: 12, [HONORS]: 8 },
    b: { [ORGS]: 30, [HONORS]: 1 },
    c: { [ORGS]: 21, [HONORS]: 5 },
  });

  it('ENTROPY reports data-driven weights that sum to 1, with no subjective part', () => {
    const outcome = runSelection(settings({ weighting: 'entropy' }), snap);
    expect(sum(outcome.weights.map((w) => w.weight))).toBeCloseTo(1, 12);
    for (const w of outcome.weights) {
      expect(w.subjective).toBeNull();
      expect(w.entropy).toBeCloseTo(w.weight, 12);
    }
  });

  it('BLEND mixes the given and entropy weights by blendAlpha', () => {
    const given = [criterion(ORGS, 3), criterion(HONORS, 1)];
    const entropy = runSelection(settings({ criteria: given, weighting: 'entropy' }), snap);
    const blend = runSelection(settings({ criteria: given, weighting: 'blend', blendAlpha: 0.25 }), snap);
    blend.weights.forEach((w, j) => {
      expect(w.subjective).toBeCloseTo([0.75, 0.25][j], 12);
      expect(w.entropy).toBeCloseTo(entropy.weights[j].weight, 12);
      expect(w.weight).toBeCloseTo(0.25 * [0.75, 0.25][j] + 0.75 * entropy.weights[j].weight, 10);
    });
  });
});
