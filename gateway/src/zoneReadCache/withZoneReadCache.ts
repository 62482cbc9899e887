import type { GraphQLDataSource } from '@apollo/gateway';
import type { SigningKeys } from '@devzone/auth';
import { ZoneReadCacheMetrics, type ServiceMetrics } from '@devzone/observability';
import type { ZoneServiceRegistry } from '@devzone/registry';
import { loadZoneReadCacheConfig, type ZoneReadCacheConfig } from '../config';
import { EntityStore } from './entityStore';
import { fetchDataVersions } from './fetchDataVersions';
import { ZoneReadCacheDataSource } from './ZoneReadCacheDataSource';
import { ZoneVersions } from './zoneVersions';

/** The breakers the zone services' calls go through (`ServiceHealthBoard`): version requests skip a service whose breaker is not closed. */
export interface ZoneBreakers {
  breaker(kind: 'zone', name: string): { snapshot(): { readonly state: { readonly state: string } } };
}

export interface ZoneReadCacheDependencies {
  /** Which service hosts which zone, as the zones data source routes. */
  readonly registry: ZoneServiceRegistry;
  /** The deployment's keys: version requests are signed like subgraph requests. */
  readonly signingKeys?: SigningKeys | undefined;
  /** The zone services' deadline: a version request gets the smaller of it and `VERSION_TIMEOUT_CAP_MS`. */
  readonly timeoutMs: number;
  readonly breakers: ZoneBreakers;
  /** Where hits, misses and version checks are counted (`/metrics`). */
  readonly metricsRegistry?: ServiceMetrics['registry'] | undefined;
  /** @default loadZoneReadCacheConfig(process.env) */
  readonly config?: ZoneReadCacheConfig;
}

/**
 * A version lookup is one indexed statement: a service that takes longer is in trouble, and its
 * reads go uncached rather than wait for versions and then for the data, each up to its deadline.
 */
export const VERSION_TIMEOUT_CAP_MS = 1000;

const wrapped = new WeakMap<GraphQLDataSource, GraphQLDataSource>();

/**
 * The zones data source behind the zone-read cache (`ZONE_READ_CACHE=on`, the default), or
 * as it is (`off`). The gateway may ask for a subgraph's data source again when its
 * supergraph changes: the same wrapper, and so the same cache and metrics, is given again.
 */
export function withZoneReadCache(inner: GraphQLDataSource, dependencies: ZoneReadCacheDependencies): GraphQLDataSource {
  const existing = wrapped.get(inner);
  if (existing) return existing;
  const { registry, signingKeys, timeoutMs, breakers, metricsRegistry } = dependencies;
  const config = dependencies.config ?? loadZoneReadCacheConfig(process.env);
  if (!config.enabled) return inner;
  const store = new EntityStore(config);
  const observer = metricsRegistry ? new ZoneReadCacheMetrics(metricsRegistry, () => store.size) : undefined;
  const versions = new ZoneVersions({
    send: (service, zones) => fetchDataVersions(service.url, zones, { signingKeys, timeoutMs: Math.min(timeoutMs, VERSION_TIMEOUT_CAP_MS) }),
    store,
    breakerClosed: (service) => breakers.breaker('zone', service).snapshot().state.state === 'closed',
    ...(observer ? { observer } : {}),
  });
  const cache = new ZoneReadCacheDataSource({ inner, registry, versions, store, ...(observer ? { observer } : {}) });
  wrapped.set(inner, cache);
  return cache;
}
