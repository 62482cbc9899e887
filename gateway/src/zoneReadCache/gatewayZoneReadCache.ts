import type { SigningKeys } from '@devzone/auth';
import { ZoneReadCacheMetrics, type ServiceMetrics } from '@devzone/observability';
import { createZoneReadCache, type ZoneBreakers, type ZoneReadCache } from '@devzone/shard-router';
import { loadZoneReadCacheConfig, type ZoneReadCacheConfig } from '../config';

export interface ZoneReadCacheDependencies {
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
 * The gateway's zone-read cache (`ZONE_READ_CACHE=on`, the default), one per gateway: the
 * zones data source reads through it (`ZoneReadCacheDataSource`) and the answer cache asks it
 * whether zones are still at the versions an answer was built from. Undefined when `off`.
 */
export function gatewayZoneReadCache(dependencies: ZoneReadCacheDependencies): ZoneReadCache | undefined {
  const { signingKeys, timeoutMs, breakers, metricsRegistry } = dependencies;
  const config = dependencies.config ?? loadZoneReadCacheConfig(process.env);
  if (!config.enabled) return undefined;
  return createZoneReadCache({
    limits: config,
    signingKeys,
    timeoutMs,
    breakers,
    ...(metricsRegistry ? { observerOf: (size) => new ZoneReadCacheMetrics(metricsRegistry, size) } : {}),
  });
}
