import { GraphQLError } from 'graphql';
import type { Cell } from './cell';
import { rankByIndicator, requireSortIndicator } from './rankByIndicator';
import { missingCell } from './selectFigure';

const RATE = 'org_coverage.rate';
const cell = (zoneId: string, value: number | null, qualifier: Cell['qualifier'] = 'EXACT'): Cell =>
  value === null
    ? missingCell(zoneId, RATE, 'no reported figure')
    : {
        zoneId,
        code: RATE,
        status: 'PRESENT',
        value,
        unit: 'percent',
        qualifier,
        period: '2020',
        periodBasis: 'stated',
        provenance: { kind: 'REPORTED', document: 'd.txt', passage: 'p', computation: null },
        inputs: [],
        note: null,
      };
const unavailable = (zoneId: string): Cell => ({ ...missingCell(zoneId, RATE, 'down'), status: 'ZONE_UNAVAILABLE' });

/** [zoneId, rank] in sorted order. */
const order = (cells: Cell[], direction: 'ASC' | 'DESC') => rankByIndicator(cells, direction).map((p) => [cells[p.index].zoneId, p.rank]);

describe('rankByIndicator', () => {
  const cells = [cell('a', 50), cell('b', 71), cell('c', null), cell('d', 71), cell('e', 90), unavailable('f'), cell('g', 50)];

  it('sorts descending with competition ranks: ties share a rank, the next rank skips (1, 2, 2, 4)', () => {
    expect(order(cells, 'DESC')).toEqual([
      ['e', 1],
      ['b', 2],
      ['d', 2],
      ['a', 4],
      ['g', 4],
      ['c', null],
      ['f', null],
    ]);
  });

  it('sorts ascending the same way, ties in input order, zones without a value last in input order', () => {
    expect(order(cells, 'ASC')).toEqual([
      ['a', 1],
      ['g', 1],
      ['b', 3],
      ['d', 3],
      ['e', 5],
      ['c', null],
      ['f', null],
    ]);
  });

  it('keeps every row exactly once', () => {
    expect(
      rankByIndicator(cells, 'DESC')
        .map((p) => p.index)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(rankByIndicator([], 'ASC')).toEqual([]);
  });

  it('ranks a lower bound by its stated bound and flags it; says why a row has no rank', () => {
    const ranked = rankByIndicator([cell('yongkang', 2000, 'AT_LEAST'), cell('x', 2000), cell('y', 3000, 'ABOUT'), cell('z', null), unavailable('w')], 'DESC');
    expect(ranked.map((p) => p.rank)).toEqual([1, 2, 2, null, null]);
    expect(ranked[1].note).toBe('ranked by its lower bound (at least 2000): the actual value may be higher, so the zone may rank higher');
    expect(ranked[2].note).toBeNull();
    expect(ranked[0].note).toContain('approximate value (about 3000)');
    expect(ranked[3].note).toBe('no value (missing): listed last, not ranked');
    expect(ranked[4].note).toBe('no value (zone unavailable): listed last, not ranked');
    expect(rankByIndicator([cell('yongkang', 2000, 'AT_LEAST')], 'ASC')[0].note).toContain('may rank lower');
  });

  it('never ranks a missing value as zero', () => {
    const ranked = rankByIndicator([cell('a', 0), cell('b', null)], 'ASC');
    expect(ranked.map((p) => [p.index, p.rank])).toEqual([
      [0, 1],
      [1, null],
    ]);
  });
});

describe('requireSortIndicator', () => {
  const fieldOf = (run: () => void) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
      return { field: (error as GraphQLError).extensions.field, message: (error as GraphQLError).message };
    }
    throw new Error('expected a refusal');
  };

  it('accepts a compared catalogue indicator', () => {
    expect(() => requireSortIndicator(RATE, ['party_org.count', RATE], 'sort.indicator')).not.toThrow();
  });

  it('refuses an unknown code and a code not compared, naming the field', () => {
    expect(fieldOf(() => requireSortIndicator('no.such', [RATE], 'sort.indicator'))).toEqual({
      field: 'sort.indicator',
      message: 'sort.indicator: unknown indicator code "no.such" (see indicatorCatalogue)',
    });
    const notCompared = fieldOf(() => requireSortIndicator('party_org.count', [RATE], 'sort.indicator'));
    expect(notCompared.field).toBe('sort.indicator');
    expect(notCompared.message).toContain('"party_org.count" is not among the compared indicators (org_coverage.rate)');
  });
});
