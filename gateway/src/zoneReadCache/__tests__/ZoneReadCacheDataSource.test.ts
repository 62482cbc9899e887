import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Principal } from '@devzone/auth';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { parse } from 'graphql';
import { GraphQLDataSourceRequestKind, type DataSourceRequest, type DataSourceResponse } from '../../datasources/types';
import { EntityStore, VersionsSeen, ZoneReadCache, ZoneVersions, type DataVersionsAnswer } from '@devzone/shard-router';
import { ZoneReadCacheDataSource } from '../ZoneReadCacheDataSource';

const registry = new StaticZoneServiceRegistry([
  { name: 'anhui', url: 'http://anhui.test/', zoneIds: ['chuzhou', 'feixi'] },
  { name: 'yongkang', url: 'http://yongkang.test/', zoneIds: ['yongkang'] },
]);
const admin: Principal = { subject: 'key:admin', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] };
const READ = 'query R($representations: [_Any!]!) { _entities(representations: $representations) { ... on Zone { id figure } } }';
const MUTATION = 'mutation M($zone: ID!) { upsertIndicatorReport(zoneId: $zone, input: {code: "c", period: "2024", value: 1}) { outcome } }';

/** Zone services as the cache sees them: a data version per zone, and a data source answering each zone's current figure. */
function system() {
  const versions: Record<string, number> = { chuzhou: 1, feixi: 1, yongkang: 1 };
  const figures: Record<string, number> = { chuzhou: 10, feixi: 20, yongkang: 30 };
  const failing = new Set<string>();
  const hooks: { afterDataRead?: (() => void) | undefined } = {};
  const sent: DataSourceRequest[] = [];
  const versionRequests: string[][] = [];
  const inner: GraphQLDataSource = {
    process: async ({ request }) => {
      sent.push(request);
      const representations = (request.variables?.representations ?? []) as { id: string }[];
      if (request.query?.startsWith('mutation')) return { data: { upsertIndicatorReport: { outcome: 'UPDATED' } } };
      const errors = representations.flatMap(({ id }, i) =>
        failing.has(id) ? [{ message: `Zone "${id}" is unavailable`, path: ['_entities', i], extensions: { zoneId: id } }] : [],
      );
      const response: DataSourceResponse = { data: { _entities: representations.map(({ id }) => (failing.has(id) ? null : { id, figure: figures[id] })) } };
      hooks.afterDataRead?.();
      hooks.afterDataRead = undefined;
      return errors.length > 0 ? { ...response, errors } : response;
    },
  };
  const store = new EntityStore({ maxEntries: 100, maxBytes: 1024 * 1024 });
  let endpoint = true;
  const zoneVersions = new ZoneVersions({
    send: async (_service, zones): Promise<DataVersionsAnswer> => {
      versionRequests.push([...zones]);
      if (!endpoint) return { status: 'failed', reason: 'unsupported', detail: '404' };
      return { status: 'answered', versions: new Map(zones.map((zone) => [zone, String(versions[zone])])) };
    },
    store,
    breakerClosed: () => true,
  });
  const cache = new ZoneReadCacheDataSource({ inner, registry, cache: new ZoneReadCache({ versions: zoneVersions, store }) });
  return {
    cache,
    sent,
    versionRequests,
    failing,
    hooks,
    write: (zone: string, figure: number) => {
      figures[zone] = figure;
      versions[zone]! += 1;
    },
    withoutEndpoint: () => (endpoint = false),
  };
}

function read(ids: string[], principal: Principal = admin): GraphQLDataSourceProcessOptions {
  return {
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query: READ, operationName: 'R', variables: { representations: ids.map((id) => ({ __typename: 'Zone', id })) } },
    document: parse(READ),
    context: { principal },
  } as unknown as GraphQLDataSourceProcessOptions;
}

const entities = (response: DataSourceResponse) => response.data?._entities;

describe('ZoneReadCacheDataSource', () => {
  it('serves a repeated read from the cache: one version request, no fetch, a copy of its own', async () => {
    const { cache, sent, versionRequests } = system();
    const first = await cache.process(read(['yongkang']));
    (entities(first) as { figure: number }[])[0]!.figure = -1; // the gateway merges answers in place

    const second = await cache.process(read(['yongkang']));

    expect(entities(second)).toEqual([{ id: 'yongkang', figure: 30 }]);
    expect(sent).toHaveLength(1);
    expect(versionRequests).toEqual([['yongkang'], ['yongkang']]);
  });

  it('fetches again once the zone version changed, and serves the write', async () => {
    const { cache, sent, write } = system();
    await cache.process(read(['yongkang']));
    write('yongkang', 31);

    expect(entities(await cache.process(read(['yongkang'])))).toEqual([{ id: 'yongkang', figure: 31 }]);
    expect(sent).toHaveLength(2);
  });

  it('labels an answer with the version read before it was fetched: a write landing after the data was read is seen by the next read', async () => {
    const { cache, hooks, write } = system();
    // The answer holds figure 30; the write commits before the answer is stored. Labelled with the
    // version read after the fetch, the old figure would be served as if it were the new version's.
    hooks.afterDataRead = () => write('yongkang', 32);
    expect(entities(await cache.process(read(['yongkang'])))).toEqual([{ id: 'yongkang', figure: 30 }]);

    expect(entities(await cache.process(read(['yongkang'])))).toEqual([{ id: 'yongkang', figure: 32 }]);
  });

  it('sends only what is not cached, in one call, and merges in the original order', async () => {
    const { cache, sent } = system();
    await cache.process(read(['feixi']));

    const response = await cache.process(read(['yongkang', 'feixi', 'chuzhou']));

    expect(entities(response)).toEqual([
      { id: 'yongkang', figure: 30 },
      { id: 'feixi', figure: 20 },
      { id: 'chuzhou', figure: 10 },
    ]);
    expect(sent.map((request) => request.variables?.representations)).toEqual([
      [{ __typename: 'Zone', id: 'feixi' }],
      [
        { __typename: 'Zone', id: 'yongkang' },
        { __typename: 'Zone', id: 'chuzhou' },
      ],
    ]);
  });

  it('does not store a zone the answer reported an error for, and renumbers its error', async () => {
    const { cache, sent, failing } = system();
    await cache.process(read(['yongkang']));
    failing.add('feixi');

    const response = await cache.process(read(['yongkang', 'feixi']));
    expect(response.errors).toEqual([{ message: 'Zone "feixi" is unavailable', path: ['_entities', 1], extensions: { zoneId: 'feixi' } }]);
    failing.clear();
    await cache.process(read(['feixi']));

    expect(sent.map((request) => (request.variables?.representations as { id: string }[]).map(({ id }) => id))).toEqual([['yongkang'], ['feixi'], ['feixi']]);
  });

  it('keys answers by principal: another scope is fetched', async () => {
    const { cache, sent } = system();
    await cache.process(read(['yongkang']));
    await cache.process(read(['yongkang'], { subject: 'key:zj', roles: ['ANALYST'], provinces: ['33'], zoneIds: [] }));

    expect(sent).toHaveLength(2);
  });

  it('passes a mutation through and forgets its zone', async () => {
    const { cache, sent } = system();
    await cache.process(read(['yongkang']));
    const mutation = {
      kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
      request: { query: MUTATION, operationName: 'M', variables: { zone: 'yongkang' } },
      document: parse(MUTATION),
      context: { principal: admin },
    } as unknown as GraphQLDataSourceProcessOptions;

    expect(await cache.process(mutation)).toEqual({ data: { upsertIndicatorReport: { outcome: 'UPDATED' } } });
    // Same version (this fake bumps none): only the dropped entry makes this a fetch.
    await cache.process(read(['yongkang']));
    expect(sent.map((request) => request.operationName)).toEqual(['R', 'M', 'R']);
  });

  it('reads with the versions its request has seen, until the request writes', async () => {
    const { cache, versionRequests, write } = system();
    const zoneVersionsSeen = new VersionsSeen();
    const inRequest = (options: GraphQLDataSourceProcessOptions) =>
      ({ ...options, context: { ...options.context, zoneVersionsSeen } }) as GraphQLDataSourceProcessOptions;
    await cache.process(inRequest(read(['yongkang'])));
    await cache.process(inRequest(read(['yongkang'])));
    expect(versionRequests).toEqual([['yongkang']]);

    write('yongkang', 31);
    const mutation = {
      kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
      request: { query: MUTATION, operationName: 'M', variables: { zone: 'yongkang' } },
      document: parse(MUTATION),
      context: { principal: admin, zoneVersionsSeen },
    } as unknown as GraphQLDataSourceProcessOptions;
    await cache.process(mutation);
    const after = await cache.process(inRequest(read(['yongkang'])));
    expect(versionRequests).toEqual([['yongkang'], ['yongkang']]);
    expect(entities(after)).toEqual([{ id: 'yongkang', figure: 31 }]);
  });

  it('serves a service without versions uncached, and asks it again only after a while', async () => {
    const { cache, sent, versionRequests, withoutEndpoint } = system();
    withoutEndpoint();
    await cache.process(read(['yongkang']));
    await cache.process(read(['yongkang']));

    expect(sent).toHaveLength(2);
    expect(versionRequests).toHaveLength(1);
  });

  it('passes through what is not an entity read', async () => {
    const { cache, sent, versionRequests } = system();
    const schemaLoad = {
      kind: GraphQLDataSourceRequestKind.LOADING_SCHEMA,
      request: { query: '{ _service { sdl } }' },
      context: {},
    } as GraphQLDataSourceProcessOptions;
    await cache.process(schemaLoad);
    await cache.process(schemaLoad);

    expect(sent).toHaveLength(2);
    expect(versionRequests).toHaveLength(0);
  });
});
