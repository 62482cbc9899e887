import { performance } from 'node:perf_hooks';
import type { BenchContext, Suite } from '../context';
import { queryOrThrow } from '../graphqlClient';
import { formatCount, formatMs, renderTable } from '../table';

interface EnterpriseRow {
  id: string;
  partyOrganizations: { id: string; honors: { title: string }[] }[];
  honors: { title: string }[];
}
interface Answer {
  zones: { id: string; enterprises: { totalCount: number; items: EnterpriseRow[] } | null }[];
}

const QUERY = `query($first: Int!) {
  zones {
    id
    enterprises(first: $first) {
      totalCount
      items { id nameZh industry partyOrganizations { id nameZh type honors { title } } honors { title } }
    }
  }
}`;

/**
 * 3. SQL statements per request do not grow with the rows returned: every
 * zone service's StatementCounter is read around one gateway query returning
 * 5, 50 and 500 enterprises per zone, each with its party organizations and
 * their honors and its own honors (nested lists, resolved through DataLoaders).
 */
export const statementsSuite: Suite = {
  name: 'statements',
  title: 'SQL statements per request as rows grow',
  run: async (ctx: BenchContext) => {
    const { zones, enterprisesPerZone, pageSizes, repeats } = ctx.sizes.statements;
    const options = { zones, enterprisesPerZone, services: 4 };
    const stack = await ctx.cache.use(ctx.syntheticKey(options), () => ctx.synthetic(options));
    const counters = stack.zoneServices.map((s) => s.database.statements);
    const provinceCounter = stack.province.database.statements;
    await queryOrThrow<Answer>(stack.gatewayUrl, QUERY, { first: pageSizes[0] }); // warm-up
    const rows: (string | number)[][] = [];
    for (const first of pageSizes) {
      const perRun: { zone: number; perService: number[]; province: number; ms: number; enterprises: number; organizations: number; honors: number }[] = [];
      for (let run = 0; run < repeats; run += 1) {
        const before = counters.map((c) => c.statements);
        const provinceBefore = provinceCounter.statements;
        const start = performance.now();
        const answer = await queryOrThrow<Answer>(stack.gatewayUrl, QUERY, { first });
        const ms = performance.now() - start;
        const perService = counters.map((c, i) => c.statements - before[i]!);
        const items = answer.zones.flatMap((z) => z.enterprises?.items ?? []);
        perRun.push({
          zone: perService.reduce((a, b) => a + b, 0),
          perService,
          province: provinceCounter.statements - provinceBefore,
          ms,
          enterprises: items.length,
          organizations: items.reduce((n, e) => n + e.partyOrganizations.length, 0),
          honors: items.reduce((n, e) => n + e.honors.length + e.partyOrganizations.reduce((m, o) => m + o.honors.length, 0), 0),
        });
      }
      const last = perRun[perRun.length - 1]!;
      const zoneCounts = [...new Set(perRun.map((r) => r.zone))];
      rows.push([
        first,
        formatCount(last.enterprises),
        formatCount(last.organizations),
        formatCount(last.honors),
        zoneCounts.join(' / '),
        last.perService.join('/'),
        last.province,
        formatMs(perRun.reduce((a, r) => a + r.ms, 0) / perRun.length),
      ]);
    }
    ctx.print(
      renderTable(
        `3. SQL statements per gateway request (${stack.label}; ${repeats} run(s) per row)`,
        ['enterprises/zone', 'enterprises returned', 'orgs returned', 'honors returned', 'zone SQL statements', 'per service', 'province SQL', 'mean ms'],
        rows,
        ['"zone SQL statements" lists every distinct total seen over the runs; one value means every run sent the same number.'],
      ),
    );
  },
};
