import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { StaticZoneServiceRegistry, type ZoneServiceEntry } from '@devzone/registry';
import { CHECKED_ID } from '@devzone/shard-router';
import { ShardedZonesDataSource } from '../ShardedZonesDataSource';
import { GraphQLDataSourceRequestKind, type AbortableDataSource, type DataSourceResponse } from '../types';

type Answer = (representations: readonly { id: string }[], variables: Record<string, unknown>) => Promise<DataSourceResponse>;

const registry = new StaticZoneServiceRegistry([
  { name: 'anhui', url: 'http://anhui.test/graphql', zoneIds: ['chuzhou', 'feixi'] },
  { name: 'jiangsu', url: 'http://jiangsu.test/graphql', zoneIds: ['chengxi'] },
]);

/** Fake zone services: each answers through `answers[name]` and records what it was sent. */
function fakeServices(answers: Record<string, Answer>) {
  const sent: Record<string, GraphQLDataSourceProcessOptions['request'][]> = {};
  const build = (service: ZoneServiceEntry): GraphQLDataSource => ({
    process: async ({ request }) => {
      (sent[service.name] ??= []).push(request);
      const variables = request.variables ?? {};
      return answers[service.name]!((variables.representations ?? []) as { id: string }[], variables);
    },
  });
  return { sent, build };
}

/** A well-behaved service: each entity carries the id asked under the alias the data source adds. */
const echo: Answer = async (representations) => ({ data: { _entities: representations.map(({ id }) => ({ id, seen: true, [CHECKED_ID]: id })) } });

function entitiesRequest(ids: string[]): GraphQLDataSourceProcessOptions {
  return {
    kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
    request: {
      query: 'query ($representations: [_Any!]!, $year: Int) { _entities(representations: $representations) { __typename } }',
      variables: { year: 2024, representations: ids.map((id) => ({ __typename: 'Enterprise', id })) },
    },
    context: {},
  };
}

describe('ShardedZonesDataSource', () => {
  it('sends each service one request with its representations and the other variables', async () => {
    const { sent, build } = fakeServices({ anhui: echo, jiangsu: echo });
    const source = new ShardedZonesDataSource({ registry, buildServiceDataSource: build });

    const response = await source.process(entitiesRequest(['chengxi:e1', 'chuzhou:e1', 'feixi:e2']));

    expect(response).toEqual({
      data: { _entities: ['chengxi:e1', 'chuzhou:e1', 'feixi:e2'].map((id) => ({ id, seen: true })) },
    });
    expect(sent.anhui!.map((request) => request.variables)).toEqual([
      {
        year: 2024,
        representations: [
          { __typename: 'Enterprise', id: 'chuzhou:e1' },
          { __typename: 'Enterprise', id: 'feixi:e2' },
        ],
      },
    ]);
    expect(sent.jiangsu!.map((request) => request.variables)).toEqual([{ year: 2024, representations: [{ __typename: 'Enterprise', id: 'chengxi:e1' }] }]);
  });

  it('turns a service that throws into one ZONE_UNAVAILABLE error per zone', async () => {
    const { build } = fakeServices({
      anhui: async () => {
        throw new Error('connect ECONNREFUSED');
      },
      jiangsu: echo,
    });
    const source = new ShardedZonesDataSource({ registry, buildServiceDataSource: build });

    const response = await source.process(entitiesRequest(['feixi:e1', 'chengxi:e1', 'chuzhou:e1']));

    expect(response.data).toEqual({ _entities: [null, { id: 'chengxi:e1', seen: true }, null] });
    expect(response.errors?.map((error) => [error.message, error.path])).toEqual([
      ['Zone "feixi" (service "anhui") is unavailable: connect ECONNREFUSED', ['_entities', 0]],
      ['Zone "chuzhou" (service "anhui") is unavailable: connect ECONNREFUSED', ['_entities', 2]],
    ]);
  });

  it('gives up on a service at the deadline even if it never answers', async () => {
    const { build } = fakeServices({ anhui: () => new Promise<never>(() => undefined), jiangsu: echo });
    const source = new ShardedZonesDataSource({ registry, timeoutMs: 50, buildServiceDataSource: build });

    const response = await source.process(entitiesRequest(['chuzhou:e1', 'chengxi:e1']));

    expect(response.data).toEqual({ _entities: [null, { id: 'chengxi:e1', seen: true }] });
    expect(response.errors?.[0]?.message).toBe('Zone "chuzhou" (service "anhui") is unavailable: timed out after 50 ms');
  });

  it('sends requests without representations to the first service that answers', async () => {
    const { sent, build } = fakeServices({
      anhui: async () => {
        throw new Error('down');
      },
      jiangsu: async () => ({ data: { _service: { sdl: 'type Zone' } } }),
    });
    const source = new ShardedZonesDataSource({ registry, buildServiceDataSource: build });

    const response = await source.process({
      kind: GraphQLDataSourceRequestKind.LOADING_SCHEMA,
      request: { query: '{ _service { sdl } }' },
      context: {},
    });

    expect(response).toEqual({ data: { _service: { sdl: 'type Zone' } } });
    expect(Object.keys(sent)).toEqual(['anhui', 'jiangsu']);
  });

  it('says which services failed when none answers', async () => {
    const down = async () => {
      throw new Error('down');
    };
    const { build } = fakeServices({ anhui: down, jiangsu: down });
    const source = new ShardedZonesDataSource({ registry, buildServiceDataSource: build });

    await expect(
      source.process({ kind: GraphQLDataSourceRequestKind.LOADING_SCHEMA, request: { query: '{ _service { sdl } }' }, context: {} }),
    ).rejects.toThrow('No zone service answered: "anhui": down; "jiangsu": down');
  });

  it('forgets a departed service at its old address: that connection forgets what it knew there, and the next request builds a new one', async () => {
    const built: string[] = [];
    const forgotten: string[] = [];
    const build = (service: ZoneServiceEntry): AbortableDataSource => {
      built.push(`${service.name} ${service.url}`);
      return {
        process: async ({ request }) => echo(request.variables!.representations as { id: string }[], {}),
        forgetAddress: () => forgotten.push(service.url),
      };
    };
    const source = new ShardedZonesDataSource({ registry, buildServiceDataSource: build });
    await source.process(entitiesRequest(['chuzhou:e1', 'chengxi:e1']));

    // An address the service no longer has its connection at (already rebuilt elsewhere) is left alone.
    source.forgetServices([{ name: 'jiangsu', url: 'http://jiangsu-old.test/graphql', left: false }]);
    source.forgetServices([{ name: 'anhui', url: 'http://anhui.test/graphql', left: true }]);
    await source.process(entitiesRequest(['chuzhou:e1', 'chengxi:e1']));

    expect(forgotten).toEqual(['http://anhui.test/graphql']);
    expect(built.sort()).toEqual(['anhui http://anhui.test/graphql', 'anhui http://anhui.test/graphql', 'jiangsu http://jiangsu.test/graphql']);
  });
});
