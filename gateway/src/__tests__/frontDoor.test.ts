import { LEAKS, startFrontDoorEnvironment, type FrontDoorEnvironment, type RawResponse } from './fixtures/frontDoorEnvironment';

const nested = (levels: number) => `{ zones { ${'enterprises { zone { '.repeat(levels)}id${' } }'.repeat(levels)} } }`;
const aliasBomb = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: zones { servedBy }`).join(' ')} }`;

function expectNoLeak(response: RawResponse): void {
  for (const leak of LEAKS) expect(response.text).not.toMatch(leak);
}

function expectLimit(response: RawResponse, extensions: Record<string, unknown>): void {
  expect(response.status).toBe(400);
  expect(response.json.data).toBeUndefined();
  expect(response.json.errors).toHaveLength(1);
  expect(response.json.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', ...extensions });
  expectNoLeak(response);
}

describe('the front door: limits before execution', () => {
  let env: FrontDoorEnvironment;

  beforeAll(async () => {
    env = await startFrontDoorEnvironment({ rateLimit: false });
  });
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => env.zones.forEach((zone) => zone.reset()));

  it('lets an ordinary query through, with a request id header', async () => {
    const response = await env.post({ query: '{ zones { id servedBy } }' });

    expect(response.status).toBe(200);
    expect(response.json.errors).toBeUndefined();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['depth', nested(6), { limit: 'depth', max: 12, actual: 14 }],
    [
      'aliases',
      `{ ${Array.from({ length: 31 }, (_, i) => `z${i}: __typename`).join(' ')} zones { ${Array.from({ length: 31 }, (_, i) => `s${i}: servedBy`).join(' ')} } }`,
      { limit: 'aliases', max: 30, actual: 31 },
    ],
    ['root fields', `{ ${Array.from({ length: 16 }, (_, i) => `z${i}: zones { id }`).join(' ')} }`, { limit: 'rootFields', max: 15, actual: 16 }],
    ['tokens', `{ zones { ${'id '.repeat(2100)} } }`, { limit: 'tokens', max: 2000, actual: 2105 }],
    ['directives', `{ zones { ${Array.from({ length: 21 }, () => 'id @include(if: true)').join(' ')} } }`, { limit: 'directives', max: 20, actual: 21 }],
  ])('refuses an operation over the %s limit with what it asked, asking no zone service, each time it is sent', async (_name, query, extensions) => {
    // The second time the parsed document comes from Apollo Server's document store (and armor's verdict from its cache).
    for (const response of [await env.post({ query }), await env.post({ query })]) expectLimit(response, extensions);
    expect(env.zoneRequests()).toBe(0);
  });

  it('refuses an over-long operation name', async () => {
    const name = `Q${'x'.repeat(120)}`;
    const response = await env.post({ query: `query ${name} { zones { id } }`, operationName: name });

    expectLimit(response, { limit: 'operationName', max: 100, actual: 121 });
  });

  it('answers an unknown operationName with 400 OPERATION_RESOLUTION_FAILURE, not a 500', async () => {
    const response = await env.post({ query: 'query A { zones { id } } query B { zones { name } }', operationName: 'C' });

    expect(response.status).toBe(400);
    expect(response.json.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_RESOLUTION_FAILURE' });
    expect(response.json.errors?.[0]?.message).toContain('"C"');
    expectNoLeak(response);
  });
});

describe('the front door: the fan-out cost', () => {
  let env: FrontDoorEnvironment;

  beforeAll(async () => {
    // Only the cost stands in the way: the structural limits are opened up.
    env = await startFrontDoorEnvironment({ rateLimit: false, limits: { maxAliases: 1000, maxRootFields: 1000, maxTokens: 100_000 } });
  });
  afterAll(async () => {
    await env.stop();
  });
  beforeEach(() => env.zones.forEach((zone) => zone.reset()));

  it('refuses 300 aliases of zones { servedBy } on cost, counting one fetch per zone service, before any zone is asked', async () => {
    const response = await env.post({ query: aliasBomb(300) });

    // 300 paths × 3 services = 900 fetches at 100 each, plus 300 × (1 + 10 × 1) fields (10: the default list size).
    expectLimit(response, { limit: 'cost', max: 50_000, actual: 93_300, subgraphFetches: 900, fields: 3300 });
    expect(env.zoneRequests()).toBe(0);
  });

  it('lets a few aliases through', async () => {
    const response = await env.post({ query: aliasBomb(3) });

    expect(response.json.errors).toBeUndefined();
    expect(Object.keys(response.json.data as object)).toHaveLength(3);
  });
});

describe('the front door: rate limit per client', () => {
  let env: FrontDoorEnvironment;

  beforeAll(async () => {
    env = await startFrontDoorEnvironment({ rateLimit: { ratePerSecond: 0.01, burst: 3 } });
  });
  afterAll(async () => {
    await env.stop();
  });

  it('answers 429 with Retry-After and RATE_LIMITED once a client has used its burst; another client still gets in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await env.post({ query: '{ __typename }' })).status);
    const refused = await env.post({ query: '{ __typename }' });

    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.json.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', requestId: refused.headers.get('x-request-id') });
    expectNoLeak(refused);

    const other = await env.send({
      body: JSON.stringify({ query: '{ __typename }' }),
      headers: { 'content-type': 'application/json' },
      subject: 'someone-else',
    });
    expect(other.status).toBe(200);
  });
});

describe('the front door: errors never leak', () => {
  let env: FrontDoorEnvironment;

  beforeAll(async () => {
    env = await startFrontDoorEnvironment({ rateLimit: false });
  });
  afterAll(async () => {
    await env.stop();
  });

  it.each([
    ['malformed JSON', { body: '{"query": "{ zones { id } }"', headers: { 'content-type': 'application/json' } }, 400, 'BAD_REQUEST'],
    [
      'an oversized body',
      { body: JSON.stringify({ query: `{ zones { id } } #${'x'.repeat(1_100_000)}` }), headers: { 'content-type': 'application/json' } },
      413,
      'BAD_REQUEST',
    ],
    ['a text/plain body', { body: '{ zones { id } }', headers: { 'content-type': 'text/plain' } }, 400, 'BAD_REQUEST'],
    ['an XML body', { body: '<query/>', headers: { 'content-type': 'application/xml' } }, 400, 'BAD_REQUEST'],
    ['a syntax error', { body: JSON.stringify({ query: '{ zones { id ' }), headers: { 'content-type': 'application/json' } }, 400, 'GRAPHQL_PARSE_FAILED'],
    [
      'an unknown field',
      { body: JSON.stringify({ query: '{ zones { nope } }' }), headers: { 'content-type': 'application/json' } },
      400,
      'GRAPHQL_VALIDATION_FAILED',
    ],
  ])('answers %s with a JSON GraphQL error, a code, the request id and nothing internal', async (_name, request, status, code) => {
    const response = await env.send(request);

    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.json.errors?.[0]?.extensions).toEqual(expect.objectContaining({ code, requestId: response.headers.get('x-request-id') }));
    expectNoLeak(response);
  });

  it('tells the sender of an oversized body the limit', async () => {
    const response = await env.send({
      body: JSON.stringify({ query: `{ zones { id } } #${'x'.repeat(1_100_000)}` }),
      headers: { 'content-type': 'application/json' },
    });

    expect(response.status).toBe(413);
    expect(response.json.errors?.[0]?.message).toBe('The request body is larger than 1 MB.');
  });

  it('keeps a well-formed incoming request id and replaces a malformed one', async () => {
    const kept = await env.post({ query: '{ zones { nope } }' }, { 'x-request-id': 'client-trace-0001' });
    const replaced = await env.post({ query: '{ zones { nope } }' }, { 'x-request-id': 'bad id <script>' });

    expect(kept.headers.get('x-request-id')).toBe('client-trace-0001');
    expect(kept.json.errors?.[0]?.extensions?.requestId).toBe('client-trace-0001');
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a failing zone service with registry codes, the request id and nothing internal', async () => {
    const [anhui] = env.zones;
    anhui!.behave({ kind: 'http-error' });
    try {
      const response = await env.post({ query: '{ zones { id servedBy } }' });
      const requestId = response.headers.get('x-request-id');

      expect(response.json.errors?.length).toBeGreaterThan(0);
      for (const error of response.json.errors ?? []) expect(error.extensions).toMatchObject({ code: 'ZONE_UNAVAILABLE', requestId });
      expectNoLeak(response);
    } finally {
      anhui!.reset();
    }
  });
});

describe('the front door with DEVZONE_DEBUG_ERRORS', () => {
  let env: FrontDoorEnvironment;

  beforeAll(async () => {
    env = await startFrontDoorEnvironment({ rateLimit: false, debugErrors: true });
  });
  afterAll(async () => {
    await env.stop();
  });

  it('answers errors with their stack trace', async () => {
    const response = await env.post({ query: '{ zones { nope } }' });

    expect(response.json.errors?.[0]?.extensions?.stacktrace).toEqual(expect.arrayContaining([expect.stringMatching(/^\s+at /)]));
  });
});
