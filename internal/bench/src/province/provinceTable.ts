import { formatSpread, summarizeRounds } from '../sideBySide/rounds';
import { formatMs, renderTable } from '../table';
import type { ProvinceSizes } from './sizes';

/** The processes whose CPU the suite reads: the zone services and PostgreSQL each summed over their processes. */
export const CPU_ROLES = ['gateway', 'province', 'zoneServices', 'postgres'] as const;
export type CpuRole = (typeof CPU_ROLES)[number];
const CPU_ROLE_TITLES: Record<CpuRole, string> = {
  gateway: 'gateway',
  province: 'province',
  zoneServices: 'zone services (all)',
  postgres: 'PostgreSQL (all)',
};

/** No round's CPU yet, for every role. */
export function noCpuRounds(): Record<CpuRole, number[]> {
  return { gateway: [], province: [], zoneServices: [], postgres: [] };
}

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
  /** In flight: each round's CPU per completed request, ms, by process (`/proc`; empty where there is none). */
  cpu: Record<CpuRole, number[]>;
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
  const latencies = renderTable(
    `Province scale: ${sizes.enterprisesPerZone} enterprises per zone on 4 zone services; PostgreSQL, zone services, province and gateway each a process (ms, req/s)`,
    header,
    body,
    notes,
  );
  return `${latencies}\n${renderCpu(rows, c)}`;
}

const formatCpu = (n: number) => n.toFixed(n >= 10 ? 1 : 2);

/** CPU per request at `c` in flight, by process, and their sum: where the time of a request goes. */
function renderCpu(rows: readonly ProvinceRow[], c: number): string {
  const measured = rows.filter((row) => CPU_ROLES.some((role) => row.cpu[role].length > 0));
  const title = `Province scale: CPU per request at ${c} in flight, by process (ms)`;
  if (measured.length === 0) return `\n### ${title}\n\n  not measured: no /proc on this machine.\n`;
  const body = [...measured]
    .sort((a, b) => a.zones - b.zones)
    .map((row) => {
      const medians = CPU_ROLES.map((role) => summarizeRounds(row.cpu[role]).median);
      return [
        row.shape,
        row.zones,
        ...CPU_ROLES.map((role) => roundsText(row.cpu[role], formatCpu)),
        formatCpu(medians.filter(Number.isFinite).reduce((sum, m) => sum + m, 0)),
      ];
    });
  return renderTable(title, ['shape', 'zones', ...CPU_ROLES.map((role) => CPU_ROLE_TITLES[role]), 'sum of medians'], body, [
    'CPU time (user and system, /proc/<pid>/stat) each process used during the timed window, over the requests completed in it; PostgreSQL counts its backends too. The load generator is left out.',
  ]);
}
