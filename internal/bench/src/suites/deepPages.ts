import type { BenchContext, Suite } from '../context';
import { queryOrThrow } from '../graphqlClient';
import { sampleSequential } from '../sample';
import { summarize } from '../stats';
import { formatCount, formatMs, renderTable, type Cell } from '../table';
import type { SyntheticStackOptions } from '../syntheticStack';

const PAGE = `query($zone: ID!, $first: Int!, $offset: Int!, $after: String, $orderBy: EnterpriseOrder!) {
  zone(id: $zone) { enterprises(first: $first, offset: $offset, after: $after, orderBy: $orderBy) { pageInfo { endCursor hasNextPage } items { id nameZh industry } } }
}`;
const COUNTED_PAGE = `query($zone: ID!, $first: Int!, $orderBy: EnterpriseOrder!) {
  zone(id: $zone) { enterprises(first: $first, orderBy: $orderBy) { totalCount pageInfo { endCursor hasNextPage } items { id nameZh industry } } }
}`;

interface PageAnswer {
  zone: { enterprises: { pageInfo: { endCursor: string | null; hasNextPage: boolean }; items: { id: string }[] } };
}

/**
 * 6. Deep pages of one large zone: pages from the start, the middle and the
 * end of `enterprises` through the gateway, by `offset` and by `after` (the
 * endCursor of the page before), one request at a time; and what asking
 * `totalCount` adds to the first page.
 */
export const deepPagesSuite: Suite = {
  name: 'deep-pages',
  title: 'Deep pages of one zone, by offset and by cursor',
  run: async (ctx: BenchContext) => {
    const { enterprises, pageSize, orders, sample } = ctx.sizes.deepPages;
    const options: SyntheticStackOptions = { zones: 1, enterprisesPerZone: enterprises, services: 1 };
    const stack = await ctx.cache.use(ctx.syntheticKey(options), () => ctx.synthetic(options));
    const zone = stack.zoneIds[0]!;
    const page = (variables: { orderBy: string; first?: number; offset?: number; after?: string | null }): Promise<PageAnswer> =>
      queryOrThrow<PageAnswer>(stack.gatewayUrl, PAGE, { zone, first: pageSize, offset: 0, after: null, ...variables });
    const p50 = async (task: () => Promise<unknown>) => summarize(await sampleSequential(task, sample));

    // Every sample reads a page no sample read before (the next one), so that no cache between
    // client and database answers it: `steps` pages from the position, by offset and by cursor.
    const steps = sample.warmup + sample.iterations;
    const rows: Cell[][] = [];
    const notes: string[] = [];
    // A freshly seeded table has no planner statistics until autovacuum gets to it (an offset page
    // then sorts the zone), and its first read writes every row's hint bits: a zone in service has
    // both behind it. ANALYZE, then one offset read of the last row in each order touches every row.
    await stack.zoneServices[0]!.database.dataSource.query('ANALYZE enterprise');
    for (const orderBy of orders) await page({ orderBy, first: 1, offset: enterprises - 1 });
    for (const orderBy of orders) {
      const positions = [
        { name: 'first', offset: 0 },
        { name: 'middle', offset: Math.floor(enterprises / 2) },
        { name: 'last', offset: enterprises - pageSize * steps },
      ];
      let firstOffset = Number.NaN;
      let firstCursor = Number.NaN;
      for (const { name, offset } of positions) {
        // The cursor of the row just before the position: what the previous page's endCursor would be.
        const start = offset === 0 ? null : (await page({ orderBy, first: 1, offset: offset - 1 })).zone.enterprises.pageInfo.endCursor;
        const byOffsetIds: string[] = [];
        const byCursorIds: string[] = [];
        let nextOffset = offset;
        const byOffset = await p50(async () => {
          const answer = await page({ orderBy, offset: nextOffset });
          nextOffset += pageSize;
          byOffsetIds.push(...answer.zone.enterprises.items.map((item) => item.id));
        });
        let after = start;
        const byCursor = await p50(async () => {
          const answer = await page({ orderBy, after });
          after = answer.zone.enterprises.pageInfo.endCursor;
          byCursorIds.push(...answer.zone.enterprises.items.map((item) => item.id));
        });
        const compared = Math.min(byOffsetIds.length, byCursorIds.length);
        if (JSON.stringify(byOffsetIds.slice(0, compared)) !== JSON.stringify(byCursorIds.slice(0, compared)))
          notes.push(`${orderBy} ${name}: the pages after cursors differ from the pages at offsets`);
        if (offset === 0) [firstOffset, firstCursor] = [byOffset.p50, byCursor.p50];
        rows.push([
          orderBy,
          `${name} (from ${formatCount(offset)})`,
          formatMs(byOffset.p50),
          formatMs(byOffset.p95),
          formatMs(byCursor.p50),
          formatMs(byCursor.p95),
          `${(byOffset.p50 / firstOffset).toFixed(1)}x`,
          `${(byCursor.p50 / firstCursor).toFixed(1)}x`,
          byCursor.count,
        ]);
      }
    }
    // Distinct reads again: the first page under a different page size each time.
    let size = pageSize;
    const counted = await p50(() => queryOrThrow(stack.gatewayUrl, COUNTED_PAGE, { zone, first: (size += 1), orderBy: orders[0] }));
    size = pageSize;
    const uncounted = await p50(() => page({ orderBy: orders[0]!, first: (size += 1) }));
    notes.push(
      `totalCount (one count of the zone's ${formatCount(enterprises)} rows) on the first page: p50 ${formatMs(counted.p50)} ms with it, ${formatMs(uncounted.p50)} ms without; it is counted only when asked.`,
    );
    ctx.print(
      renderTable(
        `6. Deep pages: one zone of ${formatCount(enterprises)} enterprises, enterprises(first: ${pageSize}) through the gateway by offset and by after, one request at a time, ${steps} consecutive pages from each position (ms)`,
        ['order', 'page (offset)', 'offset p50', 'offset p95', 'cursor p50', 'cursor p95', 'offset / first', 'cursor / first', 'samples'],
        rows,
        notes,
      ),
    );
  },
};
