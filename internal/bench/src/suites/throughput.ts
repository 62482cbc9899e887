import type { BenchContext, Suite } from '../context';
import { queryOrThrow } from '../graphqlClient';
import { runLoad, type LoadResult } from '../load';
import { summarize } from '../stats';
import { formatCount, formatMs, renderTable, type Cell } from '../table';
import type { SyntheticStackOptions } from '../syntheticStack';

const PROVINCE_WIDE = `{ zones { id indicators(codes: ["party_org.count", "org_coverage.rate", "honor.count"]) { code value } } }`;
const PAGE = `query($zone: ID!, $first: Int!, $offset: Int!) {
  zone(id: $zone) { enterprises(first: $first, offset: $offset) { totalCount items { id nameZh industry } } }
}`;

const NODE_CPU_NOTE =
  'node CPU: what the one Node process (gateway + province + zone services + load loop) spent per request, and as % of one core over the window. Near 100 %: Node is the bottleneck; well below: requests wait on PostgreSQL.';

function loadRow(label: Cell[], result: LoadResult, seedMs: number): Cell[] {
  const s = summarize(result.latencies);
  return [
    ...label,
    formatMs(seedMs / 1000),
    formatCount(result.completed),
    result.failed,
    result.throughput.toFixed(1),
    formatMs(s.p50),
    formatMs(s.p95),
    formatMs(s.mean),
    formatMs(result.nodeCpuMsPerRequest),
    result.nodeCpuPercent.toFixed(0),
  ];
}

/**
 * 4. Closed-loop throughput at a fixed concurrency: a province-wide query as
 * the number of zones grows (4 → 40 → 400, 100 enterprises each, 4 services),
 * and a paged enterprises query as one zone grows (100 → 100,000 enterprises).
 */
export const throughputSuite: Suite = {
  name: 'throughput',
  title: 'Throughput at fixed concurrency',
  run: async (ctx: BenchContext) => {
    const t = ctx.sizes.throughput;
    const budget = { concurrency: t.concurrency, durationMs: t.windowMs, maxRequests: t.maxRequests, warmupRequests: t.warmupRequests };
    const failures: string[] = [];

    // One zone, more and more enterprises: first page, and pages spread over the whole zone.
    const enterpriseRows: { size: number; rows: Cell[][] }[] = [];
    for (const size of t.enterpriseCounts) {
      const options: SyntheticStackOptions = { zones: 1, enterprisesPerZone: size, services: 1 };
      const stack = await ctx.cache.use(ctx.syntheticKey(options), () => ctx.synthetic(options));
      const zone = stack.zoneIds[0]!;
      const pages = Math.max(1, Math.floor(size / t.pageSize));
      const shapes = [
        { name: 'first page', offset: () => 0 },
        { name: 'pages spread over the zone', offset: (i: number) => ((i * 7919) % pages) * t.pageSize },
      ];
      const rows: Cell[][] = [];
      for (const shape of shapes) {
        const result = await runLoad((i) => queryOrThrow(stack.gatewayUrl, PAGE, { zone, first: t.pageSize, offset: shape.offset(i) }), budget);
        if (result.firstError) failures.push(`${size} enterprises, ${shape.name}: ${result.firstError}`);
        rows.push(loadRow([formatCount(size), shape.name], result, stack.seedMs));
      }
      enterpriseRows.push({ size, rows });
    }
    ctx.print(
      renderTable(
        `4a. Throughput, one zone growing: enterprises(first: ${t.pageSize}, offset) through the gateway, ${t.concurrency} in flight, ${t.windowMs / 1000} s per row`,
        ['enterprises in zone', 'shape', 'seed s', 'requests', 'failed', 'req/s', 'p50', 'p95', 'mean', 'node CPU ms/req', 'node CPU %'],
        enterpriseRows.sort((a, b) => a.size - b.size).flatMap((r) => r.rows),
        [NODE_CPU_NOTE],
      ),
    );

    // More and more zones, province-wide query. Starts with the running stack if it is one of these.
    const zoneOptions = t.zoneCounts.map((zones): SyntheticStackOptions => ({ zones, enterprisesPerZone: t.enterprisesPerZone, services: 4 }));
    const zoneRows: { zones: number; row: Cell[] }[] = [];
    for (const options of ctx.cache.orderRunningFirst(zoneOptions, (o) => ctx.syntheticKey(o))) {
      const stack = await ctx.cache.use(ctx.syntheticKey(options), () => ctx.synthetic(options));
      const result = await runLoad(() => queryOrThrow(stack.gatewayUrl, PROVINCE_WIDE), budget);
      if (result.firstError) failures.push(`${options.zones} zones: ${result.firstError}`);
      zoneRows.push({ zones: options.zones, row: loadRow([options.zones, stack.zoneServices.length], result, stack.seedMs) });
    }
    ctx.print(
      renderTable(
        `4b. Throughput, more zones: province-wide zones { indicators(3 codes) } through the gateway, ${t.enterprisesPerZone} enterprises per zone, ${t.concurrency} in flight, ${t.windowMs / 1000} s per row`,
        ['zones', 'services', 'seed s', 'requests', 'failed', 'req/s', 'p50', 'p95', 'mean', 'node CPU ms/req', 'node CPU %'],
        zoneRows.sort((a, b) => a.zones - b.zones).map((r) => r.row),
        [NODE_CPU_NOTE, ...failures.map((f) => `failure: ${f}`)],
      ),
    );
  },
};
