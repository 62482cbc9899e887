import type { BenchContext, Suite } from '../context';
import { queryOrThrow } from '../graphqlClient';
import { sampleSequential } from '../sample';
import { summarize } from '../stats';
import { formatMs, renderTable, type Cell } from '../table';
import type { SyntheticStackOptions } from '../syntheticStack';

interface Answer {
  selectBenchmarkSites: {
    ranked: { rank: number }[];
    excluded: { reason: string }[];
    robustness: { stable: boolean | null; monteCarloDraws: number | null } | null;
    failedZones: { zoneId: string }[];
  };
}

export const SELECT = `query($input: BenchmarkSelectionInput!) {
  selectBenchmarkSites(input: $input) {
    ranked { zone { id } rank score }
    selected { zone { id } }
    excluded { reason }
    robustness { stable monteCarloDraws }
    failedZones { zoneId }
  }
}`;

const CRITERIA = [{ indicator: 'party_org.count' }, { indicator: 'org_coverage.rate' }, { indicator: 'honor.count' }];

export interface SelectionVariant {
  name: string;
  robustness?: Record<string, unknown>;
}

export const VARIANTS: readonly SelectionVariant[] = [
  { name: 'robustness defaults (±0.05, 1000 draws, dethrone)' },
  { name: 'robustness off', robustness: { perturbationDelta: 0, monteCarloDraws: 0, dethrone: false } },
];

/** The variables of SELECT for one variant: 3 criteria, missing values imputed. */
export function selectionVariables(variant: SelectionVariant): Record<string, unknown> {
  return { input: { criteria: CRITERIA, missing: { policy: 'IMPUTE' }, ...(variant.robustness ? { robustness: variant.robustness } : {}) } };
}

/** 5. selectBenchmarkSites through the gateway: snapshot through the gateway, ranking, robustness. */
export const selectionSuite: Suite = {
  name: 'selection',
  title: 'Selection cost',
  run: async (ctx: BenchContext) => {
    const sel = ctx.sizes.selection;
    const all = sel.zoneCounts.map((zones): SyntheticStackOptions => ({ zones, enterprisesPerZone: sel.enterprisesPerZone, services: 4 }));
    const rows: { zones: number; rows: Cell[][] }[] = [];
    for (const options of ctx.cache.orderRunningFirst(all, (o) => ctx.syntheticKey(o))) {
      const stack = await ctx.cache.use(ctx.syntheticKey(options), () => ctx.synthetic(options));
      const out: Cell[][] = [];
      for (const variant of VARIANTS) {
        let last: Answer | undefined;
        const samples = await sampleSequential(async () => {
          last = await queryOrThrow<Answer>(stack.gatewayUrl, SELECT, selectionVariables(variant));
        }, sel.sample);
        const s = summarize(samples);
        const result = last!.selectBenchmarkSites;
        if (result.failedZones.length > 0) throw new Error(`selection over ${options.zones} zones: ${result.failedZones.length} zone(s) failed`);
        out.push([options.zones, variant.name, s.count, formatMs(s.p50), formatMs(s.p95), formatMs(s.mean), result.ranked.length, result.excluded.length]);
      }
      rows.push({ zones: options.zones, rows: out });
    }
    ctx.print(
      renderTable(
        `5. selectBenchmarkSites (3 criteria, missing: IMPUTE) through the gateway, ${sel.enterprisesPerZone} enterprises per zone, sequential (ms)`,
        ['zones', 'robustness', 'n', 'p50', 'p95', 'mean', 'ranked', 'excluded'],
        rows.sort((a, b) => a.zones - b.zones).flatMap((r) => r.rows),
      ),
    );
  },
};
