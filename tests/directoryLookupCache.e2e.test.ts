import type { RunningStack } from '@devzone/stack';
import { operationsAnswered, postGraphQL, startTestStack, type GraphQLResponseBody } from '@devzone/testkit';

/**
 * The gateway's directory-lookup cache (GATEWAY_DIRECTORY_CACHE_TTL_MS, on by default)
 * against the real province, zone services and PostgreSQL: the province's answer to the
 * key-only lookup a plan starts with (`zone(id:) { __typename id }`) is kept per caller, so
 * a repeated zone read goes to the zone service alone; other callers, unknown zones and
 * lookups that select directory fields are asked of the province every time. The whole list
 * (`zones { __typename id }`) is kept too, while it names every zone the shard map hosts; a
 * list scoped to one province's zones is asked every time.
 */
jest.setTimeout(60_000);

type Body = GraphQLResponseBody<Record<string, unknown>>;

let stack: RunningStack;
let anhuiAnalyst: Record<string, string>;

beforeAll(async () => {
  stack = await startTestStack();
  const body = await postGraphQL<{ issueApiKey: { key: string } }>(
    stack.gatewayUrl,
    `mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key } }`,
    { input: { label: 'Anhui analyst', roles: ['ANALYST'], provinces: ['anhui'] } },
  );
  expect(body.errors).toBeUndefined();
  anhuiAnalyst = { authorization: `ApiKey ${body.data!.issueApiKey.key}` };
});

afterAll(async () => {
  await stack?.stop();
});

/** GraphQL operations the province has answered whose name starts with `operation`. */
const provinceRequests = (operation: string): Promise<number> => operationsAnswered(stack.provinceUrl, operation);

const ask = (query: string, headers: Record<string, string> = {}): Promise<Body> => postGraphQL(stack.gatewayUrl, query, {}, headers);
const codes = (body: Body) => (body.errors ?? []).map((error) => error.extensions?.code);

describe('a zone read by id', () => {
  const READ = `query LookupRepeated { zone(id: "jinjiang") { id indicators(codes: ["party_org.count"]) { code value } } }`;

  it('asks the province once: the repeated read goes to the zone service alone, with the same answer', async () => {
    const first = await ask(READ);
    expect(first.errors).toBeUndefined();
    expect(await provinceRequests('LookupRepeated')).toBe(1);

    const zoneRequests = stack.zoneServices.find((service) => service.hostedZoneIds.includes('jinjiang'))!.stats.requests;
    const second = await ask(READ);
    expect(second).toEqual(first);
    expect(await provinceRequests('LookupRepeated')).toBe(1);
    // The zone's own fields are still read (from the zone-read cache or the service): only the lookup is kept.
    expect(stack.zoneServices.find((service) => service.hostedZoneIds.includes('jinjiang'))!.stats.requests).toBeGreaterThanOrEqual(zoneRequests);
  });

  it("keeps an answer for its caller only: another caller's scope is asked of the province, and Jinjiang stays out of an Anhui analyst's", async () => {
    const READ_AS = `query LookupAsOther { zone(id: "jinjiang") { id indicators(codes: ["party_org.count"]) { value } } }`;
    expect((await ask(READ_AS)).errors).toBeUndefined();
    const asAnalyst = await ask(READ_AS, anhuiAnalyst);
    expect(codes(asAnalyst)).toEqual(['NOT_FOUND']);
    expect(asAnalyst.data).toEqual({ zone: null });
    expect(await provinceRequests('LookupAsOther')).toBe(2);

    const own = `query LookupOwn { zone(id: "chuzhou") { id indicators(codes: ["party_org.count"]) { value } } }`;
    expect((await ask(own, anhuiAnalyst)).errors).toBeUndefined();
    expect((await ask(own, anhuiAnalyst)).errors).toBeUndefined();
    expect(await provinceRequests('LookupOwn')).toBe(1);
  });

  it('asks the province every time for an id it did not find: an error is never kept', async () => {
    const UNKNOWN = `query LookupUnknown { zone(id: "nowhere") { indicators { value } } }`;
    expect(codes(await ask(UNKNOWN))).toEqual(['NOT_FOUND']);
    expect(codes(await ask(UNKNOWN))).toEqual(['NOT_FOUND']);
    expect(await provinceRequests('LookupUnknown')).toBe(2);
  });

  it('asks the province every time when directory fields are selected (only key lookups are kept)', async () => {
    const NAMED = `query LookupNamed { zone(id: "jinjiang") { nameEn indicators(codes: ["party_org.count"]) { value } } }`;
    expect((await ask(NAMED)).errors).toBeUndefined();
    expect((await ask(NAMED)).errors).toBeUndefined();
    expect(await provinceRequests('LookupNamed')).toBe(2);
  });

  it('answers zones(ids:) the same way, and counts hits in /metrics', async () => {
    const BY_IDS = `query LookupByIds { zones(ids: ["jinjiang", "yongkang"]) { id indicators(codes: ["party_org.count"]) { value } } }`;
    const first = await ask(BY_IDS);
    expect(first.errors).toBeUndefined();
    // Other zone fields, the same lookup: not the answer cache's (another query), the directory-lookup cache's.
    const again = await ask(BY_IDS.replace('{ value }', '{ value code }'));
    expect(again.errors).toBeUndefined();
    expect((again.data!.zones as { id: string }[]).map((zone) => zone.id)).toEqual((first.data!.zones as { id: string }[]).map((zone) => zone.id));
    expect(await provinceRequests('LookupByIds')).toBe(1);

    const metrics = await (await fetch(new URL('/metrics', stack.gatewayUrl))).text();
    expect(metrics).toMatch(/^directory_lookup_cache_requests_total\{result="hit"\} [1-9]/m);
  });
});

describe('the whole list', () => {
  const hostedZoneIds = () => stack.zoneServices.flatMap((service) => service.hostedZoneIds).sort();
  const listedIds = (body: Body) => (body.data!.zones as { id: string }[]).map((zone) => zone.id).sort();

  it('asks the province once while the list names every zone the shard map hosts', async () => {
    const LIST = `query LookupList { zones { id indicators(codes: ["party_org.count"]) { value } } }`;
    const first = await ask(LIST);
    expect(first.errors).toBeUndefined();
    expect(listedIds(first)).toEqual(hostedZoneIds());
    const again = await ask(LIST.replace('{ value }', '{ value code }'));
    expect(listedIds(again)).toEqual(listedIds(first));
    expect(await provinceRequests('LookupList')).toBe(1);
  });

  it("asks the province every time for a list that names only part of them (an Anhui analyst's)", async () => {
    const LIST = `query LookupScopedList { zones { id indicators(codes: ["party_org.count"]) { value } } }`;
    const first = await ask(LIST, anhuiAnalyst);
    expect(first.errors).toBeUndefined();
    expect(listedIds(first).length).toBeLessThan(hostedZoneIds().length);
    expect((await ask(LIST.replace('{ value }', '{ value code }'), anhuiAnalyst)).errors).toBeUndefined();
    expect(await provinceRequests('LookupScopedList')).toBe(2);
  });
});
