import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { StaticZoneServiceRegistry, type ZoneServiceEntry } from '@devzone/registry';
import { parse } from 'graphql';
import { mutationZoneOf } from '@devzone/shard-router';
import { ShardedZonesDataSource } from '../datasources/ShardedZonesDataSource';
import { GraphQLDataSourceRequestKind, type DataSourceResponse } from '../datasources/types';
import { mutationZoneTypeDefs } from './fixtures/schemas';
import { startTestEnvironment, type TestEnvironment } from './fixtures/testEnvironment';

describe('mutationZoneOf', () => {
  const zoneOf = (query: string, variables?: Record<string, unknown>, operationName?: string) => mutationZoneOf(parse(query), operationName, variables);

  it('reads a literal zoneId', () => {
    expect(zoneOf('mutation { renameZone(zoneId: "feixi", name: "x") { id } }')).toEqual({ status: 'routed', zoneId: 'feixi' });
  });

  it('reads a zoneId given as a variable', () => {
    expect(zoneOf('mutation ($zone: ID!) { renameZone(zoneId: $zone, name: "x") { id } }', { zone: 'chuzhou' })).toEqual({
      status: 'routed',
      zoneId: 'chuzhou',
    });
  });

  it('accepts several root fields naming the same zone, through fragments, leaving __typename out', () => {
    const query = `
      mutation Upkeep($zone: ID!) {
        __typename
        a: renameZone(zoneId: $zone, name: "x") { id }
        ... on Mutation { b: renameZone(zoneId: "feixi", name: "y") { id } }
        ...More
      }
      fragment More on Mutation { c: renameZone(zoneId: "feixi", name: "z") { id } }
    `;
    expect(zoneOf(query, { zone: 'feixi' }, 'Upkeep')).toEqual({ status: 'routed', zoneId: 'feixi' });
  });

  it('refuses a root field without zoneId, naming it', () => {
    expect(zoneOf('mutation { renameZone(zoneId: "feixi", name: "x") { id } revokeAll { ok } }')).toEqual({
      status: 'refused',
      message: 'Mutation field "revokeAll" has no zoneId argument: every zone mutation names the zone it changes',
    });
  });

  it('refuses two zones in one fetch, naming both fields and zones', () => {
    expect(
      zoneOf('mutation ($b: ID!) { a: renameZone(zoneId: "feixi", name: "x") { id } renameZone(zoneId: $b, name: "y") { id } }', { b: 'chengxi' }),
    ).toEqual({
      status: 'refused',
      message:
        'One mutation may change one zone only: "a: renameZone" names zone "feixi" and "renameZone" names zone "chengxi"; send them as separate operations',
    });
  });

  it.each([
    ['an unset variable', 'mutation ($zone: ID) { renameZone(zoneId: $zone, name: "x") { id } }', {}, 'its variable $zone is not one'],
    ['a null literal', 'mutation { renameZone(zoneId: null, name: "x") { id } }', {}, 'its value is not one'],
    ['an empty string', 'mutation { renameZone(zoneId: "", name: "x") { id } }', {}, 'its value is not one'],
    ['a list variable', 'mutation ($zone: [ID]) { renameZone(zoneId: $zone, name: "x") { id } }', { zone: ['feixi'] }, 'its variable $zone is not one'],
  ])('refuses %s', (_case, query, variables, detail) => {
    expect(zoneOf(query, variables)).toEqual({ status: 'refused', message: `The zoneId of mutation field "renameZone" must be a zone id; ${detail}` });
  });

  it('refuses a document without the operation named', () => {
    expect(zoneOf('mutation A { renameZone(zoneId: "feixi", name: "x") { id } }', {}, 'B')).toEqual({
      status: 'refused',
      message: 'The mutation has no operation named "B"',
    });
  });
});

describe('ShardedZonesDataSource and mutations', () => {
  const registry = new StaticZoneServiceRegistry([
    { name: 'anhui', url: 'http://anhui.test/graphql', zoneIds: ['chuzhou', 'feixi'] },
    { name: 'jiangsu', url: 'http://jiangsu.test/graphql', zoneIds: ['chengxi'] },
  ]);

  /** Fake services that record what they were sent and answer through `answer`. */
  function fakeServices(answer: (service: string) => Promise<DataSourceResponse>) {
    const sent: { service: string; query: string }[] = [];
    const build = (service: ZoneServiceEntry): GraphQLDataSource => ({
      process: async ({ request }) => {
        sent.push({ service: service.name, query: request.query ?? '' });
        return answer(service.name);
      },
    });
    return { sent, build };
  }
  const ok = async (service: string) => ({ data: { renameZone: { id: 'feixi', servedBy: service } } });

  function fetchOf(query: string, variables: Record<string, unknown> = {}, context: Record<string, unknown> = {}): GraphQLDataSourceProcessOptions {
    return { kind: GraphQLDataSourceRequestKind.HEALTH_CHECK, request: { query, variables }, context };
  }

  it('sends a mutation to the service hosting its zone, and only there', async () => {
    const { sent, build } = fakeServices(ok);
    const source = new ShardedZonesDataSource({ registry, buildServiceDataSource: build });

    const response = await source.process(fetchOf('mutation ($z: ID!) { renameZone(zoneId: $z, name: "x") { id servedBy } }', { z: 'chengxi' }));

    expect(response).toEqual({ data: { renameZone: { id: 'feixi', servedBy: 'jiangsu' } } });
    expect(sent.map((request) => request.service)).toEqual(['jiangsu']);
  });

  it('routes with the shard map the request started with when its context has one', async () => {
    const { sent, build } = fakeServices(ok);
    const source = new ShardedZonesDataSource({ registry, buildServiceDataSource: build });
    const startedWith = new StaticZoneServiceRegistry([{ name: 'jiangsu', url: 'http://jiangsu.test/graphql', zoneIds: ['feixi'] }]);

    await source.process(fetchOf('mutation { renameZone(zoneId: "feixi", name: "x") { id } }', {}, { shardMap: startedWith }));

    expect(sent.map((request) => request.service)).toEqual(['jiangsu']);
  });

  it('refuses a zone no service hosts without sending anything', async () => {
    const { sent, build } = fakeServices(ok);
    const source = new ShardedZonesDataSource({ registry, buildServiceDataSource: build });

    const response = await source.process(fetchOf('mutation { renameZone(zoneId: "nowhere", name: "x") { id } }'));

    expect(response.errors).toEqual([
      {
        message: 'Zone "nowhere" is not hosted by any registered zone service: the mutation was not sent',
        extensions: { zoneId: 'nowhere', field: 'zoneId', code: 'ZONE_NOT_ROUTED' },
      },
    ]);
    expect(sent).toEqual([]);
  });

  it('refuses a mutation naming two zones as bad input without sending anything', async () => {
    const { sent, build } = fakeServices(ok);
    const source = new ShardedZonesDataSource({ registry, buildServiceDataSource: build });

    const response = await source.process(
      fetchOf('mutation { a: renameZone(zoneId: "feixi", name: "x") { id } b: renameZone(zoneId: "chengxi", name: "y") { id } }'),
    );

    expect(response.errors).toEqual([
      { message: expect.stringMatching(/^One mutation may change one zone only/), extensions: { field: 'zoneId', code: 'BAD_USER_INPUT' } },
    ]);
    expect(sent).toEqual([]);
  });

  it('never retries a mutation: one that fails with a retryable error is sent once and answered ZONE_UNAVAILABLE', async () => {
    const refused = Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const { sent, build } = fakeServices(async () => {
      throw refused;
    });
    const source = new ShardedZonesDataSource({ registry, buildServiceDataSource: build });

    const response = await source.process(fetchOf('mutation { renameZone(zoneId: "feixi", name: "x") { id } }'));

    expect(sent).toHaveLength(1);
    expect(response.errors).toEqual([
      {
        message: 'Zone "feixi" (service "anhui") is unavailable: fetch failed (ECONNREFUSED)',
        extensions: { zoneId: 'feixi', service: 'anhui', code: 'ZONE_UNAVAILABLE' },
      },
    ]);
  });

  it('keeps sending queries without representations to the first reachable service', async () => {
    const { sent, build } = fakeServices(async (service) => {
      if (service === 'anhui') throw Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
      return { data: { _service: { sdl: 'type Query { a: Int }' } } };
    });
    const source = new ShardedZonesDataSource({ registry, buildServiceDataSource: build });

    const response = await source.process(fetchOf('query { _service { sdl } }'));

    expect(response.data).toEqual({ _service: { sdl: 'type Query { a: Int }' } });
    expect(sent.map((request) => request.service)).toEqual(['anhui', 'anhui', 'jiangsu']);
  });
});

describe('mutations through the gateway', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment({
      zoneServices: [
        { name: 'anhui', zoneIds: ['chuzhou', 'feixi'], typeDefs: mutationZoneTypeDefs },
        { name: 'jiangsu', zoneIds: ['chengxi'], typeDefs: mutationZoneTypeDefs },
        { name: 'fujian', zoneIds: ['jinjiang'], typeDefs: mutationZoneTypeDefs },
      ],
    });
  });
  afterAll(async () => {
    await env?.stop();
  });
  beforeEach(() => env.resetZones());

  const mutationsReceived = () =>
    Object.values(env.zones).flatMap((zone) => zone.requests.filter((request) => /^\s*mutation\b/.test(request.query)).map(() => zone.name));

  it('reaches the service hosting the zone named by a literal or a variable, with the province’s fields joined', async () => {
    const literal = await env.query<{ renameZone: { id: string; name: string; servedBy: string } }>(
      'mutation { renameZone(zoneId: "feixi", name: "Feixi") { id name servedBy } }',
    );
    const variable = await env.query<{ renameZone: { id: string; servedBy: string } }>(
      'mutation ($zone: ID!) { renameZone(zoneId: $zone, name: "Chengxi") { id servedBy } }',
      { zone: 'chengxi' },
    );

    expect(literal).toEqual({ data: { renameZone: { id: 'feixi', name: 'Feixi ETDZ', servedBy: 'anhui' } } });
    expect(variable).toEqual({ data: { renameZone: { id: 'chengxi', servedBy: 'jiangsu' } } });
    expect(mutationsReceived()).toEqual(['anhui', 'jiangsu']);
  });

  it('answers a zone no service hosts with ZONE_NOT_ROUTED, sending nothing', async () => {
    const answer = await env.query('mutation { renameZone(zoneId: "ningguo", name: "x") { id } }');

    expect(answer.data).toEqual({ renameZone: null });
    expect(answer.errors).toMatchObject([
      { message: expect.stringContaining('Zone "ningguo" is not hosted'), extensions: { code: 'ZONE_NOT_ROUTED', zoneId: 'ningguo' } },
    ]);
    expect(mutationsReceived()).toEqual([]);
  });

  it('refuses one operation changing two zones, sending nothing', async () => {
    const answer = await env.query('mutation { a: renameZone(zoneId: "feixi", name: "x") { id } b: renameZone(zoneId: "chengxi", name: "y") { id } }');

    expect(answer.errors).toMatchObject([
      { message: expect.stringContaining('One mutation may change one zone only'), extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    expect(mutationsReceived()).toEqual([]);
  });

  it('sends a mutation once even when the service answers a 5xx', async () => {
    env.zones.anhui!.behave({ kind: 'http-error' });

    const answer = await env.query('mutation { renameZone(zoneId: "chuzhou", name: "x") { id } }');

    expect(answer.errors).toMatchObject([{ extensions: { code: 'ZONE_UNAVAILABLE', zoneId: 'chuzhou', service: 'anhui' } }]);
    expect(mutationsReceived()).toEqual(['anhui']);
  });
});
