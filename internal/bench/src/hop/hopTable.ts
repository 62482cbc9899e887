import { formatMs, renderTable } from '../table';
import { formatRatio, formatSpread, pairedRatio, summarizeRounds } from '../sideBySide/rounds';

/** What the rounds of one column measured, a value per round (NaN for a round that completed nothing, so rounds stay aligned). */
export interface HopColumn {
  readonly title: string;
  readonly p50: number[];
  /** CPU per request of the process the load generator asks (none for the zone service asked directly). */
  readonly frontCpu: number[];
  readonly zoneCpu: number[];
  failed: number;
  firstError?: string;
}

export function emptyHopColumn(title: string): HopColumn {
  return { title, p50: [], frontCpu: [], zoneCpu: [], failed: 0 };
}

const cpuText = (values: readonly number[]) => {
  const { rounds, median } = summarizeRounds(values);
  return rounds === 0 ? '-' : median.toFixed(3);
};

/** One row per column: p50 (median of the rounds ± half their range), its paired ratio to the first column (directly), CPU per request. */
export function renderHop(title: string, columns: readonly HopColumn[], notes: readonly string[]): string {
  const [reference] = columns;
  const rows = columns.map((column) => {
    const p50 = summarizeRounds(column.p50);
    const failed = column.failed > 0 ? ` (${column.failed} failed${column.firstError ? `: ${column.firstError}` : ''})` : '';
    return [
      `${column.title}${failed}`,
      p50.rounds === 0 ? '-' : `${formatMs(p50.median)}${p50.rounds > 1 ? ` ${formatSpread(p50.spread)}` : ''}`,
      column === reference ? '1.00×' : formatRatio(pairedRatio(column.p50, reference?.p50 ?? [])),
      cpuText(column.frontCpu),
      cpuText(column.zoneCpu),
    ];
  });
  return renderTable(title, ['who is asked', 'p50 ms', 'ratio to directly', 'its CPU ms/request', 'zone service CPU ms/request'], rows, notes);
}
