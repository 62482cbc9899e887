import { Counter, type Registry } from 'prom-client';
import { cacheSizeGauges, type CacheSize } from './cacheSizeGauges';

/** The part of Apollo's `KeyValueCache` a query-plan store is read through. */
export interface QueryPlanCacheLike<V> {
  get(key: string): Promise<V | undefined>;
}

/**
 * The cache wrapped so that every read counts as a hit or a miss in
 * `query_plan_cache_requests_total{result}`. Give it to `ApolloGateway` as
 * `queryPlannerConfig.cache`: the gateway's own store is private.
 */
export function countingQueryPlanCache<V, C extends QueryPlanCacheLike<V>>(cache: C, registry: Registry): C {
  const requests = new Counter({
    name: 'query_plan_cache_requests_total',
    help: "Reads of the gateway's query-plan cache: a hit reuses a plan, a miss plans the operation.",
    labelNames: ['result'],
    registers: [registry],
  });
  const countedGet = async (key: string): Promise<V | undefined> => {
    const plan = await cache.get(key);
    requests.inc({ result: plan === undefined ? 'miss' : 'hit' });
    return plan;
  };
  return new Proxy(cache, {
    get(target, property) {
      if (property === 'get') return countedGet;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** What a query-plan cache holds when scraped. */
export type QueryPlanCacheSize = CacheSize;

/** `query_plan_cache_entries` and `query_plan_cache_size_bytes`, read from the cache at each scrape. */
export function queryPlanCacheSizeGauges(registry: Registry, size: () => QueryPlanCacheSize): void {
  cacheSizeGauges(
    registry,
    'query_plan_cache',
    {
      entries: "Query plans the gateway's plan cache holds when scraped.",
      bytes:
        "Estimated memory of the plans the gateway's plan cache holds when scraped (2 bytes per character of their JSON and key), against GATEWAY_QUERY_PLAN_CACHE_MIB.",
    },
    size,
  );
}
