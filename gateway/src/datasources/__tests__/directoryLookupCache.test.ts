import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Principal } from '@devzone/auth';
import { StaticZoneServiceRegistry, type ZoneServiceRegistry } from '@devzone/registry';
import { createServiceMetrics, DirectoryLookupCacheMetrics } from '@devzone/observability';
import { parse } from 'graphql';
import { startAnswerRecord } from '../../answerCache/answerRecord';
import { directoryFetchKind, DirectoryLookupCache, listMatchesShardMap } from '../directoryLookupCache';
import { GraphQLDataSourceRequestKind, type DataSourceResponse } from '../types';

describe('directoryFetchKind', () => {
  it.each([
    '{zone(id:"yongkang"){__typename id}}',
    'query LookupX__province__0($v0:ID!){zone(id:$v0){__typename id}}',
    '{zones(ids:["a","b"]){__typename id}}',
    '{zones(ids:["a"]){__typename id} __typename}',
    '{zone(id:"a"){id} zones(province:"anhui", ids:["b"]){__typename}}',
  ])('is a key-only lookup: %s', (query) => {
    expect(directoryFetchKind(parse(query))).toBe('lookup');
  });

  it.each(['{zones{__typename id}}', 'query List__province__0{zones{__typename id}}', '{__typename zones{id}}'])('is a key-only list: %s', (query) => {
    expect(directoryFetchKind(parse(query))).toBe('list');
  });

  it.each([
    ['a directory field', '{zone(id:"yongkang"){__typename id nameEn}}'],
    ['an alias', '{z:zone(id:"yongkang"){__typename id}}'],
    ['an aliased key', '{zone(id:"yongkang"){key:id}}'],
    ['a directive', '{zone(id:"yongkang") @include(if: true) {id}}'],
    ['a fragment', '{zone(id:"yongkang"){...K}} fragment K on Zone {id}'],
    ['an inline fragment', '{zone(id:"yongkang"){... on Zone {id}}}'],
    ['another root field', '{zone(id:"yongkang"){id} compareZones(zoneIds:["a"], criteria:[]){__typename}}'],
    ['a mutation', 'mutation {zone(id:"yongkang"){id}}'],
    ["a province's list", '{zones(province:"anhui"){__typename id}}'],
    ['a list with a directory field', '{zones{__typename id nameEn}}'],
    ['a list beside a lookup', '{zones{__typename id} zone(id:"a"){id}}'],
    ['an aliased list', '{all:zones{__typename id}}'],
    ['an entity fetch', 'query($r:[_Any!]!){_entities(representations:$r){... on Zone{id}}}'],
  ])('is neither with %s', (_, query) => {
    expect(directoryFetchKind(parse(query))).toBeUndefined();
  });

  it('is neither without a document', () => {
    expect(directoryFetchKind(undefined)).toBeUndefined();
  });
});

describe('listMatchesShardMap', () => {
  const shardMap = new StaticZoneServiceRegistry([
    { name: 'service-a', url: 'http://127.0.0.1:4011/', zoneIds: ['z1', 'z2'] },
    { name: 'service-b', url: 'http://127.0.0.1:4012/', zoneIds: ['z3'] },
  ]);
  const list = (...ids: unknown[]) => ({ zones: ids.map((id) => ({ __typename: 'Zone', id })) });

  it('holds when the list names every zone of the shard map once, in any order', () => {
    expect(listMatchesShardMap(list('z3', 'z1', 'z2'), shardMap)).toBe(true);
  });

  it.each([
    ['a zone missing (registered a moment ago)', list('z1', 'z2')],
    ['a zone no service hosts (removed a moment ago)', list('z1', 'z2', 'z3', 'z4')],
    ['a zone twice', list('z1', 'z2', 'z2', 'z3')],
    ['an id that is not a string', list('z1', 'z2', 3)],
    ['no list', { zone: null }],
  ])('does not hold with %s', (_, data) => {
    expect(listMatchesShardMap(data, shardMap)).toBe(false);
  });
});

const LOOKUP = '{zone(id:"yongkang"){__typename id}}';
/** The static shard map, for a request whose context carries none (static mode). */
const STATIC_SHARD_MAP = new StaticZoneServiceRegistry([]);
const shardMapOf = (context: { shardMap?: ZoneServiceRegistry }): ZoneServiceRegistry => context.shardMap ?? STATIC_SHARD_MAP;
const principalOf = (subject: string): Principal => ({ subject, roles: ['ANALYST'], provinces: 'ALL', zoneIds: [] });

/** A province data source that answers `answer` and counts what it was sent. */
function countingProvince(answer: () => DataSourceResponse = () => ({ data: { zone: { __typename: 'Zone', id: 'yongkang' } } })) {
  const sent: string[] = [];
  const dataSource: GraphQLDataSource = {
    process: async (options: GraphQLDataSourceProcessOptions) => {
      sent.push(options.request.query ?? '');
      return answer();
    },
  };
  return { dataSource, sent };
}

function fetchOf(query: string, context: Record<string, unknown>, kind = GraphQLDataSourceRequestKind.INCOMING_OPERATION): GraphQLDataSourceProcessOptions {
  return { kind, request: { query, variables: {} }, context } as unknown as GraphQLDataSourceProcessOptions;
}

describe('DirectoryLookupCache', () => {
  const analyst = { principal: principalOf('analyst-a') };

  it('answers a repeated key-only lookup of the same caller from memory, a copy each time', async () => {
    const province = countingProvince();
    const cached = new DirectoryLookupCache({ ttlMs: 60_000 }).wrap(province.dataSource, shardMapOf);
    const first = await cached.process(fetchOf(LOOKUP, analyst));
    const second = await cached.process(fetchOf(LOOKUP, analyst));
    expect(second).toEqual(first);
    expect(province.sent).toHaveLength(1);
    // The gateway merges answers in place: changing one answer leaves the next untouched.
    (second.data as { zone: { id: string } }).zone.id = 'changed';
    expect((await cached.process(fetchOf(LOOKUP, analyst))).data).toEqual({ zone: { __typename: 'Zone', id: 'yongkang' } });
  });

  it('keeps an answer per principal, per shard map and per variables', async () => {
    const province = countingProvince();
    const cache = new DirectoryLookupCache({ ttlMs: 60_000 });
    const cached = cache.wrap(province.dataSource, shardMapOf);
    const before = new StaticZoneServiceRegistry([]);
    const after = new StaticZoneServiceRegistry([]);
    await cached.process(fetchOf(LOOKUP, { ...analyst, shardMap: before }));
    await cached.process(fetchOf(LOOKUP, { principal: principalOf('analyst-b'), shardMap: before }));
    await cached.process(fetchOf(LOOKUP, { ...analyst, shardMap: after }));
    await cached.process(fetchOf(LOOKUP, { ...analyst, shardMap: before }));
    expect(province.sent).toHaveLength(3);
    expect(cache.size).toBe(3);

    const withVariables = (v0: string) =>
      ({
        kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
        request: { query: 'query($v0:ID!){zone(id:$v0){__typename id}}', variables: { v0 } },
        context: analyst,
      }) as unknown as GraphQLDataSourceProcessOptions;
    await cached.process(withVariables('a'));
    await cached.process(withVariables('b'));
    await cached.process(withVariables('a'));
    expect(province.sent).toHaveLength(5);
  });

  it('never keeps an answer with errors, nor other fetches, nor fetches without a principal', async () => {
    const notFound = countingProvince(
      () => ({ data: { zone: null }, errors: [{ message: 'zone "x" not found', extensions: { code: 'NOT_FOUND' } }] }) as DataSourceResponse,
    );
    const cachedNotFound = new DirectoryLookupCache({ ttlMs: 60_000 }).wrap(notFound.dataSource, shardMapOf);
    await cachedNotFound.process(fetchOf(LOOKUP, analyst));
    await cachedNotFound.process(fetchOf(LOOKUP, analyst));
    expect(notFound.sent).toHaveLength(2);

    const province = countingProvince();
    const cached = new DirectoryLookupCache({ ttlMs: 60_000 }).wrap(province.dataSource, shardMapOf);
    const named = '{zone(id:"yongkang"){__typename id nameEn}}';
    for (let i = 0; i < 2; i += 1) {
      await cached.process(fetchOf(named, analyst));
      await cached.process(fetchOf(LOOKUP, { principal: null }));
      await cached.process(fetchOf(LOOKUP, analyst, GraphQLDataSourceRequestKind.HEALTH_CHECK));
      await cached.process(fetchOf('not graphql {', analyst));
    }
    expect(province.sent).toHaveLength(8);
  });

  it('keeps the whole list only while it names exactly the zones of the shard map it was asked under', async () => {
    const LIST = '{zones{__typename id}}';
    let listed = ['z1'];
    const province = countingProvince(() => ({ data: { zones: listed.map((id) => ({ __typename: 'Zone', id })) } }));
    const cached = new DirectoryLookupCache({ ttlMs: 60_000 }).wrap(province.dataSource, shardMapOf);
    const before = new StaticZoneServiceRegistry([{ name: 'service-a', url: 'http://127.0.0.1:4011/', zoneIds: ['z1'] }]);
    // z2 registered: the gateway follows the new shard map before the province lists z2.
    const after = new StaticZoneServiceRegistry([{ name: 'service-a', url: 'http://127.0.0.1:4011/', zoneIds: ['z1', 'z2'] }]);
    await cached.process(fetchOf(LIST, { ...analyst, shardMap: before }));
    expect((await cached.process(fetchOf(LIST, { ...analyst, shardMap: before }))).data).toEqual({ zones: [{ __typename: 'Zone', id: 'z1' }] });
    expect(province.sent).toHaveLength(1);
    await cached.process(fetchOf(LIST, { ...analyst, shardMap: after }));
    await cached.process(fetchOf(LIST, { ...analyst, shardMap: after }));
    expect(province.sent).toHaveLength(3);
    listed = ['z1', 'z2'];
    expect((await cached.process(fetchOf(LIST, { ...analyst, shardMap: after }))).data).toEqual({
      zones: [
        { __typename: 'Zone', id: 'z1' },
        { __typename: 'Zone', id: 'z2' },
      ],
    });
    await cached.process(fetchOf(LIST, { ...analyst, shardMap: after }));
    expect(province.sent).toHaveLength(4);
    // A list scoped to one province is never kept.
    await cached.process(fetchOf('{zones(province:"anhui"){__typename id}}', { ...analyst, shardMap: after }));
    await cached.process(fetchOf('{zones(province:"anhui"){__typename id}}', { ...analyst, shardMap: after }));
    expect(province.sent).toHaveLength(6);
  });

  it('hands a kept answer over at once (keptAnswer), counted as a hit and vouched for; a miss is left to the fetch, which counts it', async () => {
    const { registry } = createServiceMetrics();
    const province = countingProvince();
    const cache = new DirectoryLookupCache({ ttlMs: 60_000, metrics: (entries) => new DirectoryLookupCacheMetrics(registry, entries) });
    const cached = cache.wrap(province.dataSource, shardMapOf);
    const served = async () => (await registry.getSingleMetric('directory_lookup_cache_requests_total')?.get())?.values.map((v) => [v.labels.result, v.value]);
    expect(cache.keptAnswer(fetchOf(LOOKUP, analyst), shardMapOf)).toBeUndefined();
    expect(await served()).toEqual([]);
    await cached.process(fetchOf(LOOKUP, analyst));
    const context = { ...analyst };
    const record = startAnswerRecord(context);
    record.fetchStarted();
    const kept = cache.keptAnswer(fetchOf(LOOKUP, context), shardMapOf);
    expect(kept).toEqual({ zone: { __typename: 'Zone', id: 'yongkang' } });
    expect(record.repeatable).toBe(true);
    expect(record.expiresAt).toBeLessThanOrEqual(Date.now() + 60_000);
    // A copy: the kept answer stays as it was.
    (kept as { zone: { id: string } }).zone.id = 'changed';
    expect(cache.keptAnswer(fetchOf(LOOKUP, analyst), shardMapOf)).toEqual({ zone: { __typename: 'Zone', id: 'yongkang' } });
    expect(cache.keptAnswer(fetchOf('{zone(id:"yongkang"){__typename id nameEn}}', analyst), shardMapOf)).toBeUndefined();
    expect(province.sent).toHaveLength(1);
    expect(await served()).toEqual([
      ['miss', 1],
      ['hit', 2],
    ]);
  });

  it('sets no timer for a lookup: an idle gateway is not woken up while its zone fetch is out', async () => {
    const province = countingProvince();
    const cached = new DirectoryLookupCache({ ttlMs: 60_000 }).wrap(province.dataSource, shardMapOf);
    await cached.process(fetchOf(LOOKUP, analyst));
    const timers = jest.spyOn(global, 'setTimeout');
    try {
      for (let i = 0; i < 3; i += 1) await cached.process(fetchOf(LOOKUP, analyst));
      expect(province.sent).toHaveLength(1);
      expect(timers).not.toHaveBeenCalled();
    } finally {
      timers.mockRestore();
    }
  });

  it('serves an answer for ttlMs at most', async () => {
    const province = countingProvince();
    const cached = new DirectoryLookupCache({ ttlMs: 40 }).wrap(province.dataSource, shardMapOf);
    await cached.process(fetchOf(LOOKUP, analyst));
    await cached.process(fetchOf(LOOKUP, analyst));
    expect(province.sent).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await cached.process(fetchOf(LOOKUP, analyst));
    expect(province.sent).toHaveLength(2);
  });
});
