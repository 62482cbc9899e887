import { openServiceDatabase, type ServiceDatabase } from '@devzone/database';
import { generateZones } from '@devzone/synthetic';
import { createTestDatabase, pgTargets, type TestDatabase } from '@devzone/testkit';
import fc from 'fast-check';
import type { EnterpriseRow, PartyOrganizationRow } from '../db/entities';
import { zoneEntities } from '../db/entities';
import { zoneMigrations } from '../db/migrations';
import { EnterpriseOrder, PartyOrganizationOrder } from '../graphql/types/enums';
import type { EnterpriseFilter } from '../graphql/types/inputs';
import { filterDigest } from '../paging/filterDigest';
import { decodeCursor, encodeCursor } from '../paging/pageCursor';
import { ENTERPRISE_ORDERS, PARTY_ORGANIZATION_ORDERS, positionOf, type KeysetPosition, type PageOrder } from '../paging/pageOrders';
import type { WritableZoneSeed } from '../seed/seedSchema';
import { writeZoneSeeds } from '../seed/writeSeed';
import { enterprisePages, partyOrganizationPages, type ZonePage, type ZoneSlice } from './pageQueries';

// Few distinct names and figures, so that ties (broken by id) and nulls (last) are the rule, not the exception.
// 'B' < 'a' by code point, not in most locales: the enterprise orders compare with COLLATE "C".
const NAMES = ['甲', '乙', 'a', 'B', 'b', 'a b', 'Z'];
const figure = fc.option(fc.constantFrom(0, 0.5, 1.25, 3), { nil: undefined });
const count = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined });
const localIds = (max: number) => fc.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,4}$/), { maxLength: max });

const zoneArbitrary = fc.record({
  enterprises: localIds(30).chain((ids) =>
    fc.tuple(
      ...ids.map((localId) =>
        fc.record({
          localId: fc.constant(localId),
          nameZh: fc.constantFrom(...NAMES),
          industry: fc.constantFrom('x', 'y'),
          employees: count,
          outputValue: figure,
          tax: figure,
        }),
      ),
    ),
  ),
  organizations: localIds(20).chain((ids) =>
    fc.tuple(
      ...ids.map((localId) =>
        fc.record({
          localId: fc.constant(localId),
          nameZh: fc.constantFrom(...NAMES),
          type: fc.constantFrom('branch', 'joint_branch', 'committee'),
          memberCount: count,
        }),
      ),
    ),
  ),
  pageSize: fc.integer({ min: 1, max: 7 }),
  filter: fc.constantFrom<EnterpriseFilter | undefined>(undefined, { nameContains: 'a' }, { industry: 'x' }),
});

type Generated = typeof zoneArbitrary extends fc.Arbitrary<infer T> ? T : never;

function seedOf(zoneId: string, generated: Generated): WritableZoneSeed {
  return {
    zone: {
      id: zoneId,
      nameZh: `键集开发区 ${zoneId}`,
      nameEn: `Keyset zone ${zoneId}`,
      recordCompleteness: { enterprises: 'complete', partyOrganizations: 'complete', honors: 'complete', alliances: 'complete', serviceStations: 'complete' },
      recordsAsOf: '2024',
    },
    enterprises: generated.enterprises.map(({ employees, ...enterprise }) => ({
      ...enterprise,
      flags: [],
      ...(employees === undefined ? {} : { employees: { value: employees, qualifier: 'exact' as const } }),
    })),
    partyOrganizations: generated.organizations.map(({ memberCount, ...organization }) => ({
      ...organization,
      enterpriseLocalIds: [],
      ...(memberCount === undefined ? {} : { memberCount: { value: memberCount, qualifier: 'exact' as const } }),
    })),
    honors: [],
    alliances: [],
    serviceStations: [],
    indicators: [],
  } as WritableZoneSeed;
}

type Fetch<R> = (zones: readonly ZoneSlice[], page: { first: number; offset: number }) => Promise<ZonePage<R>[]>;

/** Every id of the list, page by page from offsets. */
async function walkByOffset<R extends { id: string }>(fetch: Fetch<R>, zoneId: string, first: number): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += first) {
    const [page] = await fetch([{ zoneId, after: null }], { first, offset });
    ids.push(...page!.rows.map((row) => row.id));
    expect(page!.rows.length).toBeLessThanOrEqual(first);
    if (!page!.hasNextPage) return ids;
  }
}

/** Every id of the list, page by page after the cursor of each page's last row (encoded and read back as a client would). */
async function walkByCursor<R extends { id: string }>(
  fetch: Fetch<R>,
  zoneId: string,
  first: number,
  order: PageOrder<R>,
  name: string,
  filter: string,
): Promise<string[]> {
  const binding = { zoneId, order: name, filter };
  const ids: string[] = [];
  let after: KeysetPosition | null = null;
  for (;;) {
    const [page] = await fetch([{ zoneId, after }], { first, offset: 0 });
    ids.push(...page!.rows.map((row) => row.id));
    const last = page!.rows.at(-1);
    if (!page!.hasNextPage || !last) return ids;
    const decoded = decodeCursor(encodeCursor(binding, positionOf(order, last)), binding, order);
    if (!decoded.ok) throw new Error(decoded.problem);
    after = decoded.position;
  }
}

describe.each(pgTargets())('keyset pages on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let service: ServiceDatabase;
  let zones = 0;

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `keyset_${label}`);
    service = await openServiceDatabase({ url: database.url, entities: zoneEntities, migrations: zoneMigrations });
    await writeZoneSeeds(service.dataSource, generateZones({ zones: 3, enterprisesPerZone: 12, seed: 3, prefix: 'batch' }), { synthetic: true });
  });

  afterAll(async () => {
    await service?.close();
    await database?.drop();
  });

  it('walks every order by cursors through the same sequence as by offsets, ties and nulls included', async () => {
    await fc.assert(
      fc.asyncProperty(zoneArbitrary, async (generated) => {
        const zoneId = `keyset-${(zones += 1)}`;
        await writeZoneSeeds(service.dataSource, [seedOf(zoneId, generated)], { synthetic: true });
        const { pageSize, filter } = generated;
        for (const orderBy of Object.values(EnterpriseOrder)) {
          const fetch: Fetch<EnterpriseRow> = (slices, page) => enterprisePages(service.dataSource, slices, { filter, orderBy, ...page });
          const byOffset = await walkByOffset(fetch, zoneId, pageSize);
          expect({ orderBy, ids: await walkByCursor(fetch, zoneId, pageSize, ENTERPRISE_ORDERS[orderBy], orderBy, filterDigest(filter)) }).toEqual({
            orderBy,
            ids: byOffset,
          });
          const expected = generated.enterprises.filter(
            (e) => (!filter?.nameContains || e.nameZh.includes(filter.nameContains)) && (!filter?.industry || e.industry === filter.industry),
          );
          expect(byOffset).toHaveLength(expected.length);
        }
        for (const orderBy of Object.values(PartyOrganizationOrder)) {
          const fetch: Fetch<PartyOrganizationRow> = (slices, page) => partyOrganizationPages(service.dataSource, slices, { orderBy, ...page });
          const byOffset = await walkByOffset(fetch, zoneId, pageSize);
          expect({ orderBy, ids: await walkByCursor(fetch, zoneId, pageSize, PARTY_ORGANIZATION_ORDERS[orderBy], orderBy, filterDigest(undefined)) }).toEqual({
            orderBy,
            ids: byOffset,
          });
          expect(byOffset).toHaveLength(generated.organizations.length);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('pages zones after their own cursors in one statement, the same zone twice included', async () => {
    const order = ENTERPRISE_ORDERS[EnterpriseOrder.TAX_DESC];
    const request = { orderBy: EnterpriseOrder.TAX_DESC, first: 3, offset: 0 };
    const zoneIds = ['batch-1', 'batch-2', 'batch-3'];
    const firstPages = await enterprisePages(
      service.dataSource,
      zoneIds.map((zoneId) => ({ zoneId, after: null })),
      { ...request, first: 2 },
    );
    const slices: ZoneSlice[] = firstPages.flatMap((page) => page.rows.map((row) => ({ zoneId: page.zoneId, after: positionOf(order, row) })));
    expect(new Set(slices.map((slice) => slice.zoneId)).size).toBeLessThan(slices.length);
    const alone = await Promise.all(slices.map(async (slice) => (await enterprisePages(service.dataSource, [slice], request))[0]));
    const before = service.statements.statements;
    const together = await enterprisePages(service.dataSource, slices, request);
    expect(service.statements.statements - before).toBe(1);
    expect(together).toEqual(alone);
  });
});
