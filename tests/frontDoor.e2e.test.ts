import type { RunningStack } from '@devzone/stack';
import { postGraphQL, startTestStack } from '@devzone/testkit';

const ALIAS_BOMB = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: zones { indicators { value } }`).join(' ')} }`;
const NESTED_EXPANSION = `{ enterprise(id: "yongkang:sanfeng") { ${'zone { enterprises(first: 500) { items { '.repeat(4)}id${' } } }'.repeat(4)} } }`;

describe('the front door on the seeded stack: abusive queries are refused before any zone service is asked', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack.stop();
  });
  beforeEach(() => stack.zoneServices.forEach((service) => service.stats.reset()));

  const zoneRequests = () => stack.zoneServices.reduce((total, service) => total + service.stats.requests, 0);

  it.each([
    ['300 aliases of zones { indicators }', ALIAS_BOMB],
    ['four levels of enterprise → zone → enterprises(first: 500)', NESTED_EXPANSION],
  ])('refuses %s with LIMIT_EXCEEDED', async (_name, query) => {
    const answer = await postGraphQL(stack.gatewayUrl, query);

    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: expect.any(String),
      max: expect.any(Number),
      actual: expect.any(Number),
    });
    expect(answer.errors?.[0]?.extensions?.requestId).toEqual(expect.any(String));
    expect(zoneRequests()).toBe(0);
  });

  it('refuses the nested expansion on cost when depth allows it', async () => {
    const query = `{ enterprise(id: "yongkang:sanfeng") { ${'zone { enterprises(first: 500) { items { '.repeat(2)}id${' } } }'.repeat(2)} } }`;
    const answer = await postGraphQL(stack.gatewayUrl, query);

    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost', max: 50_000 });
    expect(zoneRequests()).toBe(0);
  });

  it('refuses a page size above the maximum, naming the field and argument', async () => {
    const answer = await postGraphQL(stack.gatewayUrl, '{ zone(id: "yongkang") { enterprises(first: 501) { totalCount } } }');

    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'listSize',
      max: 500,
      actual: 501,
      field: 'Zone.enterprises',
      argument: 'first',
    });
    expect(zoneRequests()).toBe(0);
  });

  it('still answers a province-wide read of every zone’s indicators', async () => {
    const answer = await postGraphQL<{ zones: { id: string; indicators: unknown[] | null }[] }>(stack.gatewayUrl, '{ zones { id indicators { value } } }');

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.zones.length).toBeGreaterThan(5);
    expect(zoneRequests()).toBeGreaterThan(0);
  });

  it('sends identical subgraph fetches of one operation once: three aliases of the same read cost one request per zone service', async () => {
    const read = 'zones { id indicators(codes: ["party_org.count"]) { value } }';
    const answer = await postGraphQL<Record<'a' | 'b' | 'c', { id: string; indicators: { value: number }[] | null }[]>>(
      stack.gatewayUrl,
      `{ a: ${read} b: ${read} c: ${read} }`,
    );

    expect(answer.errors).toBeUndefined();
    expect(answer.data!.b).toEqual(answer.data!.a);
    expect(answer.data!.c).toEqual(answer.data!.a);
    expect(answer.data!.a.find((zone) => zone.id === 'yongkang')?.indicators).toContainEqual({ value: 82 });
    expect(Object.fromEntries(stack.zoneServices.map((service) => [service.name, service.stats.requests]))).toEqual({
      yongkang: 1,
      chengxi: 1,
      jinjiang: 1,
      anhui: 1,
    });
  });
});
