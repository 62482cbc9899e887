import { Counter, type Registry } from 'prom-client';

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
  return new Proxy(cache, {
    get(target, property) {
      if (property === 'get') {
        return async (key: string) => {
          const plan = await target.get(key);
          requests.inc({ result: plan === undefined ? 'miss' : 'hit' });
          return plan;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
