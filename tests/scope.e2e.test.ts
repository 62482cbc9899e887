import { SelectionRunOwner1763900000500 } from '@devzone/province';
import type { RunningStack } from '@devzone/stack';
import { postGraphQL, startTestStack, type GraphQLResponseBody } from '@devzone/testkit';

/**
 * Roles and scope end to end: credentials issued by the stack's administrator,
 * every path that can reveal a zone's data asked as each of them over HTTP.
 */
const ANHUI = ['changfeng', 'chuzhou', 'dangtu', 'feixi', 'ningguo', 'suixi'];
const ALL_ZONES = [...ANHUI, 'chengxi', 'jinjiang', 'yongkang'].sort();
const OUTSIDE_ANHUI = ['yongkang', 'chengxi', 'jinjiang', '永康', '城西', '晋江'];
const CRITERIA = '[{ indicator: "party_org.count" }]';

type Headers = Record<string, string>;
type Body = GraphQLResponseBody<Record<string, unknown>>;

let stack: RunningStack;
const ask = (headers: Headers, query: string, variables: Record<string, unknown> = {}): Promise<Body> =>
  postGraphQL(stack.gatewayUrl, query, variables, headers);
const ADMIN: Headers = {};
let anhuiAnalyst: Headers;
let otherAnhuiAnalyst: Headers;
let biReader: Headers;
let yongkangSystem: Headers;
let anhuiAnalystSubject: string;
let yongkangEnterprise: string;
let yongkangOrganization: string;
let chuzhouEnterprise: string;

async function issueKey(input: Record<string, unknown>): Promise<{ headers: Headers; subject: string }> {
  const body = await postGraphQL<{ issueApiKey: { key: string; apiKey: { keyId: string } } }>(
    stack.gatewayUrl,
    `mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key apiKey { keyId } } }`,
    { input },
  );
  expect(body.errors).toBeUndefined();
  const { key, apiKey } = body.data!.issueApiKey;
  return { headers: { authorization: `ApiKey ${key}` }, subject: `key:${apiKey.keyId}` };
}

const codes = (body: Body) => (body.errors ?? []).map((e) => e.extensions?.code);
/** An answer as text with `id` replaced and without request ids, so the answers to two ids can be compared whole. */
const masked = (body: Body, id: string) =>
  JSON.stringify(body)
    .split(id)
    .join('<id>')
    .replace(/"requestId":"[^"]*"/g, '"requestId":"…"');
const runCount = async () => ((await stack.province.database.dataSource.query(`SELECT count(*)::int AS n FROM selection_run`)) as { n: number }[])[0].n;

/** Every zone id an answer mentions in a `zone { id }`, `zones { id }` or `hosts { id }` selection, or in an entity id. */
function zoneIdsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => zoneIdsIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && typeof v === 'string') found.add(v.split(':')[0]);
      else zoneIdsIn(v, found);
    }
  }
  return found;
}

beforeAll(async () => {
  stack = await startTestStack({ auth: { apiKeyCacheMs: 0 } });
  ({ headers: anhuiAnalyst, subject: anhuiAnalystSubject } = await issueKey({ label: 'Anhui analyst', roles: ['ANALYST'], provinces: ['anhui'] }));
  ({ headers: otherAnhuiAnalyst } = await issueKey({ label: 'another Anhui analyst', roles: ['ANALYST'], provinces: ['安徽'] }));
  ({ headers: biReader } = await issueKey({ label: 'Anhui BI', roles: ['BI_READER'], provinces: ['anhui'] }));
  ({ headers: yongkangSystem } = await issueKey({ label: 'Yongkang system', roles: ['ZONE_SYSTEM'], provinces: [], zoneIds: ['yongkang'] }));
  const body = await ask(
    ADMIN,
    `{ zones(ids: ["yongkang", "chuzhou"]) { id enterprises(first: 1) { items { id } } partyOrganizations(first: 1) { items { id } } } }`,
  );
  expect(body.errors).toBeUndefined();
  const [yongkang, chuzhou] = (body.data as { zones: { enterprises: { items: { id: string }[] }; partyOrganizations: { items: { id: string }[] } }[] }).zones;
  yongkangEnterprise = yongkang.enterprises.items[0].id;
  yongkangOrganization = yongkang.partyOrganizations.items[0].id;
  chuzhouEnterprise = chuzhou.enterprises.items[0].id;
});

afterAll(async () => {
  await stack?.stop();
});

/** Every path that lists zones or their data; whether an administrator's answer reaches beyond Anhui (the seeded on-site meetings are all Anhui's). */
const PATHS: [string, string, boolean][] = [
  ['zones', `{ zones { id } }`, true],
  ['provinces { zones }', `{ provinces { code zones { id } } }`, true],
  ['onsiteMeetings { hosts }', `{ onsiteMeetings { title hosts { id } } }`, false],
  ['searchEnterprises', `{ searchEnterprises(first: 200) { totalCount items { id zone { id } } failedZones { zoneId } } }`, true],
  [
    'compareZones',
    `{ compareZones(indicators: ["party_org.count"]) { rows { zone { id } } provinceAggregates { province { code } } failedZones { zoneId } } }`,
    true,
  ],
  [
    'selectBenchmarkSites',
    `{ selectBenchmarkSites(input: { criteria: ${CRITERIA} }) { ranked { zone { id } } selected { zone { id } } excluded { zone { id } message } } }`,
    true,
  ],
  [
    'peerSuggestions',
    `{ peerSuggestions(zoneId: "chuzhou", criteria: ${CRITERIA}, limit: 20) { consideredZones peers { zone { id } } notSuggested { zone { id } } failedZones { zoneId } } }`,
    true,
  ],
];

const zonesSeen = (body: Body) => [...zoneIdsIn(body.data)].filter((id) => ALL_ZONES.includes(id)).sort();

describe('an Anhui analyst sees only Anhui zones on every path, where an administrator sees them all', () => {
  it.each(PATHS)('%s', async (_path, query, reachesBeyondAnhui) => {
    const [everything, scoped] = [await ask(ADMIN, query), await ask(anhuiAnalyst, query)];
    expect(everything.errors).toBeUndefined();
    expect(scoped.errors).toBeUndefined();
    const all = zonesSeen(everything);
    if (reachesBeyondAnhui) expect(all.some((id) => !ANHUI.includes(id))).toBe(true);
    expect(zonesSeen(scoped)).toEqual(all.filter((id) => ANHUI.includes(id)));
    expect(zonesSeen(scoped).length).toBeGreaterThan(0);
    // Nothing names a zone outside the scope: no id, no name, no message.
    for (const outside of OUTSIDE_ANHUI) expect(JSON.stringify(scoped)).not.toContain(outside);
  });

  it('lists every zone and province for an administrator', async () => {
    const body = await ask(ADMIN, `{ zones { id } provinces { code } }`);
    expect(zonesSeen(body)).toEqual(ALL_ZONES);
    expect((body.data as { provinces: { code: string }[] }).provinces.map((p) => p.code)).toEqual(['anhui', 'fujian', 'zhejiang']);
  });

  it('reads an Anhui zone and enterprise by id', async () => {
    const body = await ask(anhuiAnalyst, `query ($e: ID!) { zone(id: "chuzhou") { id } enterprise(id: $e) { id zone { id } } }`, { e: chuzhouEnterprise });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ zone: { id: 'chuzhou' }, enterprise: { id: chuzhouEnterprise, zone: { id: 'chuzhou' } } });
  });
});

describe('asking for a Zhejiang zone explicitly answers exactly like asking for one that does not exist', () => {
  it.each<[string, string, (id: string) => string, string]>([
    ['zone(id)', 'yongkang', (id) => `{ zone(id: "${id}") { id nameZh } }`, 'NOT_FOUND'],
    ['zones(ids)', 'yongkang', (id) => `{ zones(ids: ["chuzhou", "${id}"]) { id } }`, 'BAD_USER_INPUT'],
    ['zones(province)', 'zhejiang', (p) => `{ zones(province: "${p}") { id } }`, 'BAD_USER_INPUT'],
    ['onsiteMeetings(province)', 'zhejiang', (p) => `{ onsiteMeetings(province: "${p}") { id } }`, 'BAD_USER_INPUT'],
    ['searchEnterprises(zoneIds)', 'yongkang', (id) => `{ searchEnterprises(zoneIds: ["${id}"]) { totalCount } }`, 'BAD_USER_INPUT'],
    ['searchEnterprises(province)', 'zhejiang', (p) => `{ searchEnterprises(province: "${p}") { totalCount } }`, 'BAD_USER_INPUT'],
    [
      'compareZones(zoneIds)',
      'yongkang',
      (id) => `{ compareZones(indicators: ["party_org.count"], zoneIds: ["chuzhou", "${id}"]) { rows { zone { id } } } }`,
      'BAD_USER_INPUT',
    ],
    [
      'compareZones(provinces)',
      'zhejiang',
      (p) => `{ compareZones(indicators: ["party_org.count"], provinces: ["${p}"]) { rows { zone { id } } } }`,
      'BAD_USER_INPUT',
    ],
    [
      'selectBenchmarkSites(zoneIds)',
      'yongkang',
      (id) => `{ selectBenchmarkSites(input: { criteria: ${CRITERIA}, zoneIds: ["chuzhou", "${id}"] }) { ranked { zone { id } } } }`,
      'BAD_USER_INPUT',
    ],
    [
      'selectBenchmarkSites(provinces)',
      'zhejiang',
      (p) => `{ selectBenchmarkSites(input: { criteria: ${CRITERIA}, provinces: ["${p}"] }) { ranked { zone { id } } } }`,
      'BAD_USER_INPUT',
    ],
    ['peerSuggestions(zoneId)', 'yongkang', (id) => `{ peerSuggestions(zoneId: "${id}", criteria: ${CRITERIA}) { consideredZones } }`, 'BAD_USER_INPUT'],
    [
      'peerSuggestions(provinces)',
      'zhejiang',
      (p) => `{ peerSuggestions(zoneId: "chuzhou", criteria: ${CRITERIA}, provinces: ["${p}"]) { consideredZones } }`,
      'BAD_USER_INPUT',
    ],
  ])('%s', async (_path, outOfScope, query, code) => {
    const unknown = outOfScope === 'zhejiang' ? 'atlantis' : 'atlantis-zone';
    const [refused, missing] = [await ask(anhuiAnalyst, query(outOfScope)), await ask(anhuiAnalyst, query(unknown))];
    expect(codes(refused)).toEqual([code]);
    expect(masked(refused, outOfScope)).toBe(masked(missing, unknown));
    // The caller's own input is echoed back; nothing else outside its scope is named.
    for (const outside of OUTSIDE_ANHUI.filter((name) => name !== outOfScope)) expect(JSON.stringify(refused)).not.toContain(outside);
  });

  it.each<[string, () => string, string]>([
    ['enterprise', () => yongkangEnterprise, 'enterprise'],
    ['enterprise in a zone that exists, local id unknown', () => 'yongkang:nosuch', 'enterprise'],
    ['partyOrganization', () => yongkangOrganization, 'partyOrganization'],
  ])('%s(id): NOT_FOUND like an unknown one, and the Zhejiang zone service is not asked', async (_label, id, field) => {
    const yongkangService = stack.zoneServices.find((s) => s.hostedZoneIds.includes('yongkang'))!;
    const before = yongkangService.stats.requests;
    const refused = await ask(anhuiAnalyst, `query ($id: ID!) { ${field}(id: $id) { id } }`, { id: id() });
    const missing = await ask(anhuiAnalyst, `query ($id: ID!) { ${field}(id: $id) { id } }`, { id: 'atlantis:nosuch' });
    expect(yongkangService.stats.requests).toBe(before);
    expect(codes(refused)).toEqual(['NOT_FOUND']);
    expect(masked(refused, id())).toBe(masked(missing, 'atlantis:nosuch'));
  });

  it('an administrator reads the same Zhejiang enterprise', async () => {
    const body = await ask(ADMIN, `query ($id: ID!) { enterprise(id: $id) { id zone { id } } }`, { id: yongkangEnterprise });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ enterprise: { id: yongkangEnterprise, zone: { id: 'yongkang' } } });
  });
});

describe('a zone system reads its own zones only, and runs no analytics', () => {
  it('zones, provinces and lookups', async () => {
    const body = await ask(yongkangSystem, `query ($e: ID!) { zones { id } provinces { code zones { id } } enterprise(id: $e) { id } }`, {
      e: chuzhouEnterprise,
    });
    expect(body.data).toEqual({ zones: [{ id: 'yongkang' }], provinces: [{ code: 'zhejiang', zones: [{ id: 'yongkang' }] }], enterprise: null });
    expect(codes(body)).toEqual(['NOT_FOUND']);
  });

  it('on-site meetings of a province holding its zone, with only its zone among the hosts', async () => {
    const { headers: dangtuSystem } = await issueKey({ label: 'Dangtu system', roles: ['ZONE_SYSTEM'], provinces: [], zoneIds: ['dangtu'] });
    const body = await ask(dangtuSystem, `{ onsiteMeetings { id hosts { id } } }`);
    expect(body.errors).toBeUndefined();
    expect((body.data as { onsiteMeetings: { id: string; hosts: { id: string }[] }[] }).onsiteMeetings).toEqual([
      { id: 'anhui-2018-dangtu', hosts: [{ id: 'dangtu' }] },
      { id: 'anhui-2018-2019-series', hosts: [{ id: 'dangtu' }] },
      { id: 'anhui-2020-feixi', hosts: [] },
    ]);
    expect((await ask(yongkangSystem, `{ onsiteMeetings { id } }`)).data).toEqual({ onsiteMeetings: [] });
  });

  it('compareZones is FORBIDDEN', async () => {
    const body = await ask(yongkangSystem, `{ compareZones(indicators: ["party_org.count"]) { rows { zone { id } } } }`);
    expect(body.data ?? null).toBeNull();
    expect(codes(body)).toEqual(['FORBIDDEN']);
  });
});

describe('internal service URLs are for administrators only', () => {
  const QUERY = `{ zones { id service { name url } } }`;

  it.each([
    ['an analyst', () => anhuiAnalyst],
    ['a BI reader', () => biReader],
    ['a zone system', () => yongkangSystem],
  ])('%s gets the service name, a null url and FORBIDDEN per zone', async (_label, headers) => {
    const body = await ask(headers(), QUERY);
    const zones = (body.data as { zones: { id: string; service: { name: string; url: string | null } }[] }).zones;
    expect(zones.length).toBeGreaterThan(0);
    for (const zone of zones) {
      expect(zone.service.name).toMatch(/^[a-z]+$/);
      expect(zone.service.url).toBeNull();
    }
    expect(codes(body)).toEqual(zones.map(() => 'FORBIDDEN'));
    expect(JSON.stringify(body)).not.toMatch(/https?:\/\//);
  });

  it('an administrator gets them', async () => {
    const body = await ask(ADMIN, QUERY);
    expect(body.errors).toBeUndefined();
    const zones = (body.data as { zones: { id: string; service: { url: string } }[] }).zones;
    for (const zone of zones) expect(zone.service.url).toBe(stack.zoneServices.find((s) => s.hostedZoneIds.includes(zone.id))!.url);
  });
});

describe('a BI reader reads views but runs no analytics', () => {
  it('reads Anhui zones and searches them', async () => {
    const body = await ask(biReader, `{ zones { id } searchEnterprises(first: 5) { totalCount items { id } } }`);
    expect(body.errors).toBeUndefined();
    expect((body.data as { zones: { id: string }[] }).zones.map((z) => z.id).sort()).toEqual(ANHUI);
  });

  it.each([
    ['saveSelectionRun', `mutation { saveSelectionRun(title: "BI", input: { criteria: ${CRITERIA} }) { id } }`],
    ['selectBenchmarkSites', `{ selectBenchmarkSites(input: { criteria: ${CRITERIA} }) { ranked { zone { id } } } }`],
    ['selectionRuns', `{ selectionRuns { id } }`],
    ['compareZones', `{ compareZones(indicators: ["party_org.count"]) { rows { zone { id } } } }`],
    ['peerSuggestions', `{ peerSuggestions(zoneId: "chuzhou", criteria: ${CRITERIA}) { consideredZones } }`],
  ])('%s is FORBIDDEN and stores nothing', async (action, query) => {
    const before = await runCount();
    const body = await ask(biReader, query);
    expect(codes(body)).toEqual(['FORBIDDEN']);
    expect(body.errors![0].message).toBe(`${action} needs the role ADMIN or ANALYST`);
    expect(await runCount()).toBe(before);
  });
});

describe('saved runs belong to whoever saved them', () => {
  const SAVE = `mutation ($title: String!) { saveSelectionRun(title: $title, input: { preset: "onsite_meeting_host", provinces: ["anhui"], constraints: { asOfYear: 2020 } }) { id createdBy } }`;
  const LIST = `{ selectionRuns(first: 100) { id createdBy } }`;
  const DELETE = `mutation ($id: ID!) { deleteSelectionRun(id: $id) }`;
  const save = async (headers: Headers, title: string) => {
    const body = await ask(headers, SAVE, { title });
    expect(body.errors).toBeUndefined();
    return (body.data as { saveSelectionRun: { id: string; createdBy: string } }).saveSelectionRun;
  };
  const listed = async (headers: Headers) => ((await ask(headers, LIST)).data as { selectionRuns: { id: string; createdBy: string }[] }).selectionRuns;
  const stored = async (id: string) =>
    ((await stack.province.database.dataSource.query(`SELECT created_by FROM selection_run WHERE id = $1`, [id])) as unknown[]).length;

  let mine: { id: string; createdBy: string };
  let theirs: { id: string; createdBy: string };

  beforeAll(async () => {
    mine = await save(anhuiAnalyst, 'mine');
    theirs = await save(otherAnhuiAnalyst, 'theirs');
  });

  it('stores the owner and lists only the caller’s own runs; an administrator lists all', async () => {
    expect(mine.createdBy).toBe(anhuiAnalystSubject);
    expect(theirs.createdBy).not.toBe(anhuiAnalystSubject);
    const own = await listed(anhuiAnalyst);
    expect(own.map((r) => r.id)).toContain(mine.id);
    expect(own.map((r) => r.id)).not.toContain(theirs.id);
    expect(new Set(own.map((r) => r.createdBy))).toEqual(new Set([anhuiAnalystSubject]));
    expect((await listed(ADMIN)).map((r) => r.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  it('another’s run by id is NOT_FOUND, like an unknown one', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const refused = await ask(anhuiAnalyst, `query ($id: ID!) { selectionRun(id: $id) { id title } }`, { id: theirs.id });
    const missing = await ask(anhuiAnalyst, `query ($id: ID!) { selectionRun(id: $id) { id title } }`, { id: unknown });
    expect(codes(refused)).toEqual(['NOT_FOUND']);
    expect(masked(refused, theirs.id)).toBe(masked(missing, unknown));
    expect(JSON.stringify(refused)).not.toContain('theirs');
    const own = await ask(anhuiAnalyst, `query ($id: ID!) { selectionRun(id: $id) { id title replayMatchesSaved } }`, { id: mine.id });
    expect(own.data).toEqual({ selectionRun: { id: mine.id, title: 'mine', replayMatchesSaved: true } });
  });

  it('deleting another’s run is NOT_FOUND and deletes nothing; deleting one’s own works', async () => {
    const refused = await ask(anhuiAnalyst, DELETE, { id: theirs.id });
    expect(refused.data).toEqual({ deleteSelectionRun: null });
    expect(codes(refused)).toEqual(['NOT_FOUND']);
    expect(await stored(theirs.id)).toBe(1);

    const deleted = await ask(anhuiAnalyst, DELETE, { id: mine.id });
    expect(deleted).toEqual({ data: { deleteSelectionRun: mine.id } });
    expect(await stored(mine.id)).toBe(0);
    expect(codes(await ask(anhuiAnalyst, DELETE, { id: mine.id }))).toEqual(['NOT_FOUND']);
  });

  it('an administrator deletes anyone’s run', async () => {
    expect(await ask(ADMIN, DELETE, { id: theirs.id })).toEqual({ data: { deleteSelectionRun: theirs.id } });
    expect(await stored(theirs.id)).toBe(0);
  });

  it.each([
    ['U+202E (right-to-left override)', 'report\u202Efdp.exe'],
    ['U+2066 (isolate)', 'a\u2066b'],
    ['a C0 control', 'a\u0007b'],
    ['a C1 control', 'a\u0085b'],
  ])('a title with %s is BAD_USER_INPUT naming title, and nothing is stored', async (_label, title) => {
    const before = await runCount();
    const body = await ask(anhuiAnalyst, SAVE, { title });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(await runCount()).toBe(before);
  });

  it('runs saved before owners were recorded belong to `legacy`: administrators see them, analysts do not', async () => {
    await save(ADMIN, 'template');
    const { dataSource } = stack.province.database;
    const runner = dataSource.createQueryRunner();
    const legacyId = '11111111-1111-4111-8111-111111111111';
    try {
      await new SelectionRunOwner1763900000500().down(runner);
      await runner.query(
        `INSERT INTO selection_run (id, title, engine_version, settings, snapshot, result) SELECT $1, 'before owners', engine_version, settings, snapshot, result FROM selection_run LIMIT 1`,
        [legacyId],
      );
      await new SelectionRunOwner1763900000500().up(runner);
    } finally {
      await runner.release();
    }
    expect(await dataSource.query(`SELECT created_by FROM selection_run WHERE id = $1`, [legacyId])).toEqual([{ created_by: 'legacy' }]);
    expect((await listed(ADMIN)).find((r) => r.id === legacyId)).toEqual({ id: legacyId, createdBy: 'legacy' });
    expect((await listed(anhuiAnalyst)).map((r) => r.id)).not.toContain(legacyId);
  });
});
