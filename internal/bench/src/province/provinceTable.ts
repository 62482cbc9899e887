import { formatSpread, summarizeRounds } from '../sideBySide/rounds';
import { formatMs, renderTable } from '../table';
import type { ProvinceSizes } from './sizes';

/** What the rounds of one shape at one zone count measured. */
export interface ProvinceRow {
  zones: number;
  shape: string;
  /** Issue #11's p50 target at 400 zones, one at a time, ms. */
  targetMs: number;
  /** One request at a time: requests timed over all rounds, and each round's p50 and p95 in ms. */
  sequential: { count: number; p50: number[]; p95: number[] };
  /** In flight: each round's requests per second and p50 in ms. */
  concurrent: { throughput: number[]; p50: number[] };
  failed: number;
  firstError?: string;
}

/** The median of the rounds, with their spread when there were several. */
function roundsText(values: readonly number[], format: (n: number) => string): string {
  const s = summarizeRounds(values);
  if (s.rounds === 0) return '-';
  return s.rounds > 1 ? `${format(s.median)} ${formatSpread(s.spread)}` : format(s.median);
}

const formatRate = (n: number) => n.toFixed(n >= 100 ? 0 : 1);

/** One table over every zone count and shape, then the targets and any failures. */
export function renderProvince(rows: readonly ProvinceRow[], sizes: ProvinceSizes): string {
  const c = sizes.concurrency;
  const header = ['shape', 'zones', 'n (c=1)', 'p50 c=1', 'p95 c=1', 'target p50 at 400 zones', `req/s c=${c}`, `p50 c=${c}`, 'failed'];
  const body = [...rows]
    .sort((a, b) => a.zones - b.zones)
    .map((row) => [
      row.shape,
      row.zones,
      row.sequential.count,
      roundsText(row.sequential.p50, formatMs),
      roundsText(row.sequential.p95, formatMs),
      `≤ ${row.targetMs}`,
      roundsText(row.concurrent.throughput, formatRate),
      roundsText(row.concurrent.p50, formatMs),
      row.failed,
    ]);
  const notes = [
    `median of ${sizes.rounds} round(s) (± half the max-min range of the rounds, relative to the median); one request at a time: ≤ ${sizes.sequential.iterations} requests or ${sizes.sequential.maxMs / 1000} s per round after ${sizes.sequential.warmup} untimed; ${c} in flight: a closed loop of ${sizes.windowMs / 1000} s per round after ${sizes.warmupRequests} untimed.`,
    `issue #11 also asks, at ${c} in flight and 400 zones, ≥ 5× the throughput it measured (the machine full at ~10 req/s).`,
    ...rows.filter((row) => row.failed > 0).map((row) => `failures: ${row.zones} zones, ${row.shape}: ${row.failed} (first: ${row.firstError ?? '?'})`),
  ];
  return renderTable(
    `Province scale: ${sizes.enterprisesPerZone} enterprises per zone on 4 zone services; PostgreSQL, zone services, province and gateway each a process (ms, req/s)`,
    header,
    body,
    notes,
  );
}
