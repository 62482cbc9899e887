import type { GraphQLDataSource } from '@apollo/gateway';
import type { SigningKeys } from '@devzone/auth';
import { ZoneReadCacheMetrics, type ServiceMetrics } from '@devzone/observability';
import type { ZoneServiceRegistry } from '@devzone/registry';
import { createZoneReadCache, type ZoneBreakers } from '@devzone/shard-router';
import { loadZoneReadCacheConfig, type ZoneReadCacheConfig } from '../config';
import { ZoneReadCacheDataSource } from './ZoneReadCacheDataSource';

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
  const cache = createZoneReadCache({
    limits: config,
    signingKeys,
    timeoutMs,
    breakers,
    ...(metricsRegistry ? { observerOf: (size) => new ZoneReadCacheMetrics(metricsRegistry, size) } : {}),
  });
  const dataSource = new ZoneReadCacheDataSource({ inner, registry, cache });
  wrapped.set(inner, dataSource);
  return dataSource;
}
