import { generateZones } from '@devzone/synthetic';
import { createTestDatabase, pgTargets, generateSigningKeys, postSignedGraphQL, type TestDatabase } from '@devzone/testkit';
import { ZoneRow } from '../db/entities';
import { writeZoneSeeds } from '../seed/writeSeed';
import { startZoneService, type RunningZoneService } from '../service/startZoneService';

/** The service answers signed requests only: the tests sign as the gateway does. */
const KEYS = generateSigningKeys();

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!, $first: Int!) {
    _entities(representations: $representations) {
      ... on Zone {
        id
        enterprises(first: $first) {
          totalCount
          hasNextPage
          items {
            id
            zoneId
            nameZh
            partyOrganizations {
              id
              type
              honors {
                title
              }
            }
          }
        }
        partyOrganizations(first: 5, filter: { types: [JOINT_BRANCH] }) {
          totalCount
          items {
            id
            enterprises {
              id
            }
          }
        }
        indicators(codes: ["party_org.count", "enterprise.count"]) {
          code
          value
          qualifier
          period
          provenance {
            kind
            computation
            recordCompleteness
            recordCount
          }
        }
        unassessedIndicators {
          code
          reason
        }
        records {
          enterprises
          asOf
        }
      }
    }
  }
`;

describe.each(pgTargets())('zone service on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let service: RunningZoneService;
  const zones = generateZones({ zones: 3, enterprisesPerZone: 60, seed: 7, prefix: 'svc' });

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `zone_${label}`);
    service = await startZoneService({ name: 'synthetic', databaseUrl: database.url, seeds: zones, synthetic: true, signingKeys: KEYS });
  });

  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });

  const representations = zones.map((z) => ({ __typename: 'Zone', id: z.zone.id }));

  it('resolves zone entities in order with their pages, trees and figures', async () => {
    const body = await postSignedGraphQL<{
      _entities: {
        id: string;
        enterprises: { totalCount: number; hasNextPage: boolean; items: { id: string; zoneId: string }[] };
        indicators: {
          code: string;
          value: number;
          qualifier: string;
          period: string;
          provenance: { kind: string; recordCompleteness: string | null; recordCount: number | null };
        }[];
        records: { enterprises: string; asOf: string | null };
      }[];
    }>(service.url, KEYS, ENTITIES, { representations: [...representations].reverse(), first: 10 });
    expect(body.errors).toBeUndefined();
    const entities = body.data!._entities;
    expect(entities.map((e) => e.id)).toEqual(['svc-3', 'svc-2', 'svc-1']);
    for (const zone of entities) {
      expect(zone.enterprises.totalCount).toBe(60);
      expect(zone.enterprises.hasNextPage).toBe(true);
      expect(zone.enterprises.items).toHaveLength(10);
      expect(zone.enterprises.items.every((e) => e.zoneId === zone.id && e.id.startsWith(`${zone.id}:`))).toBe(true);
      const reported = zone.indicators.filter((i) => i.provenance.kind === 'SYNTHETIC');
      const computed = zone.indicators.filter((i) => i.provenance.kind === 'COMPUTED');
      expect(reported.map((i) => i.code).sort()).toEqual(['enterprise.count', 'party_org.count']);
      // Synthetic zones are whole registers: their counts are exact, dated by their records.
      expect(zone.records).toEqual({ enterprises: 'COMPLETE', asOf: '2023-12-31' });
      expect(computed.find((i) => i.code === 'enterprise.count')).toMatchObject({
        value: 60,
        qualifier: 'EXACT',
        period: '2023-12-31',
        provenance: { recordCompleteness: 'COMPLETE', recordCount: 60 },
      });
      expect(computed.find((i) => i.code === 'party_org.count')).toMatchObject({ value: 12, qualifier: 'EXACT', provenance: { recordCount: 13 } });
      expect(reported.every((i) => i.provenance.recordCompleteness === null && i.provenance.recordCount === null)).toBe(true);
    }
  });

  it('sends the same number of SQL statements whether a page holds 5 rows or 60', async () => {
    const count = async (first: number) => {
      const before = service.database.statements.statements;
      const body = await postSignedGraphQL(service.url, KEYS, ENTITIES, { representations, first });
      expect(body.errors).toBeUndefined();
      return service.database.statements.statements - before;
    };
    const small = await count(5);
    const large = await count(60);
    expect(large).toBe(small);
    expect(small).toBeGreaterThan(0);
  });

  const PAGE = /* GraphQL */ `
    query ($representations: [_Any!]!, $first: Int!, $offset: Int!, $after: String, $orderBy: EnterpriseOrder!, $filter: EnterpriseFilter) {
      _entities(representations: $representations) {
        ... on Zone {
          enterprises(first: $first, offset: $offset, after: $after, orderBy: $orderBy, filter: $filter) {
            pageInfo {
              endCursor
              hasNextPage
            }
            items {
              id
            }
          }
        }
      }
    }
  `;
  type Page = { _entities: ({ enterprises: { pageInfo: { endCursor: string | null; hasNextPage: boolean }; items: { id: string }[] } | null } | null)[] };
  const page = (zoneId: string, variables: { first: number; offset?: number; after?: string | null; orderBy?: string; filter?: object }) =>
    postSignedGraphQL<Page>(service.url, KEYS, PAGE, {
      representations: [{ __typename: 'Zone', id: zoneId }],
      offset: 0,
      orderBy: 'TAX_DESC',
      ...variables,
    });

  it('pages by cursor through the same enterprises as by offset, in the same statements', async () => {
    const byOffset: string[] = [];
    const offsetStatements: number[] = [];
    for (let offset = 0; offset < 60; offset += 25) {
      const before = service.database.statements.statements;
      const body = await page('svc-2', { first: 25, offset });
      offsetStatements.push(service.database.statements.statements - before);
      byOffset.push(...body.data!._entities[0]!.enterprises!.items.map((e) => e.id));
    }
    const byCursor: string[] = [];
    let after: string | null = null;
    const statements: number[] = [];
    for (;;) {
      const before = service.database.statements.statements;
      const body = await page('svc-2', { first: 25, after });
      statements.push(service.database.statements.statements - before);
      expect(body.errors).toBeUndefined();
      const { pageInfo, items } = body.data!._entities[0]!.enterprises!;
      byCursor.push(...items.map((e) => e.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(byCursor).toHaveLength(60);
    expect(byCursor).toEqual(byOffset);
    expect(statements).toEqual(offsetStatements);
    expect(new Set(statements).size).toBe(1);
  });

  it('refuses a cursor of another zone, order or filter, garbage, and a cursor with an offset, naming after', async () => {
    const cursor = (await page('svc-1', { first: 5 })).data!._entities[0]!.enterprises!.pageInfo.endCursor!;
    expect((await page('svc-1', { first: 5, after: cursor })).errors).toBeUndefined();
    const refusals: [object, RegExp][] = [
      [{ representations: [{ __typename: 'Zone', id: 'svc-3' }] }, /^after: is a cursor of zone "svc-1", not of zone "svc-3"/],
      [{ orderBy: 'NAME_ASC' }, /^after: is a cursor of order TAX_DESC, not of NAME_ASC/],
      [{ filter: { industry: '合成' } }, /^after: is a cursor of another filter/],
      [{ after: 'garbage' }, /^after: is not a cursor of this list/],
      [{ offset: 5 }, /^after: give either after or offset, not both \(offset is 5\)/],
    ];
    for (const [change, message] of refusals) {
      const body = await postSignedGraphQL<Page>(service.url, KEYS, PAGE, {
        representations: [{ __typename: 'Zone', id: 'svc-1' }],
        first: 5,
        offset: 0,
        orderBy: 'TAX_DESC',
        after: cursor,
        ...change,
      });
      expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
      expect(body.data?._entities[0]?.enterprises ?? null).toBeNull();
    }
  });

  it('refuses entities of a zone it does not host, naming the zone', async () => {
    const body = await postSignedGraphQL(service.url, KEYS, ENTITIES, { representations: [{ __typename: 'Zone', id: 'elsewhere' }], first: 1 });
    expect(body.errors?.[0].extensions?.code).toBe('ZONE_NOT_HOSTED');
    expect(body.errors?.[0].message).toContain('"elsewhere"');
  });

  it('answers a bad argument with an error naming the field', async () => {
    const body = await postSignedGraphQL(service.url, KEYS, ENTITIES, { representations, first: 5000 });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].extensions?.field).toBe('first');
    expect(body.errors?.[0].message).toMatch(/^first: /);
  });

  it('keeps what was stored across a restart and does not seed twice', async () => {
    await service.database.dataSource.query(`UPDATE enterprise SET name_en = 'kept across restart' WHERE id = 'svc-1:e1'`);
    await service.stop();
    service = await startZoneService({ name: 'synthetic', databaseUrl: database.url, seeds: zones, synthetic: true, signingKeys: KEYS });
    expect(service.seedOutcomes.map((o) => o.status)).toEqual(['already-present', 'already-present', 'already-present']);
    const body = await postSignedGraphQL<{ _entities: { nameEn: string }[] }>(
      service.url,
      KEYS,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { nameEn } } }`,
      { r: [{ __typename: 'Enterprise', id: 'svc-1:e1' }] },
    );
    expect(body.data?._entities[0].nameEn).toBe('kept across restart');
  });

  it('writes a zone whole or not at all, and keeps every zone already stored', async () => {
    const [good] = generateZones({ zones: 1, enterprisesPerZone: 3, seed: 9, prefix: 'good' });
    const [broken] = generateZones({ zones: 1, enterprisesPerZone: 3, seed: 9, prefix: 'broken' });
    broken.serviceStations = [{ localId: 's1', nameZh: '合成红色驿站', kind: 'red_station', hostEnterpriseLocalId: 'no-such-enterprise' }];
    const before = await service.database.dataSource.query(`SELECT count(*)::int AS n FROM enterprise`);
    await expect(writeZoneSeeds(service.database.dataSource, [good, broken], { synthetic: true })).rejects.toThrow(/foreign key/);
    const zones = await service.database.dataSource.getRepository(ZoneRow).find({ select: { id: true } });
    expect(zones.map((z) => z.id)).toContain('good-1');
    expect(zones.map((z) => z.id)).not.toContain('broken-1');
    const after = await service.database.dataSource.query(`SELECT count(*)::int AS n FROM enterprise`);
    expect(after[0].n).toBe(before[0].n + 3);
    expect((await service.database.dataSource.query(`SELECT count(*)::int AS n FROM enterprise WHERE zone_id = 'broken-1'`))[0].n).toBe(0);
  });
});
