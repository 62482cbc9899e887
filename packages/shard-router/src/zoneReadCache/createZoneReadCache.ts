import type { SigningKeys } from '@devzone/auth';
import { EntityStore, type EntityStoreOptions } from './entityStore';
import { fetchDataVersions } from './fetchDataVersions';
import { ZoneReadCache } from './ZoneReadCache';
import { ZoneVersions, type ZoneReadCacheObserver } from './zoneVersions';

/**
 * A version lookup is one indexed statement: a service that takes longer is in trouble, and its
 * reads go uncached rather than wait for versions and then for the data, each up to its deadline.
 */
export const VERSION_TIMEOUT_CAP_MS = 1000;

/** The breakers the zone services' calls go through (`ServiceHealthBoard`). */
export interface ZoneBreakers {
  breaker(kind: 'zone', name: string): { snapshot(): { readonly state: { readonly state: string } } };
}

/** Bounds and defaults of ZONE_READ_CACHE_MAX_ENTRIES and ZONE_READ_CACHE_MAX_BYTES, for every process that reads them. */
export const ZONE_READ_CACHE_BOUNDS = {
  maxEntries: { min: 1, max: 10_000_000, default: 10_000 },
  maxBytes: { min: 64 * 1024, max: 16 * 1024 ** 3, default: 64 * 1024 * 1024 },
} as const;

export interface ZoneReadCacheDependencies {
  /** Bounds of the store (ZONE_READ_CACHE_MAX_ENTRIES, ZONE_READ_CACHE_MAX_BYTES). */
  readonly limits: EntityStoreOptions;
  /** The deployment's keys: version requests are signed like subgraph requests. */
  readonly signingKeys?: SigningKeys | undefined;
  /** The zone services' deadline: a version request gets the smaller of it and `VERSION_TIMEOUT_CAP_MS`. */
  readonly timeoutMs: number;
  /** The breakers the zone services' calls go through: version requests skip a service whose breaker is not closed. */
  readonly breakers: ZoneBreakers;
  /** Where hits, misses and version checks are reported, given what the store holds. */
  readonly observerOf?: (size: () => EntityStore['size']) => ZoneReadCacheObserver;
}

/** A zone-read cache whose versions are asked of the zone services over the pooled transport, one per process. */
export function createZoneReadCache({ limits, signingKeys, timeoutMs, breakers, observerOf }: ZoneReadCacheDependencies): ZoneReadCache {
  const store = new EntityStore(limits);
  const observer = observerOf?.(() => store.size);
  const versions = new ZoneVersions({
    send: (service, zones) => fetchDataVersions(service.url, zones, { signingKeys, timeoutMs: Math.min(timeoutMs, VERSION_TIMEOUT_CAP_MS) }),
    store,
    breakerClosed: (service) => breakers.breaker('zone', service).snapshot().state.state === 'closed',
    ...(observer ? { observer } : {}),
  });
  return new ZoneReadCache({ versions, store, observer });
}
