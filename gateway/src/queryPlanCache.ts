import type { GatewayConfig } from '@apollo/gateway';
import type { QueryPlanCacheSize } from '@devzone/observability';
import { LRUCache } from 'lru-cache';

/** The store `ApolloGateway` keeps query plans in (`queryPlannerConfig.cache`). */
export type QueryPlanCache = NonNullable<NonNullable<GatewayConfig['queryPlannerConfig']>['cache']>;

type QueryPlan = NonNullable<Awaited<ReturnType<QueryPlanCache['get']>>>;

/** `size()`: the plans held and their estimated memory (2 bytes per character of their JSON and key). */
export type SizedQueryPlanCache = QueryPlanCache & { size(): QueryPlanCacheSize };

/**
 * The query-plan cache, bounded by the estimated memory of its plans (the least
 * recently used leave first), as Apollo's own store is (30 MiB by default) but sized by
 * configuration and able to say what it holds. A plan larger than the whole budget is
 * planned again each time rather than stored.
 */
export function sizedQueryPlanCache(maxBytes: number): SizedQueryPlanCache {
  const plans = new LRUCache<string, QueryPlan>({
    maxSize: maxBytes,
    sizeCalculation: (plan, key) => 2 * (JSON.stringify(plan).length + key.length),
  });
  return {
    get: async (key) => plans.get(key),
    set: async (key, plan) => {
      plans.set(key, plan);
    },
    delete: async (key) => plans.delete(key),
    // The gateway clears it when the supergraph changes: plans of the old schema are of no use.
    clear: () => plans.clear(),
    size: () => ({ entries: plans.size, bytes: plans.calculatedSize }),
  };
}
