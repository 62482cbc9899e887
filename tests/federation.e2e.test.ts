import { pgTargets, postGraphQL, startTestStack } from '@devzone/testkit';
import type { RunningStack } from '@devzone/stack';

/** The seeded system end to end: real zone services, province, gateway; GraphQL over HTTP. */
describe.each(pgTargets())('federated province graph on the seeded stack ($label PostgreSQL)', ({ adminUrl }) => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startTestStack({ adminUrl });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const requestsPerService = () => Object.fromEntries(stack.zoneServices.map((s) => [s.name, s.stats.requests]));
  const resetStats = () => stack.zoneServices.forEach((s) => s.stats.reset());

  it('lists every zone with directory facts and zone records, one request per zone service', async () => {
    resetStats();
    const body = await postGraphQL<{
      zones: { id: string; nameZh: string; province: { code: string }; service: { name: string } | null; partyOrganizations: { totalCount: number } | null }[];
    }>(stack.gatewayUrl, `{ zones { id nameZh province { code } service { name } partyOrganizations(first: 1) { totalCount } } }`);
    expect(body.errors).toBeUndefined();
    const zones = body.data!.zones;
    expect(zones.map((z) => z.id).sort()).toEqual(['changfeng', 'chengxi', 'chuzhou', 'dangtu', 'feixi', 'jinjiang', 'ningguo', 'suixi', 'yongkang']);
    expect(zones.find((z) => z.id === 'chuzhou')?.service?.name).toBe('anhui');
    expect(zones.every((z) => z.partyOrganizations !== null)).toBe(true);
    // Six Anhui zones in one fetch still make one request to the Anhui service.
    expect(requestsPerService()).toEqual({ yongkang: 1, chengxi: 1, jinjiang: 1, anhui: 1 });
    for (const service of stack.zoneServices) {
      expect(new Set(service.stats.zoneIdsSeen)).toEqual(new Set(service.hostedZoneIds));
    }
  });

  it('keeps reported and computed figures apart, each with its provenance', async () => {
    const body = await postGraphQL<{
      zone: {
        indicators: {
          code: string;
          value: number;
          qualifier: string;
          provenance: { kind: string; document: string | null; passage: string | null; computation: string | null };
        }[];
      };
    }>(
      stack.gatewayUrl,
      `{ zone(id: "yongkang") { indicators(codes: ["party_org.count", "party_member.count"]) { code value qualifier provenance { kind document passage computation } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const indicators = body.data!.zone.indicators;
    const reportedOrgs = indicators.find((i) => i.code === 'party_org.count' && i.provenance.kind === 'REPORTED');
    expect(reportedOrgs?.value).toBe(82);
    expect(reportedOrgs?.provenance.document).toBe('000_b89a998cf9687559.txt');
    const members = indicators.find((i) => i.code === 'party_member.count' && i.provenance.kind === 'REPORTED');
    expect(members).toMatchObject({ value: 2000, qualifier: 'AT_LEAST' });
    const computed = indicators.filter((i) => i.provenance.kind === 'COMPUTED');
    expect(computed.length).toBeGreaterThan(0);
    expect(computed.every((i) => i.provenance.computation && !i.provenance.document)).toBe(true);
  });

  it("says how complete each zone's records are, and computes from article records only lower bounds dated by the records", async () => {
    resetStats();
    type Figure = {
      code: string;
      value: number;
      qualifier: string;
      period: string;
      provenance: { kind: string; recordCompleteness: string | null; recordCount: number | null };
    };
    const body = await postGraphQL<{
      zones: {
        id: string;
        records: { enterprises: string; honors: string; asOf: string | null } | null;
        indicators: Figure[] | null;
        unassessedIndicators: { code: string; reason: string }[] | null;
      }[];
    }>(
      stack.gatewayUrl,
      `{ zones {
           id
           records { enterprises honors asOf }
           indicators(codes: ["enterprise.count", "org_coverage.rate", "red_workshop.count"]) { code value qualifier period provenance { kind recordCompleteness recordCount } }
           unassessedIndicators(codes: ["enterprise.count", "org_coverage.rate", "red_workshop.count", "alliance.count"]) { code reason }
         } }`,
    );
    expect(body.errors).toBeUndefined();
    const zones = new Map(body.data!.zones.map((z) => [z.id, z]));
    expect(requestsPerService()).toEqual({ yongkang: 1, chengxi: 1, jinjiang: 1, anhui: 1 });
    expect(Object.fromEntries([...zones].map(([id, z]) => [id, z.records?.asOf]))).toEqual({
      yongkang: '2023',
      chengxi: '2021',
      jinjiang: '2022-11-15',
      chuzhou: '2020',
      feixi: '2020',
      ningguo: '2020',
      changfeng: '2020',
      dangtu: '2020',
      suixi: '2020',
    });
    expect([...zones.values()].every((z) => z.records?.enterprises === 'NAMED_ONLY' && z.records.honors === 'NAMED_ONLY')).toBe(true);

    const computed = (zoneId: string) => zones.get(zoneId)!.indicators!.filter((i) => i.provenance.kind === 'COMPUTED');
    const reason = (zoneId: string, code: string) => zones.get(zoneId)!.unassessedIndicators!.find((u) => u.code === code)?.reason;
    expect(computed('yongkang')).toEqual([
      {
        code: 'enterprise.count',
        value: 15,
        qualifier: 'AT_LEAST',
        period: '2023',
        provenance: { kind: 'COMPUTED', recordCompleteness: 'NAMED_ONLY', recordCount: 15 },
      },
      {
        code: 'red_workshop.count',
        value: 2,
        qualifier: 'AT_LEAST',
        period: '2023',
        provenance: { kind: 'COMPUTED', recordCompleteness: 'NAMED_ONLY', recordCount: 12 },
      },
    ]);
    expect(reason('yongkang', 'org_coverage.rate')).toMatch(
      /^org_coverage\.rate is a rate over enterprise records, which are named only \(15 enterprises named by a source/,
    );
    expect(reason('feixi', 'org_coverage.rate')).toMatch(/named only \(1 enterprise named by a source/);
    expect(computed('feixi').map((i) => [i.code, i.qualifier, i.period])).toEqual([['enterprise.count', 'AT_LEAST', '2020']]);
    expect(reason('feixi', 'red_workshop.count')).toBe('no honor records');
    // Dangtu holds no records at all: nothing computed, every asked code explained.
    expect(computed('dangtu')).toEqual([]);
    expect(zones.get('dangtu')!.unassessedIndicators).toEqual([
      { code: 'alliance.count', reason: 'no alliance records' },
      { code: 'enterprise.count', reason: 'no enterprise records' },
      { code: 'org_coverage.rate', reason: 'no enterprise records' },
      { code: 'red_workshop.count', reason: 'no honor records' },
    ]);
    for (const zone of zones.values())
      expect(zone.indicators!.some((i) => i.provenance.kind === 'COMPUTED' && (i.code === 'org_coverage.rate' || i.value === 0))).toBe(false);
  });

  it('fetches an enterprise by id with its zone name from the directory', async () => {
    const search = await postGraphQL<{ searchEnterprises: { items: { id: string; nameZh: string; zone: { nameZh: string } }[] } }>(
      stack.gatewayUrl,
      `{ searchEnterprises(filter: { nameContains: "三锋" }) { items { id nameZh zone { nameZh } } } }`,
    );
    expect(search.errors).toBeUndefined();
    const sanfeng = search.data!.searchEnterprises.items[0];
    expect(sanfeng.nameZh).toContain('三锋');
    const body = await postGraphQL<{ enterprise: { id: string; nameZh: string; zone: { id: string; nameZh: string } } }>(
      stack.gatewayUrl,
      `query ($id: ID!) { enterprise(id: $id) { id nameZh zone { id nameZh } } }`,
      { id: sanfeng.id },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.enterprise.zone.id).toBe('yongkang');
    expect(body.data!.enterprise.zone.nameZh).toContain('永康');
  });

  it('searches enterprises across zones by honor, merged in one order', async () => {
    resetStats();
    const body = await postGraphQL<{
      searchEnterprises: { totalCount: number; failedZones: unknown[]; items: { id: string; nameZh: string; zoneId: string }[] };
    }>(stack.gatewayUrl, `{ searchEnterprises(filter: { honorContains: "红" }, first: 50) { totalCount failedZones { zoneId } items { id nameZh zoneId } } }`);
    expect(body.errors).toBeUndefined();
    const result = body.data!.searchEnterprises;
    expect(result.failedZones).toEqual([]);
    expect(result.items.length).toBeGreaterThan(0);
    const names = result.items.map((i) => i.nameZh);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // One round trip per zone service for the search, one more for the items' fields.
    for (const count of Object.values(requestsPerService())) expect(count).toBeLessThanOrEqual(2);
  });

  it('answers a bad argument with an error naming the field', async () => {
    const body = await postGraphQL(stack.gatewayUrl, `{ zones(province: "atlantis") { id } }`);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toContain('province');
  });

  it('checks the limits inside a filter, naming the nested field', async () => {
    const long = 'x'.repeat(101);
    const search = await postGraphQL(stack.gatewayUrl, `query ($f: EnterpriseSearchFilter) { searchEnterprises(filter: $f) { totalCount } }`, {
      f: { nameContains: long },
    });
    expect(search.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.nameContains' });
    const page = await postGraphQL(stack.gatewayUrl, `query ($f: EnterpriseFilter) { zone(id: "yongkang") { enterprises(filter: $f) { totalCount } } }`, {
      f: { nameContains: long },
    });
    expect(page.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.nameContains' });
  });

  it('still answers for the other zones when one zone service is down, naming the zone and service', async () => {
    await stack.stopZoneService('jinjiang');
    const body = await postGraphQL<{ zones: { id: string; nameZh: string; partyOrganizations: { totalCount: number } | null }[] }>(
      stack.gatewayUrl,
      `{ zones { id nameZh partyOrganizations(first: 1) { totalCount } } }`,
    );
    const jinjiang = body.data!.zones.find((z) => z.id === 'jinjiang')!;
    expect(jinjiang.nameZh).toContain('晋江');
    expect(jinjiang.partyOrganizations).toBeNull();
    expect(body.data!.zones.filter((z) => z.id !== 'jinjiang').every((z) => z.partyOrganizations !== null)).toBe(true);
    const error = body.errors?.find((e) => e.extensions?.code === 'ZONE_UNAVAILABLE');
    expect(error?.message).toContain('jinjiang');
    expect(error?.extensions).toMatchObject({ zoneId: 'jinjiang', service: 'jinjiang' });

    const search = await postGraphQL<{ searchEnterprises: { failedZones: { zoneId: string; service: string | null }[]; items: unknown[] } }>(
      stack.gatewayUrl,
      `{ searchEnterprises(first: 5) { failedZones { zoneId service } items { ... on Enterprise { id } } } }`,
    );
    expect(search.data!.searchEnterprises.failedZones).toEqual([{ zoneId: 'jinjiang', service: 'jinjiang' }]);
    expect(search.data!.searchEnterprises.items.length).toBe(5);
  });
});
