import { createHash } from 'node:crypto';
import type { RunningGateway } from '@devzone/gateway';
import type { RunningStack } from '@devzone/stack';
import { operationsAnswered, startTestStack, withEnvironment } from '@devzone/testkit';
import { join } from 'node:path';
import { loadDashboardOperations } from '../gateway/src/dashboard';
import { startGatewayBeside } from './fixtures/gatewayBeside';

/**
 * Prepared reads (GATEWAY_PREPARED_READS, on by default) against the real province, zone services
 * and PostgreSQL, with the zone-read and answer caches off (with the answer cache on, a first
 * answer goes through Apollo Server so that the cache learns it). A read whose plan is a directory
 * lookup and one entity fetch is answered, from its second request on, without Apollo Server's
 * pipeline: byte for byte what a gateway without prepared reads answers, for every variable value,
 * refusal and miss, each counted on `/metrics`.
 */
jest.setTimeout(90_000);

let stack: RunningStack;
/** A second gateway over the same services without prepared reads: every answer is compared with its. */
let unprepared: RunningGateway;

beforeAll(async () => {
  await withEnvironment({ ZONE_READ_CACHE: 'off' }, async () => {
    stack = await startTestStack();
    unprepared = await startGatewayBeside(stack, { httpPath: { preparedReads: false } });
  });
});

afterAll(async () => {
  await unprepared?.stop();
  await stack?.stop();
});

interface RawAnswer {
  status: number;
  contentType: string | null;
  /** fetch asks for gzip, deflate and br: an answer of 1 KiB or more is compressed (and decoded here). */
  contentEncoding: string | null;
  body: string;
}

/** Who asks: the stack's administrator unless an analyst's API key is set. */
let authorization: () => string = () => stack.credential;

async function ask(url: string, query: string, variables?: Record<string, unknown>, operationName?: string): Promise<RawAnswer> {
  return askBody(url, { query, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) });
}

async function askBody(url: string, sent: Record<string, unknown>): Promise<RawAnswer> {
  const response = await fetch(new URL('/graphql', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: authorization() },
    body: JSON.stringify(sent),
  });
  return rawAnswerOf(response);
}

/** A GET with the operation's fields in the query string (`variables` and `extensions` as JSON), as Apollo Client's HTTP link sends one. */
async function askGet(
  url: string,
  fields: Record<string, unknown>,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<RawAnswer> {
  const target = new URL('/graphql', url);
  for (const [name, value] of Object.entries(fields)) target.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  return rawAnswerOf(await fetch(target, { headers: { ...headers, authorization: authorization() } }));
}

async function rawAnswerOf(response: Response): Promise<RawAnswer> {
  // Each request has its own id: the rest of an error answer is compared.
  const body = (await response.text()).replace(/"requestId":"[^"]+"/g, '"requestId":"…"');
  return { status: response.status, contentType: response.headers.get('content-type'), contentEncoding: response.headers.get('content-encoding'), body };
}

/** `prepared_read_requests_total` of a gateway (the stack's by default), by result. */
async function preparedCounts(url = stack.gatewayUrl): Promise<{ served: number; fallback: number }> {
  const metrics = await scrape(url);
  return { served: sampleOf(metrics, 'prepared_read_requests_total', 'served'), fallback: sampleOf(metrics, 'prepared_read_requests_total', 'fallback') };
}

async function scrape(url: string): Promise<string> {
  return (await fetch(new URL('/metrics', url), { headers: { authorization: stack.credential } })).text();
}

function sampleOf(metrics: string, name: string, result: string): number {
  const line = metrics.split('\n').find((text) => text.startsWith(`${name}{result="${result}"}`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

/** Asks both gateways; the stack's twice (the first answer prepares the operation). Returns the prepared gateway's answers and how its counts moved. */
async function compare(query: string, variables?: Record<string, unknown>, operationName?: string) {
  const expected = await ask(unprepared.url, query, variables, operationName);
  const before = await preparedCounts();
  const first = await ask(stack.gatewayUrl, query, variables, operationName);
  const second = await ask(stack.gatewayUrl, query, variables, operationName);
  const after = await preparedCounts();
  expect(first).toEqual(expected);
  expect(second).toEqual(expected);
  return { expected, served: after.served - before.served, fallback: after.fallback - before.fallback };
}

/** Apollo's automatic persisted query extension for `query`. */
function persistedQuery(query: string): { persistedQuery: { version: 1; sha256Hash: string } } {
  return { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
}

const INDICATORS = `{ zone(id: "yongkang") { indicators { code value period provenance { kind } } } }`;
const PAGE = `query Page($o: Int!, $n: Int) { zone(id: "jinjiang") { id enterprises(first: $n, offset: $o) { totalCount items { id nameZh employees { value qualifier } } } } }`;

describe('reads the prepared path serves', () => {
  it("one zone's indicators: the second request is served, the same bytes as Apollo Server's", async () => {
    const { expected, served, fallback } = await compare(INDICATORS);
    expect(expected.status).toBe(200);
    expect(JSON.parse(expected.body).data.zone.indicators.length).toBeGreaterThan(0);
    // Over 1 KiB: compressed by the same middleware on both paths.
    expect(expected.contentEncoding).toBe('gzip');
    expect({ served, fallback }).toEqual({ served: 1, fallback: 0 });
  });

  it('a page with variables: every offset and page size after the first is served, each its own answer', async () => {
    await compare(PAGE, { o: 0, n: 2 }, 'Page');
    for (const variables of [{ o: 1, n: 2 }, { o: 3 }, { o: 0, n: 5 }]) {
      const { expected, served } = await compare(PAGE, variables, 'Page');
      expect(served).toBe(2);
      expect(JSON.parse(expected.body).errors).toBeUndefined();
    }
  });

  it('a zone id from a variable, as clients write it: every id after the first is served, each its own zone', async () => {
    const query = `query Zone($id: ID!) { zone(id: $id) { id indicators(codes: ["party_org.count"]) { code value } } }`;
    await compare(query, { id: 'yongkang' }, 'Zone');
    for (const id of ['chengxi', 'jinjiang', 'yongkang']) {
      const { expected, served, fallback } = await compare(query, { id }, 'Zone');
      expect(JSON.parse(expected.body).data.zone.id).toBe(id);
      expect({ served, fallback }).toEqual({ served: 2, fallback: 0 });
    }
    const list = `query Zones($ids: [ID!]!) { zones(ids: $ids) { id page: enterprises(first: 1) { totalCount } } }`;
    await compare(list, { ids: ['yongkang'] }, 'Zones');
    const { expected, served } = await compare(list, { ids: ['jinjiang', 'chengxi'] }, 'Zones');
    expect(JSON.parse(expected.body).data.zones.map((zone: { id: string }) => zone.id)).toEqual(['jinjiang', 'chengxi']);
    expect(served).toBe(2);
  });

  it("directory fields next to the zone's, an aliased key among them (a lookup that fetches them, then the entity fetch): served, in the client's order", async () => {
    const queries = [
      `{ zone(id: "yongkang") { nameZh indicators(codes: ["party_org.count"]) { code value } } }`,
      `{ zone(id: "yongkang") { indicators(codes: ["honor.count"]) { code } nameZh city province { code nameZh } id } }`,
      `{ zones(ids: ["chengxi", "yongkang"]) { name: nameEn id page: enterprises(first: 1) { totalCount } } }`,
      `{ zones(ids: ["yongkang"]) { zoneId: id indicators(codes: ["honor.count"]) { code } } }`,
      `{ zones { id nameZh indicators(codes: ["party_org.count"]) { value } } }`,
      `query { zone(id: "jinjiang") { indicators(codes: ["honor.count"]) { code __typename } nameZh __typename } }`,
    ];
    for (const query of queries) {
      const { expected, served, fallback } = await compare(query);
      expect(JSON.parse(expected.body).errors).toBeUndefined();
      expect({ query, served, fallback }).toEqual({ query, served: 1, fallback: 0 });
    }
  });

  it('zones(ids:) with two zones of two services, aliases inside: the list in the order asked', async () => {
    const query = `{ zones(ids: ["chengxi", "yongkang"]) { id parties: indicators(codes: ["party_org.count"]) { code value } page: enterprises(first: 1) { totalCount } } }`;
    const { expected, served } = await compare(query);
    expect(JSON.parse(expected.body).data.zones.map((zone: { id: string }) => zone.id)).toEqual(['chengxi', 'yongkang']);
    expect(served).toBe(1);
  });
  it('a read the province answers alone (one fetch from the root), with variables: each served, its own answer', async () => {
    const directory = `{ zone(id: "yongkang") { nameZh nameEn city } }`;
    expect((await compare(directory)).served).toBe(1);
    const query = `query Compare($zoneIds: [ID!], $codes: [String!]!) { compareZones(zoneIds: $zoneIds, indicators: $codes) { rows { zone { id nameZh } } failedZones { zoneId } } }`;
    await compare(query, { zoneIds: ['yongkang'], codes: ['party_org.count'] });
    const { expected, served } = await compare(query, { zoneIds: ['yongkang', 'jinjiang'], codes: ['party_org.count', 'honor.count'] });
    expect(JSON.parse(expected.body).data.compareZones.rows).toHaveLength(2);
    expect(served).toBe(2);
  });

  it("queries as Apollo Client sends them (__typename last in every selection set, which the planner fetches first): served in the client's order", async () => {
    const entity = `query ($o: Int!) { zone(id: "jinjiang") { enterprises(first: 2, offset: $o) { items { id nameZh __typename } totalCount __typename } __typename } }`;
    await compare(entity, { o: 0 });
    const paged = await compare(entity, { o: 1 });
    expect(paged.served).toBe(2);
    expect(paged.expected.body).toMatch(/^\{"data":\{"zone":\{"enterprises":\{"items":\[\{"id":"[^"]+","nameZh":"[^"]+","__typename":"Enterprise"\}/);
    const root = `{ compareZones(zoneIds: ["yongkang"], indicators: ["party_org.count"]) { rows { zone { id __typename } __typename } __typename } }`;
    const compared = await compare(root);
    expect(compared.served).toBe(1);
    expect(compared.expected.body).toContain('"zone":{"id":"yongkang","__typename":"Zone"},"__typename"');
  });

  it("automatic persisted queries as Apollo Client's link sends them: once Apollo Server has answered the query with its hash, the hash alone is served", async () => {
    const query = `query Hashed($o: Int!) { zone(id: "chengxi") { enterprises(first: 2, offset: $o) { totalCount items { id nameZh } } } }`;
    const hashed = persistedQuery(query);
    // The hash alone, never seen: Apollo Server's PersistedQueryNotFound, as from a gateway without prepared reads.
    expect(await askBody(stack.gatewayUrl, { extensions: hashed, variables: { o: 0 } })).toEqual(
      await askBody(unprepared.url, { extensions: hashed, variables: { o: 0 } }),
    );
    // The link sends the query with its hash: Apollo Server answers it and prepares the operation.
    const plain = await ask(unprepared.url, query, { o: 0 });
    expect(await askBody(stack.gatewayUrl, { query, extensions: hashed, variables: { o: 0 } })).toEqual(plain);
    const before = await preparedCounts();
    for (const o of [1, 0]) expect(await askBody(stack.gatewayUrl, { extensions: hashed, variables: { o } })).toEqual(await ask(unprepared.url, query, { o }));
    expect(await askBody(stack.gatewayUrl, { query, extensions: hashed, variables: { o: 1 } })).toEqual(await ask(unprepared.url, query, { o: 1 }));
    expect(await preparedCounts()).toEqual({ served: before.served + 3, fallback: before.fallback });
    // A hash that is not the query's: Apollo Server's refusal.
    const mismatched = { query, extensions: persistedQuery(`${query} `), variables: { o: 0 } };
    expect(await askBody(stack.gatewayUrl, mismatched)).toEqual(await askBody(unprepared.url, mismatched));
    expect(await preparedCounts()).toEqual({ served: before.served + 3, fallback: before.fallback });
  });

  it("GET, as Apollo Client's link sends hashed queries with useGETForHashedQueries: served once Apollo Server has answered a GET of it", async () => {
    const query = `query Fetched($o: Int!) { zone(id: "yongkang") { enterprises(first: 2, offset: $o) { totalCount items { id nameZh } } } }`;
    const hashed = persistedQuery(query);
    const get = (o: number) => ({ extensions: hashed, variables: { o } });
    const before = await preparedCounts();
    // The hash alone, never seen: PersistedQueryNotFound; the link then POSTs the query with its hash (a POST prepares the POST only).
    expect(await askGet(stack.gatewayUrl, get(0))).toEqual(await askGet(unprepared.url, get(0)));
    expect(await askBody(stack.gatewayUrl, { query, ...get(0) })).toEqual(await askBody(unprepared.url, { query, ...get(0) }));
    // The first GET of it goes through Apollo Server, which heads a GET's answer itself; every GET after it is served.
    for (const o of [1, 2, 1]) expect(await askGet(stack.gatewayUrl, get(o))).toEqual(await askGet(unprepared.url, get(o)));
    expect(await askGet(stack.gatewayUrl, { query, variables: { o: 3 } })).toEqual(await askGet(unprepared.url, { query, variables: { o: 3 } }));
    const after = await preparedCounts();
    expect({ served: after.served - before.served, fallback: after.fallback - before.fallback }).toEqual({ served: 3, fallback: 0 });
    const answer = JSON.parse((await askGet(stack.gatewayUrl, get(1))).body) as { data: { zone: { enterprises: { items: unknown[] } } } };
    expect(answer.data.zone.enterprises.items).toHaveLength(2);
  });

  it('GETs Apollo Server refuses are refused as it refuses them: no JSON content type nor preflight header (CSRF prevention), a field twice, a mutation', async () => {
    const query = `query Guarded($o: Int!) { zone(id: "chengxi") { enterprises(first: 1, offset: $o) { totalCount } } }`;
    for (const o of [0, 1]) await askGet(stack.gatewayUrl, { query, variables: { o } });
    const before = await preparedCounts();
    const refused = [
      await askGet(stack.gatewayUrl, { query, variables: { o: 2 } }, {}),
      await askGet(stack.gatewayUrl, { query, variables: { o: 2 } }, { 'content-type': 'text/plain' }),
    ];
    expect(refused).toEqual([
      await askGet(unprepared.url, { query, variables: { o: 2 } }, {}),
      await askGet(unprepared.url, { query, variables: { o: 2 } }, { 'content-type': 'text/plain' }),
    ]);
    expect(refused.map((answer) => answer.status)).toEqual([400, 400]);
    const twice = `${new URLSearchParams({ query, variables: '{"o":2}' }).toString()}&variables=${encodeURIComponent('{"o":3}')}`;
    const askTwice = async (url: string) =>
      rawAnswerOf(
        await fetch(`${new URL('/graphql', url).href}?${twice}`, { headers: { 'content-type': 'application/json', authorization: authorization() } }),
      );
    expect(await askTwice(stack.gatewayUrl)).toEqual(await askTwice(unprepared.url));
    const mutation = `mutation { issueApiKey(input: { label: "by GET", roles: [ANALYST], provinces: ["anhui"] }) { key } }`;
    const viaGet = await askGet(stack.gatewayUrl, { query: mutation });
    expect(viaGet).toEqual(await askGet(unprepared.url, { query: mutation }));
    expect(viaGet.status).toBe(405);
    expect(await preparedCounts()).toEqual(before);
  });

  it('the province-wide read (the whole list): every zone in the directory order', async () => {
    const { expected, served } = await compare(`{ zones { id indicators(codes: ["party_org.count"]) { code value } } }`);
    expect(JSON.parse(expected.body).data.zones.length).toBeGreaterThan(4);
    expect(served).toBe(1);
  });
});

describe('what goes to Apollo Server, with its own answer', () => {
  it('variables that fail validation: the same BAD_USER_INPUT, counted as a fallback', async () => {
    await compare(PAGE, { o: 0, n: 1 }, 'Page');
    const { expected, served, fallback } = await compare(PAGE, { o: 'ten' }, 'Page');
    expect(JSON.parse(expected.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect({ served, fallback }).toEqual({ served: 0, fallback: 2 });
  });

  it('a zone id from a variable that names no zone, or the same zone twice: the same answer as Apollo Server, counted as a fallback', async () => {
    const query = `query Zone($id: ID!) { zone(id: $id) { indicators(codes: ["honor.count"]) { code value } } }`;
    await compare(query, { id: 'yongkang' }, 'Zone');
    const unknown = await compare(query, { id: 'no-such-zone' }, 'Zone');
    expect(JSON.parse(unknown.expected.body).errors.length).toBeGreaterThan(0);
    expect({ served: unknown.served, fallback: unknown.fallback }).toEqual({ served: 0, fallback: 2 });
    const list = `query Twice($ids: [ID!]!) { zones(ids: $ids) { id indicators(codes: ["honor.count"]) { value } } }`;
    await compare(list, { ids: ['yongkang'] }, 'Twice');
    const twice = await compare(list, { ids: ['chengxi', 'chengxi'] }, 'Twice');
    expect(JSON.parse(twice.expected.body).data.zones.map((zone: { id: string }) => zone.id)).toEqual(['chengxi', 'chengxi']);
    expect({ served: twice.served, fallback: twice.fallback }).toEqual({ served: 0, fallback: 2 });
  });

  it('a page size above the limit in a variable: the same LIMIT_EXCEEDED', async () => {
    const { expected, served, fallback } = await compare(PAGE, { o: 0, n: 100_000 }, 'Page');
    expect(JSON.parse(expected.body).errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
    expect({ served, fallback }).toEqual({ served: 0, fallback: 2 });
  });

  it("a caller whose scope excludes the zone: the province's refusal, as Apollo Server answers it", async () => {
    const issued = await ask(stack.gatewayUrl, `mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key } }`, {
      input: { label: 'Anhui analyst', roles: ['ANALYST'], provinces: ['anhui'] },
    });
    const key = (JSON.parse(issued.body) as { data: { issueApiKey: { key: string } } }).data.issueApiKey.key;
    const query = `query OutOfScope($o: Int!) { zone(id: "yongkang") { enterprises(first: 1, offset: $o) { totalCount } } }`;
    expect((await compare(query, { o: 0 })).served).toBe(1);
    authorization = () => `ApiKey ${key}`;
    try {
      const provinceAsked = await operationsAnswered(stack.provinceUrl, 'OutOfScope');
      const { expected, served, fallback } = await compare(query, { o: 0 });
      // Once per request (the gateway without prepared reads asked once, this one twice): Apollo Server takes the refusal the prepared path got.
      expect((await operationsAnswered(stack.provinceUrl, 'OutOfScope')) - provinceAsked).toBe(3);
      expect(JSON.parse(expected.body).data).toEqual({ zone: null });
      expect(JSON.parse(expected.body).errors.length).toBeGreaterThan(0);
      expect({ served, fallback }).toEqual({ served: 0, fallback: 2 });
    } finally {
      authorization = () => stack.credential;
    }
  });

  it("a zone service's error: the same answer, from the one fetch the prepared path sent (the service is asked once)", async () => {
    const query = `query Cursor($after: String) { zone(id: "jinjiang") { enterprises(first: 1, after: $after) { totalCount } } }`;
    await compare(query, {});
    const jinjiang = stack.zoneServices.find((service) => service.hostedZoneIds.includes('jinjiang'))!;
    const expected = await ask(unprepared.url, query, { after: 'not a cursor' });
    expect(JSON.parse(expected.body).errors.length).toBeGreaterThan(0);
    const asked = jinjiang.stats.requests;
    const before = await preparedCounts();
    expect(await ask(stack.gatewayUrl, query, { after: 'not a cursor' })).toEqual(expected);
    expect(jinjiang.stats.requests - asked).toBe(1);
    expect(await preparedCounts()).toEqual({ served: before.served, fallback: before.fallback + 1 });
  });

  it("root reads with named fragments (the dashboard's comparison): served, the same bytes as Apollo Server's", async () => {
    const names = await compare(
      '{ zone(id: "chengxi") { ...Names province { ...Province } } } fragment Names on Zone { nameZh nameEn } fragment Province on Province { code nameZh }',
    );
    expect(JSON.parse(names.expected.body).data.zone.province.code).toBe('zhejiang');
    expect({ served: names.served, fallback: names.fallback }).toEqual({ served: 1, fallback: 0 });
    const operations = loadDashboardOperations(join(__dirname, '../gateway/dashboard/operations'), join(__dirname, '../gateway/dashboard/fragments'));
    const comparison = await compare(operations.compareZones!, {
      indicators: ['party_org.count', 'org_coverage.rate'],
      sort: { indicator: 'party_org.count' },
    });
    expect(JSON.parse(comparison.expected.body).data.compareZones.rows.length).toBeGreaterThan(3);
    expect({ served: comparison.served, fallback: comparison.fallback }).toEqual({ served: 1, fallback: 0 });
  });

  it("lookup and entity reads with named fragments, as Apollo Client writes them: served, the same bytes as Apollo Server's", async () => {
    const query = `query Zone($id: ID!) { zone(id: $id) { ...Names indicators { ...Figure __typename } __typename } }
      fragment Names on Zone { nameZh id }
      fragment Figure on IndicatorValue { code value }`;
    await compare(query, { id: 'yongkang' }, 'Zone');
    const { expected, served, fallback } = await compare(query, { id: 'jinjiang' }, 'Zone');
    expect(JSON.parse(expected.body).data.zone).toMatchObject({ nameZh: '晋江经济开发区', id: 'jinjiang', __typename: 'Zone' });
    expect({ served, fallback }).toEqual({ served: 2, fallback: 0 });
    const list = await compare(`{ zones(ids: ["chengxi", "chuzhou"]) { ...Zone } } fragment Zone on Zone { id page: enterprises(first: 1) { totalCount } }`);
    expect(JSON.parse(list.expected.body).data.zones.map((zone: { id: string }) => zone.id)).toEqual(['chengxi', 'chuzhou']);
    expect({ served: list.served, fallback: list.fallback }).toEqual({ served: 1, fallback: 0 });
  });

  it("reads with inline fragments, __typename last inside them as Apollo Client adds it: served, the same bytes as Apollo Server's", async () => {
    const query = `{ zone(id: "chengxi") { ... on Zone { indicators(codes: ["party_org.count"]) { ... on IndicatorValue { code value __typename } } __typename } ... { nameZh } } }`;
    await compare(query);
    const { expected, served, fallback } = await compare(query);
    expect(JSON.parse(expected.body).data.zone).toMatchObject({ __typename: 'Zone', nameZh: '城西新区' });
    expect({ served, fallback }).toEqual({ served: 2, fallback: 0 });
  });

  it('operations not prepared: directives, a field both in a named fragment and beside its spread, two root fields', async () => {
    const queries = [
      `query ($all: Boolean!) { zone(id: "yongkang") { indicators @include(if: $all) { code } } }`,
      `{ zone(id: "yongkang") { indicators { code } ...Figures } } fragment Figures on Zone { indicators { value } }`,
      `{ a: zone(id: "yongkang") { indicators { code } } b: zone(id: "chengxi") { indicators { code } } }`,
    ];
    for (const query of queries) {
      const { served, fallback } = await compare(query, query.includes('$all') ? { all: true } : undefined);
      expect({ query, served, fallback }).toEqual({ query, served: 0, fallback: 0 });
    }
  });
});

describe('with the zone-read and answer caches on', () => {
  let cached: RunningGateway;

  beforeAll(async () => {
    await withEnvironment({ ZONE_READ_CACHE: 'on' }, async () => {
      cached = await startGatewayBeside(stack);
    });
  });

  afterAll(async () => {
    await cached?.stop();
  });

  it('an answer-cache miss is served by the prepared path and kept: the same variables again are a hit', async () => {
    const counts = async () => {
      const metrics = await scrape(cached.url);
      return {
        served: sampleOf(metrics, 'prepared_read_requests_total', 'served'),
        hit: sampleOf(metrics, 'answer_cache_requests_total', 'hit'),
        miss: sampleOf(metrics, 'answer_cache_requests_total', 'miss'),
      };
    };
    // The first request of the operation goes through Apollo Server, which prepares it.
    expect(await ask(cached.url, PAGE, { o: 0, n: 2 }, 'Page')).toEqual(await ask(unprepared.url, PAGE, { o: 0, n: 2 }, 'Page'));
    const before = await counts();
    const expected = await ask(unprepared.url, PAGE, { o: 4, n: 2 }, 'Page');
    expect(await ask(cached.url, PAGE, { o: 4, n: 2 }, 'Page')).toEqual(expected);
    expect(await counts()).toEqual({ served: before.served + 1, hit: before.hit, miss: before.miss + 1 });
    expect(await ask(cached.url, PAGE, { o: 4, n: 2 }, 'Page')).toEqual(expected);
    expect(await counts()).toEqual({ served: before.served + 1, hit: before.hit + 1, miss: before.miss + 1 });
  });

  it('a persisted query sent by its hash alone is a hit once kept, the same answer as the query sent whole', async () => {
    const query = `query HashedPage($o: Int!) { zone(id: "jinjiang") { enterprises(first: 2, offset: $o) { items { id } } } }`;
    const hashed = persistedQuery(query);
    const hits = async () => sampleOf(await scrape(cached.url), 'answer_cache_requests_total', 'hit');
    const expected = await ask(unprepared.url, query, { o: 3 });
    expect(await askBody(cached.url, { query, extensions: hashed, variables: { o: 3 } })).toEqual(expected);
    const before = await hits();
    expect(await askBody(cached.url, { extensions: hashed, variables: { o: 3 } })).toEqual(expected);
    expect(await ask(cached.url, query, { o: 3 })).toEqual(expected);
    expect(await hits()).toBe(before + 2);
  });

  it('a hash whose query was answered before Apollo Server is known to Apollo Server too: the first GET by the hash alone gets data', async () => {
    const query = `query KnownHash($o: Int!) { zone(id: "chengxi") { enterprises(first: 1, offset: $o) { items { id } } } }`;
    const hashed = persistedQuery(query);
    await ask(cached.url, query, { o: 2 });
    const hits = async () => sampleOf(await scrape(cached.url), 'answer_cache_requests_total', 'hit');
    const before = await hits();
    // The query with its hash is a hit: Apollo Server never sees it.
    expect(await askBody(cached.url, { query, extensions: hashed, variables: { o: 2 } })).toEqual(await ask(unprepared.url, query, { o: 2 }));
    expect(await hits()).toBe(before + 1);
    // A GET of the kept answer goes through Apollo Server once, by the hash alone: handed the query the gateway remembers, it answers.
    const expected = await askGet(unprepared.url, { query, extensions: hashed, variables: { o: 2 } });
    expect(JSON.parse(expected.body).errors).toBeUndefined();
    expect(await askGet(cached.url, { extensions: hashed, variables: { o: 2 } })).toEqual(expected);
    expect(await askGet(cached.url, { extensions: hashed, variables: { o: 2 } })).toEqual(expected);
    expect(await hits()).toBe(before + 3);
  });

  it('a GET is a hit once Apollo Server has sent a GET of the kept answer: the same bytes as from a gateway without the caches', async () => {
    const query = `query GotPage($o: Int!) { zone(id: "jinjiang") { enterprises(first: 2, offset: $o) { items { id } } } }`;
    const hits = async () => sampleOf(await scrape(cached.url), 'answer_cache_requests_total', 'hit');
    const expected = await askGet(unprepared.url, { query, variables: { o: 5 } });
    // Kept from a POST; the first GET is served by Apollo Server's plugin (from the kept data), which shows how a GET is headed.
    expect(await ask(cached.url, query, { o: 5 })).toEqual(await ask(unprepared.url, query, { o: 5 }));
    expect(await askGet(cached.url, { query, variables: { o: 5 } })).toEqual(expected);
    const before = await hits();
    expect(await askGet(cached.url, { query, variables: { o: 5 } })).toEqual(expected);
    expect(await askGet(cached.url, { query, variables: { o: 5 } }, { 'apollo-require-preflight': 'true' })).toEqual(
      await askGet(unprepared.url, { query, variables: { o: 5 } }, { 'apollo-require-preflight': 'true' }),
    );
    expect(await hits()).toBe(before + 2);
    // Refused by Apollo Server's CSRF prevention even though the answer is kept.
    expect((await askGet(cached.url, { query, variables: { o: 5 } }, {})).status).toBe(400);
    expect(await hits()).toBe(before + 2);
  });
});

// Last: it stops a zone service of the shared stack.
describe('a zone service down', () => {
  it("the province-wide read: the other zones' figures and the same errors, as Apollo Server answers them", async () => {
    const query = `query Everywhere { zones { id indicators(codes: ["party_org.count"]) { code value } } }`;
    expect((await compare(query)).served).toBe(1);
    const down = stack.zoneServices.find((service) => service.hostedZoneIds.includes('jinjiang'))!;
    await down.stop();
    const { expected, served, fallback } = await compare(query);
    const answer = JSON.parse(expected.body) as { data: { zones: { id: string; indicators: unknown }[] }; errors: unknown[] };
    expect(answer.errors.length).toBeGreaterThan(0);
    expect(answer.data.zones.find((zone) => zone.id === 'jinjiang')?.indicators).toBeNull();
    expect(answer.data.zones.find((zone) => zone.id === 'yongkang')?.indicators).not.toBeNull();
    expect({ served, fallback }).toEqual({ served: 0, fallback: 2 });
  });
});
