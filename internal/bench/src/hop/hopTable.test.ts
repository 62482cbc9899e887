import { parseBenchArgs } from '../options';
import { emptyHopColumn, renderHop } from './hopTable';
import { hopSizes } from './sizes';

describe('--suite=hop', () => {
  it('is selected with or without --quick: 8 rounds of 3 s, quick one of 0.7 s', () => {
    expect(parseBenchArgs(['--', '--suite=hop'])).toMatchObject({ suite: 'hop', quick: false });
    expect(hopSizes(false)).toMatchObject({ rounds: 8, warmupRounds: 1, windowMs: 3000 });
    expect(hopSizes(true)).toMatchObject({ rounds: 1, warmupRounds: 0, windowMs: 700 });
  });
});

/** The trimmed cells of the table row whose first cell starts with `title`. */
function cellsOf(table: string, title: string): string[] | undefined {
  const row = table.split('\n').find((line) => line.startsWith(`| ${title}`));
  return row
    ?.split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe('renderHop', () => {
  it('gives each column its p50 median ± half the range, the median of its per-round ratios to the first column, and CPU medians', () => {
    const direct = { ...emptyHopColumn('directly'), p50: [1, 2, 1.5], zoneCpu: [0.4, 0.5, 0.45] };
    // Ratios per round 1.2, 1.1, 1.4: their median is 1.2, whatever the medians of p50 alone give.
    const front = { ...emptyHopColumn('a front'), p50: [1.2, 2.2, 2.1], frontCpu: [0.1, 0.3, 0.2], zoneCpu: [0.5, 0.5, 0.5] };
    const text = renderHop('hop', [direct, front], ['a note']);
    expect(cellsOf(text, 'directly')).toEqual(['directly', '1.50 ±33%', '1.00×', '-', '0.450']);
    expect(cellsOf(text, 'a front')).toEqual(['a front', '2.10 ±24%', '1.20×', '0.200', '0.500']);
    expect(text).toContain('  a note');
  });

  it('says how many requests failed and why, and shows a column that measured nothing as -', () => {
    const failing = { ...emptyHopColumn('broken'), p50: [Number.NaN], failed: 3, firstError: 'HTTP 502' };
    const text = renderHop('hop', [{ ...emptyHopColumn('directly'), p50: [1] }, failing], []);
    expect(cellsOf(text, 'broken')).toEqual(['broken (3 failed: HTTP 502)', '-', '-', '-', '-']);
  });
});
