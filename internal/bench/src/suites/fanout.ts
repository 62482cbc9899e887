import type { BenchContext, Suite } from '../context';
import { queryOrThrow } from '../graphqlClient';
import { sampleSequential } from '../sample';
import { summarize } from '../stats';
import { formatMs, renderTable } from '../table';

const PROVINCE_WIDE = `{ zones { id indicators(codes: ["party_org.count", "enterprise.count"]) { code value } } }`;

/**
 * 2. A province-wide query fans out to every zone service in parallel, so it
 * should cost about the slowest service, not the sum. Each zone service sits
 * behind a delay proxy; the same query is timed with no delay, with staggered
 * delays and with every service at the largest delay.
 */
export const fanoutSuite: Suite = {
  name: 'fanout',
  title: 'Fan-out costs the slowest zone, not the sum',
  run: async (ctx: BenchContext) => {
    const { zonesPerService, delaysMs, sample } = ctx.sizes.fanout;
    const services = delaysMs.length;
    const options = { zones: zonesPerService * services, enterprisesPerZone: 100, services, delaysMs: delaysMs.map(() => 0) };
    const stack = await ctx.cache.use(ctx.syntheticKey(options), () => ctx.synthetic(options));
    const proxies = stack.zoneServices.map((s) => stack.proxies.get(s.name)!);
    const largest = Math.max(...delaysMs);
    const scenarios: { name: string; delays: readonly number[] }[] = [
      { name: 'no delay (baseline)', delays: delaysMs.map(() => 0) },
      { name: `staggered ${delaysMs.join('/')}`, delays: delaysMs },
      { name: `all ${largest}`, delays: delaysMs.map(() => largest) },
      { name: `one slow (${largest}), rest 0`, delays: delaysMs.map((_, i) => (i === delaysMs.length - 1 ? largest : 0)) },
    ];
    const rows: (string | number)[][] = [];
    let baseline = Number.NaN;
    for (const scenario of scenarios) {
      scenario.delays.forEach((d, i) => (proxies[i]!.delayMs = d));
      const before = proxies.map((p) => p.requests);
      const samples = await sampleSequential(() => queryOrThrow(stack.gatewayUrl, PROVINCE_WIDE), sample);
      const s = summarize(samples);
      const runs = sample.warmup + s.count;
      const perQuery = proxies.map((p, i) => (p.requests - before[i]!) / runs);
      if (Number.isNaN(baseline)) baseline = s.p50;
      const sum = scenario.delays.reduce((a, b) => a + b, 0);
      const max = Math.max(...scenario.delays);
      rows.push([
        scenario.name,
        max,
        sum,
        s.count,
        formatMs(s.p50),
        formatMs(s.p95),
        formatMs(s.mean),
        formatMs(s.p50 - baseline),
        perQuery.map((n) => n.toFixed(1)).join('/'),
      ]);
    }
    proxies.forEach((p) => (p.delayMs = 0));
    ctx.print(
      renderTable(
        `2. Fan-out: province-wide query over ${stack.zoneIds.length} zones on ${services} zone services, each behind a delay proxy (ms)`,
        ['delays per service', 'max', 'sum', 'n', 'p50', 'p95', 'mean', 'p50 − baseline', 'requests/query per service'],
        rows,
        [
          'Parallel fan-out: "p50 − baseline" should track "max", not "sum". Requests/query per service: one _entities request per service, however many zones it hosts.',
        ],
      ),
    );
  },
};
