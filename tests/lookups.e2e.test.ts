import { postGraphQL, startTestStack, type GraphQLResponseBody } from '@devzone/testkit';
import type { RunningStack } from '@devzone/stack';
import { DirectoryCityNames1763900000300 } from '@devzone/province';

/**
 * Lookups by id and province arguments end to end: real zone services, province
 * and gateway on the seeded databases, GraphQL over HTTP.
 */
describe('lookups and province arguments on the seeded stack', () => {
  let stack: RunningStack;
  const ask = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => postGraphQL<T>(stack.gatewayUrl, query, variables);
  const requestsPerService = () => Object.fromEntries(stack.zoneServices.map((s) => [s.name, s.stats.requests]));
  const resetStats = () => stack.zoneServices.forEach((s) => s.stats.reset());

  /** The only error of an answer whose `field` is null: its code and extensions. */
  function onlyError(body: GraphQLResponseBody, field: string) {
    expect(body.data?.[field] ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    return body.errors![0];
  }

  let enterpriseId: string;
  let organizationId: string;
  let jinjiangEnterpriseId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    const body = await ask<{ zones: { id: string; enterprises: { items: { id: string }[] }; partyOrganizations: { items: { id: string }[] } }[] }>(
      `{ zones(ids: ["yongkang", "jinjiang"]) { id enterprises(first: 1) { items { id } } partyOrganizations(first: 1) { items { id } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const [yongkang, jinjiang] = body.data!.zones;
    enterpriseId = yongkang.enterprises.items[0].id;
    organizationId = yongkang.partyOrganizations.items[0].id;
    jinjiangEnterpriseId = jinjiang.enterprises.items[0].id;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('a lookup of something that does not exist is null plus NOT_FOUND naming the id, whatever is selected', () => {
    it.each([
      ['zone', 'yongkan', '{ id }'],
      ['zone', 'yongkan', '{ id nameZh city partyOrganizations(first: 1) { totalCount } }'],
      ['enterprise', 'yongkang:nosuch', '{ id }'],
      ['enterprise', 'yongkang:nosuch', '{ id nameZh zone { id nameZh } }'],
      ['enterprise', 'yongkan:sanfeng', '{ id }'],
      ['partyOrganization', 'chuzhou:nosuch', '{ id }'],
      ['partyOrganization', 'chuzhou:nosuch', '{ id nameZh zone { id } }'],
    ])('%s(id: %j) %s', async (field, id, selection) => {
      const error = onlyError(await ask(`query ($id: ID!) { ${field}(id: $id) ${selection} }`, { id }), field);
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', id });
      expect(error.message).toContain(`"${id}"`);
      expect(error.path).toEqual([field]);
    });

    it('an id whose zone is not in the directory is NOT_FOUND naming the id only, as for a zone out of scope', async () => {
      const error = onlyError(await ask(`{ enterprise(id: "yongkan:sanfeng") { id } }`), 'enterprise');
      expect(error.message).toBe('enterprise "yongkan:sanfeng" not found');
    });

    it('asks the zone service once for every lookup of one request, found and missing apart', async () => {
      resetStats();
      const body = await ask<{ a: { id: string } | null; b: { id: string } | null; c: { id: string } | null }>(
        `query ($found: ID!, $org: ID!) { a: enterprise(id: $found) { id } b: enterprise(id: "yongkang:nosuch") { id } c: partyOrganization(id: $org) { id } }`,
        { found: enterpriseId, org: organizationId },
      );
      expect(body.data).toEqual({ a: { id: enterpriseId }, b: null, c: { id: organizationId } });
      expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['b'], 'NOT_FOUND']]);
      expect(requestsPerService()).toEqual({ yongkang: 1, chengxi: 0, jinjiang: 0, anhui: 0 });
    });
  });

  describe('a malformed id is BAD_USER_INPUT naming the argument', () => {
    it.each([
      ['enterprise', 'sanfeng'],
      ['enterprise', 'yongkang:'],
      ['enterprise', 'Yong Kang:sanfeng'],
      ['partyOrganization', 'chuzhou'],
      ['zone', 'yongkang:sanfeng'],
      ['zone', 'Yongkang'],
    ])('%s(id: %j)', async (field, id) => {
      const error = onlyError(await ask(`query ($id: ID!) { ${field}(id: $id) { id } }`, { id }), field);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', id });
      expect(error.message).toMatch(/^id: /);
    });
  });

  describe('what exists is still found', () => {
    it('zone, enterprise and party organization with only id and with more fields', async () => {
      const body = await ask<{
        zone: { id: string; nameZh: string; city: string };
        bare: { id: string };
        enterprise: { id: string; nameZh: string; zone: { id: string } };
        org: { id: string; nameZh: string };
      }>(
        `query ($e: ID!, $o: ID!) { zone(id: "feixi") { id nameZh city } bare: enterprise(id: $e) { id } enterprise(id: $e) { id nameZh zone { id } } org: partyOrganization(id: $o) { id nameZh } }`,
        { e: enterpriseId, o: organizationId },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.zone).toEqual({ id: 'feixi', nameZh: '肥西经开区', city: '肥西县' });
      expect(body.data!.bare).toEqual({ id: enterpriseId });
      expect(body.data!.enterprise).toMatchObject({ id: enterpriseId, zone: { id: 'yongkang' } });
      expect(body.data!.org.id).toBe(organizationId);
      expect(body.data!.org.nameZh.length).toBeGreaterThan(0);
    });

    it('cities follow one convention: the full official name with 市, 县 or 区', async () => {
      const body = await ask<{ zones: { id: string; city: string | null }[] }>(`{ zones { id city } }`);
      expect(body.errors).toBeUndefined();
      expect(Object.fromEntries(body.data!.zones.map((z) => [z.id, z.city]))).toEqual({
        yongkang: '永康市',
        chengxi: '永康市',
        jinjiang: '晋江市',
        chuzhou: '滁州市',
        feixi: '肥西县',
        ningguo: '宁国市',
        changfeng: '长丰县',
        dangtu: '当涂县',
        suixi: '濉溪县',
      });
    });
  });

  it('a database seeded before the city convention is renamed by migration, values edited since are kept', async () => {
    const dataSource = stack.province.database.dataSource;
    const cities = async () =>
      Object.fromEntries(
        (
          (await dataSource.query(`SELECT id, city FROM directory_zone WHERE id IN ('feixi', 'dangtu', 'ningguo') ORDER BY id`)) as {
            id: string;
            city: string;
          }[]
        ).map((r) => [r.id, r.city]),
      );
    await dataSource.query(
      `UPDATE directory_zone SET city = CASE id WHEN 'feixi' THEN '肥西' WHEN 'ningguo' THEN '宁国' ELSE '当涂区' END WHERE id IN ('feixi', 'dangtu', 'ningguo')`,
    );
    const runner = dataSource.createQueryRunner();
    try {
      await new DirectoryCityNames1763900000300().up(runner);
    } finally {
      await runner.release();
    }
    expect(await cities()).toEqual({ dangtu: '当涂区', feixi: '肥西县', ningguo: '宁国市' });
    await dataSource.query(`UPDATE directory_zone SET city = '当涂县' WHERE id = 'dangtu'`);
  });

  describe('province arguments accept the names analysts type', () => {
    const ANHUI = ['changfeng', 'chuzhou', 'dangtu', 'feixi', 'ningguo', 'suixi'];

    it.each(['anhui', '安徽', '安徽省', 'Anhui', 'ANHUI'])('zones(province: %j)', async (province) => {
      const body = await ask<{ zones: { id: string }[] }>(`query ($p: String) { zones(province: $p) { id } }`, { p: province });
      expect(body.errors).toBeUndefined();
      expect(body.data!.zones.map((z) => z.id)).toEqual(ANHUI);
    });

    it('onsiteMeetings and searchEnterprises', async () => {
      const body = await ask<{ byName: { id: string }[]; byCode: { id: string }[]; search: { totalCount: number }; all: { totalCount: number } }>(
        `{ byName: onsiteMeetings(province: "安徽") { id } byCode: onsiteMeetings(province: "anhui") { id }
           search: searchEnterprises(province: "Anhui", first: 1) { totalCount } all: searchEnterprises(zoneIds: ["changfeng", "chuzhou", "dangtu", "feixi", "ningguo", "suixi"], first: 1) { totalCount } }`,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.byName.length).toBeGreaterThan(0);
      expect(body.data!.byName).toEqual(body.data!.byCode);
      expect(body.data!.search.totalCount).toBe(body.data!.all.totalCount);
    });

    it('compareZones, selectBenchmarkSites and peerSuggestions scopes', async () => {
      const body = await ask<{
        compareZones: { rows: { zone: { id: string } }[]; provinceAggregates: { province: { code: string } }[] };
        selectBenchmarkSites: { ranked: { zone: { id: string } }[] };
        peerSuggestions: { peers: { zone: { id: string } }[]; notSuggested: { zone: { id: string } }[] };
      }>(
        `{ compareZones(provinces: ["安徽省", "Zhejiang"], indicators: ["party_org.count"]) { rows { zone { id } } provinceAggregates { province { code } } }
           selectBenchmarkSites(input: { preset: "onsite_meeting_host", provinces: ["安徽"], constraints: { asOfYear: 2020 } }) { ranked { zone { id } } }
           peerSuggestions(zoneId: "ningguo", criteria: [{ indicator: "party_org.count" }], provinces: ["ANHUI"], limit: 20) { peers { zone { id } } notSuggested { zone { id } } } }`,
      );
      expect(body.errors).toBeUndefined();
      const data = body.data!;
      expect(data.compareZones.rows.map((r) => r.zone.id).sort()).toEqual([...ANHUI, 'chengxi', 'yongkang'].sort());
      expect(data.compareZones.provinceAggregates.map((a) => a.province.code)).toEqual(['anhui', 'zhejiang']);
      expect(data.selectBenchmarkSites.ranked.map((r) => r.zone.id).sort()).toEqual(['chuzhou', 'ningguo']);
      const peers = [...data.peerSuggestions.peers, ...data.peerSuggestions.notSuggested].map((p) => p.zone.id).sort();
      expect(peers).toEqual(ANHUI.filter((z) => z !== 'ningguo'));
    });

    const VALID = 'valid: anhui (安徽省, Anhui), fujian (福建省, Fujian), zhejiang (浙江省, Zhejiang)';

    it.each([
      ['zones', `{ zones(province: "anhwei") { id } }`, 'province', 'province: unknown province "anhwei"'],
      ['onsiteMeetings', `{ onsiteMeetings(province: "安微") { id } }`, 'province', 'province: unknown province "安微"'],
      ['searchEnterprises', `{ searchEnterprises(province: "anhwei") { totalCount } }`, 'province', 'province: unknown province "anhwei"'],
      [
        'compareZones',
        `{ compareZones(provinces: ["anhui", "anhwei"], indicators: ["party_org.count"]) { rows { zone { id } } } }`,
        'provinces',
        'provinces: unknown province "anhwei"',
      ],
      [
        'selectBenchmarkSites',
        `{ selectBenchmarkSites(input: { preset: "onsite_meeting_host", provinces: ["anhwei"] }) { ranked { rank } } }`,
        'input.provinces',
        'input.provinces: unknown province "anhwei"',
      ],
      [
        'peerSuggestions',
        `{ peerSuggestions(zoneId: "ningguo", criteria: [{ indicator: "party_org.count" }], provinces: ["anhwei"]) { consideredZones } }`,
        'provinces',
        'provinces: unknown province "anhwei"',
      ],
    ])('an unknown province in %s is BAD_USER_INPUT naming the field and listing the valid codes with names', async (field, query, argument, start) => {
      const error = onlyError(await ask(query), field);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: argument });
      expect(error.message).toBe(`${start}; ${VALID}`);
    });

    it('refuses two spellings of one province in a scope', async () => {
      const error = onlyError(
        await ask(`{ compareZones(provinces: ["anhui", "安徽"], indicators: ["party_org.count"]) { rows { zone { id } } } }`),
        'compareZones',
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'provinces' });
      expect(error.message).toBe('provinces: "anhui" and "安徽" both name province "anhui"');
    });
  });

  describe('searchEnterprises resolves its zones as the analyses do', () => {
    it.each([
      ['a zone listed twice', `{ searchEnterprises(zoneIds: ["feixi", "chuzhou", "feixi"]) { totalCount } }`, 'zoneIds: zone "feixi" is listed twice'],
      ['an empty list', `{ searchEnterprises(zoneIds: []) { totalCount } }`, 'zoneIds: give at least one zone id, or leave it out'],
      ['an unknown zone', `{ searchEnterprises(zoneIds: ["feixi", "nosuch"]) { totalCount } }`, 'zoneIds: unknown zone(s) "nosuch"'],
    ])('refuses %s, naming zoneIds', async (_label, query, message) => {
      const error = onlyError(await ask(query), 'searchEnterprises');
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'zoneIds' });
      expect(error.message).toBe(message);
    });

    it('with a province and zone ids, searches the zones of both', async () => {
      const body = await ask<{ both: { items: { zone: { id: string } }[] }; feixi: { totalCount: number }; mixed: { totalCount: number } }>(
        `{ both: searchEnterprises(province: "anhui", zoneIds: ["feixi", "yongkang"], first: 50) { items { zone { id } } }
           feixi: searchEnterprises(zoneIds: ["feixi"]) { totalCount } mixed: searchEnterprises(province: "anhui", zoneIds: ["feixi", "yongkang"]) { totalCount } }`,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.feixi.totalCount).toBeGreaterThan(0);
      expect(body.data!.mixed.totalCount).toBe(body.data!.feixi.totalCount);
      expect(new Set(body.data!.both.items.map((e) => e.zone.id))).toEqual(new Set(['feixi']));
    });
  });

  // Last: stops a zone service for the rest of the file.
  describe('when the zone service is down', () => {
    beforeAll(async () => {
      await stack.stopZoneService('jinjiang');
    });

    it.each([
      ['an enterprise that exists', () => jinjiangEnterpriseId],
      ['an id the zone may not hold', () => 'jinjiang:nosuch'],
    ])('a lookup of %s is ZONE_UNAVAILABLE naming zone and service, not NOT_FOUND', async (_label, id) => {
      const error = onlyError(await ask(`query ($id: ID!) { enterprise(id: $id) { id } }`, { id: id() }), 'enterprise');
      expect(error.extensions).toMatchObject({ code: 'ZONE_UNAVAILABLE', zoneId: 'jinjiang', service: 'jinjiang', id: id() });
      expect(error.message).toMatch(/^Zone "jinjiang" \(service "jinjiang"\) is unavailable: /);
    });

    it('the zone itself still answers from the directory; its records are ZONE_UNAVAILABLE', async () => {
      const directoryOnly = await ask<{ zone: { id: string; city: string } }>(`{ zone(id: "jinjiang") { id city } }`);
      expect(directoryOnly).toEqual({ data: { zone: { id: 'jinjiang', city: '晋江市' } } });
      const withRecords = await ask<{ zone: { id: string; partyOrganizations: unknown } }>(
        `{ zone(id: "jinjiang") { id partyOrganizations(first: 1) { totalCount } } }`,
      );
      expect(withRecords.data!.zone).toEqual({ id: 'jinjiang', partyOrganizations: null });
      expect(withRecords.errors?.[0].extensions).toMatchObject({ code: 'ZONE_UNAVAILABLE', zoneId: 'jinjiang' });
    });

    it('other zones still answer lookups', async () => {
      const body = await ask(`query ($id: ID!) { enterprise(id: $id) { id } }`, { id: enterpriseId });
      expect(body).toEqual({ data: { enterprise: { id: enterpriseId } } });
    });
  });
});
