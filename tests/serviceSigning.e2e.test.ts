import { encodePrincipal, generateSigningKeys, PRINCIPAL_HEADER, signRequest, type SigningKeys } from '@devzone/auth';
import type { RunningStack } from '@devzone/stack';
import { postGraphQL, postSignedGraphQL, startTestStack } from '@devzone/testkit';

/**
 * Only the gateway (and the province, for its own reads) reaches the services:
 * real zone services, province and gateway on the seeded databases, with a
 * deployment in the middle of a key rotation (the gateway signs with the new
 * key, both keys verify).
 */
describe('service-to-service signing on the seeded stack', () => {
  const [current] = generateSigningKeys('k-new');
  const [previous] = generateSigningKeys('k-old');
  const keys: SigningKeys = [current, previous];
  let stack: RunningStack;
  let targets: { name: string; url: string }[];

  const SDL = '{ _service { sdl } }';
  const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { id enterprises(first: 1) { totalCount } } } }';

  beforeAll(async () => {
    stack = await startTestStack({ signingKeys: keys });
    const anhui = stack.zoneServices.find((s) => s.name === 'anhui')!;
    targets = [
      { name: 'zone service anhui', url: anhui.url },
      { name: 'province', url: stack.provinceUrl },
    ];
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** POSTs `body` with `headers` and reads the answer as text and JSON. */
  async function post(url: string, body: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type') ?? '', text, json: JSON.parse(text) as Record<string, unknown> };
  }

  function expectRefused(answer: Awaited<ReturnType<typeof post>>) {
    expect(answer.status).toBe(401);
    expect(answer.type).toMatch(/^application\/json/);
    expect(answer.json.data).toBeUndefined();
    expect(answer.json.errors).toEqual([{ message: expect.stringMatching(/signed by the gateway/), extensions: { code: 'UNAUTHENTICATED' } }]);
    expect(answer.text).not.toMatch(/sdl|directive|Zone|enterprise/i);
  }

  const body = JSON.stringify({ query: SDL, variables: {} });

  it.each([0, 1])('refuses a direct, unsigned call to each service: 401 UNAUTHENTICATED, no data (%#)', async (i) => {
    const { url } = targets[i]!;
    expectRefused(await post(url, body));
    expectRefused(await post(url, JSON.stringify({ query: ENTITIES, variables: { r: [{ __typename: 'Zone', id: 'chuzhou' }] } })));
    expectRefused(await post(url, '{not json'));
    // A principal claimed without a signature is never trusted.
    const admin = encodePrincipal({ subject: 'forged', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] });
    expectRefused(await post(url, body, { [PRINCIPAL_HEADER]: admin }));
  });

  it('refuses a mutation sent straight to the province', async () => {
    const mutation = JSON.stringify({ query: 'mutation { __typename }' });
    expectRefused(await post(stack.provinceUrl, mutation));
  });

  it('refuses GraphQL over GET, and leaves only GET /health open', async () => {
    for (const { url } of targets) {
      const get = await fetch(`${url}?query=${encodeURIComponent(SDL)}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(get.status).toBe(401);
      const health = await fetch(new URL('/health', url));
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
    }
  });

  it.each([0, 1])('answers a correctly signed request, with either key of the rotation (%#)', async (i) => {
    const { url } = targets[i]!;
    for (const signingKeys of [keys, [previous] as SigningKeys]) {
      const answer = await postSignedGraphQL<{ _service: { sdl: string } }>(url, signingKeys, SDL);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?._service.sdl).toContain('type Zone');
    }
  });

  it.each([0, 1])('refuses a stale timestamp, an unknown key and a tampered body (%#)', async (i) => {
    const { url } = targets[i]!;
    const stale = signRequest({ keys, body, now: Date.now() - 6 * 60_000 });
    expectRefused(await post(url, body, { ...stale }));
    const future = signRequest({ keys, body, now: Date.now() + 6 * 60_000 });
    expectRefused(await post(url, body, { ...future }));
    expectRefused(await post(url, body, { ...signRequest({ keys: generateSigningKeys(), body }) }));
    // Same key id, another secret: what a guessed or leaked id alone gives.
    expectRefused(await post(url, body, { ...signRequest({ keys: [{ id: current.id, secret: 'x'.repeat(40) }], body }) }));
    const tampered = JSON.stringify({ query: ENTITIES, variables: { r: [{ __typename: 'Zone', id: 'chuzhou' }] } });
    expectRefused(await post(url, tampered, { ...signRequest({ keys, body }) }));
    // A signed request whose principal is swapped for another.
    const analyst = encodePrincipal({ subject: 'a', roles: ['ANALYST'], provinces: ['anhui'], zoneIds: [] });
    const admin = encodePrincipal({ subject: 'a', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] });
    expectRefused(await post(url, body, { ...signRequest({ keys, body, principalHeader: analyst }), [PRINCIPAL_HEADER]: admin }));
  });

  it("refuses a service signature at the gateway's front door, even a valid one: it is not a client credential", async () => {
    const admin = encodePrincipal({ subject: 'service-key-holder', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] });
    const query = JSON.stringify({ query: '{ zones { id } }', variables: {} });
    const answer = await post(stack.gatewayUrl, query, { ...signRequest({ keys, body: query, principalHeader: admin }), [PRINCIPAL_HEADER]: admin });
    expect(answer.status).toBe(401);
    expect(answer.json.data).toBeUndefined();
    expect((answer.json.errors as { extensions: Record<string, unknown> }[])[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid' });
    expect(answer.text).not.toMatch(/chuzhou|yongkang/);
  });

  it('still answers through the gateway: zone entities, province lookups that ask zone services, and reads the province makes through the gateway', async () => {
    const answer = await postGraphQL<{
      zones: { id: string; enterprises: { totalCount: number } | null }[];
      enterprise: { id: string } | null;
    }>(stack.gatewayUrl, '{ zones(province: "anhui") { id enterprises(first: 1) { totalCount } } enterprise(id: "chuzhou:nosuch") { id } }');
    expect(answer.data?.zones.length).toBeGreaterThan(0);
    expect(answer.data?.zones.every((zone) => zone.enterprises !== null)).toBe(true);
    // NOT_FOUND, not ZONE_UNAVAILABLE: the province's own signed `_entities` call was answered.
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    const search = await postGraphQL<{ searchEnterprises: { failedZones: unknown[]; items: unknown[] } }>(
      stack.gatewayUrl,
      '{ searchEnterprises(filter: { honorContains: "清廉" }, first: 20) { failedZones { zoneId message } items { id } } }',
    );
    expect(search.errors).toBeUndefined();
    expect(search.data?.searchEnterprises.failedZones).toEqual([]);
    expect(search.data?.searchEnterprises.items.length).toBeGreaterThan(0);
  });
});
