import { formatMs, renderTable } from '../table';
import { COLUMN_TITLES, COLUMNS, type Column } from './columns';
import { formatRatio, formatSpread, pairedRatio, summarizeRounds } from './rounds';

/** The processes whose CPU a cell reads: the one the load generator asks (none when it asks the zone services), the province, the zone services (summed). */
export const CPU_PROCESSES = ['front', 'province', 'zoneServices'] as const;
export type CpuProcess = (typeof CPU_PROCESSES)[number];

/** What the rounds of one cell measured. */
export interface CellRounds {
  /** Completed requests per second, one value per round (NaN for a round that completed nothing, so rounds stay aligned across cells). */
  throughput: number[];
  /** p50 latency in ms, one value per round (NaN as for throughput). */
  p50: number[];
  /** CPU per completed request in ms, one value per round, by process (none where it was not read). */
  cpu: Record<CpuProcess, number[]>;
  failed: number;
  firstError?: string;
}

/** A cell before its first round. */
export function emptyCell(): CellRounds {
  return { throughput: [], p50: [], cpu: { front: [], province: [], zoneServices: [] }, failed: 0 };
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
  const ratio = reference && reference !== rounds ? ` (${formatRatio(pairedRatio(pick(rounds), pick(reference)))})` : '';
  const spread = own.rounds > 1 ? ` ${formatSpread(own.spread)}` : '';
  return `${format(own.median)}${spread}${ratio}`;
}

const formatCpu = (n: number) => n.toFixed(n >= 10 ? 1 : 2);

/** `front / province / zone services`, medians over rounds, `-` for a process not read. */
function cpuText(rounds: CellRounds | undefined): string {
  if (!rounds) return 'not run';
  const medians = CPU_PROCESSES.map((process) => summarizeRounds(rounds.cpu[process]));
  if (medians.every((m) => m.rounds === 0)) return '-';
  return medians.map((m) => (m.rounds === 0 ? '-' : formatCpu(m.median))).join(' / ');
}

const RATIO_NOTE =
  'Each cell: median of the rounds, ± half their range; (ratio to "zone service directly"): the median of the rounds\' own ratios, each round of a column divided by the same round of "directly", measured seconds apart, so that the machine speeding up or slowing down between rounds cancels out.';

const CPU_NOTE =
  'CPU time (user and system, /proc/<pid>/stat) over the timed window, per completed request, median of the rounds: the gateway the column asks (none for the zone service asked directly) / the province / the zone services, summed (for a single-zone shape, the one hosting the zone). The load generator is left out. /proc counts 10 ms ticks: a window of few requests (c=1, --quick) gives coarse figures.';

/** Throughput, p50 and CPU tables: median over rounds, spread, and every ratio to the zone service asked directly (the median of the rounds' ratios, see `pairedRatio`). */
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
      [RATIO_NOTE],
    ),
    renderTable(
      `${title}: p50 latency, ms`,
      header,
      table((r) => r.p50, formatMs),
      [...notes, ...failures],
    ),
    renderTable(
      `${title}: CPU per request, ms (gateway / province / zone services)`,
      header,
      rows.map((row) => [row.shape, row.concurrency, ...COLUMNS.map((c) => cpuText(row.cells[c]))]),
      [CPU_NOTE],
    ),
  ].join('\n');
}
