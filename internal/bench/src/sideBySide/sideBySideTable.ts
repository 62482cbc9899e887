import { formatMs, renderTable } from '../table';
import { COLUMN_TITLES, COLUMNS, type Column } from './columns';
import { formatRatio, formatSpread, ratioTo, summarizeRounds } from './rounds';

/** What the rounds of one cell measured. */
export interface CellRounds {
  /** Completed requests per second, one value per round. */
  throughput: number[];
  /** p50 latency in ms, one value per round. */
  p50: number[];
  failed: number;
  firstError?: string;
}

/** One row: a shape at a concurrency, and its cells by column; a column without a cell was not run (`notRun` says why). */
export interface SideBySideRow {
  shape: string;
  concurrency: number;
  cells: Partial<Record<Column, CellRounds>>;
}

function cellText(rounds: CellRounds | undefined, reference: CellRounds | undefined, pick: (r: CellRounds) => number[], format: (n: number) => string): string {
  if (!rounds) return 'not run';
  const own = summarizeRounds(pick(rounds));
  if (own.rounds === 0) return rounds.failed > 0 ? 'failed' : '-';
  const ratio = reference && reference !== rounds ? ` (${formatRatio(ratioTo(own.median, summarizeRounds(pick(reference)).median))})` : '';
  const spread = own.rounds > 1 ? ` ${formatSpread(own.spread)}` : '';
  return `${format(own.median)}${spread}${ratio}`;
}

/** Throughput and p50 tables: median over rounds, spread, and every ratio to the zone service asked directly. */
export function renderSideBySide(title: string, rows: readonly SideBySideRow[], notes: readonly string[]): string {
  const header = ['shape', 'c', ...COLUMNS.map((c) => COLUMN_TITLES[c])];
  const table = (pick: (r: CellRounds) => number[], format: (n: number) => string) =>
    rows.map((row) => [row.shape, row.concurrency, ...COLUMNS.map((c) => cellText(row.cells[c], row.cells.direct, pick, format))]);
  const failures = rows.flatMap((row) =>
    COLUMNS.flatMap((c) => {
      const cell = row.cells[c];
      return cell && cell.failed > 0
        ? [`failures: ${row.shape} c=${row.concurrency}, ${COLUMN_TITLES[c]}: ${cell.failed} (first: ${cell.firstError ?? '?'})`]
        : [];
    }),
  );
  return [
    renderTable(
      `${title}: requests per second`,
      header,
      table(
        (r) => r.throughput,
        (n) => n.toFixed(n >= 100 ? 0 : 1),
      ),
    ),
    renderTable(
      `${title}: p50 latency, ms`,
      header,
      table((r) => r.p50, formatMs),
      [...notes, ...failures],
    ),
  ].join('\n');
}
