import { Counter, type Registry } from 'prom-client';
import { cacheSizeGauges, type CacheSize } from './cacheSizeGauges';

/** How one representation of a zone read was served: from the cache, fetched (`miss`), or fetched without a version to key it by (`bypass`). */
export type ZoneReadCacheResult = 'hit' | 'miss' | 'bypass';

/**
 * Why a zone service's data versions were not read: `unsupported` (it has no version
 * endpoint: 404, or an answer that is not the contract's), `timeout`, `error` (connection
 * failed, HTTP status other than 200/404).
 */
const VERSION_CHECK_FAILURES = ['unsupported', 'timeout', 'error'] as const;
export type ZoneVersionCheckFailure = (typeof VERSION_CHECK_FAILURES)[number];

/** What the gateway's zone-read cache holds when scraped. */
export type ZoneReadCacheSize = CacheSize;

/**
 * A zone-read cache (the gateway's, or the province's in its own `/metrics`): entity reads
 * served from it or fetched, the version requests that validate every cached read, and how full it is. In the style of
 * `query_plan_cache_requests_total{result}` (Apollo Router's `apollo.router.cache.*`).
 */
export class ZoneReadCacheMetrics {
  private readonly requests: Counter<'result'>;
  private readonly versionChecks: Counter<'service'>;
  private readonly versionCheckFailures: Counter<'service' | 'reason'>;

  constructor(registry: Registry, size: () => ZoneReadCacheSize) {
    this.requests = new Counter({
      name: 'zone_read_cache_requests_total',
      help: 'Entity representations of zone reads: served from the zone-read cache (hit), fetched and stored (miss), or fetched without a zone version to key them by (bypass).',
      labelNames: ['result'],
      registers: [registry],
    });
    this.versionChecks = new Counter({
      name: 'zone_read_cache_version_checks_total',
      help: 'Data-version requests the zone-read cache sent to one zone service (one per service per batch of concurrent reads).',
      labelNames: ['service'],
      registers: [registry],
    });
    this.versionCheckFailures = new Counter({
      name: 'zone_read_cache_version_check_failures_total',
      help: "Data-version requests to one zone service that failed, by reason; that batch's reads were fetched uncached.",
      labelNames: ['service', 'reason'],
      registers: [registry],
    });
    cacheSizeGauges(
      registry,
      'zone_read_cache',
      {
        entries: 'Entities the zone-read cache holds when scraped.',
        bytes: 'Estimated memory of the entities the zone-read cache holds when scraped (2 bytes per character of their JSON and key).',
      },
      size,
    );
  }

  served(result: ZoneReadCacheResult, count = 1): void {
    if (count > 0) this.requests.inc({ result }, count);
  }

  versionCheck(service: string): void {
    this.versionChecks.inc({ service });
  }

  versionCheckFailed(service: string, reason: ZoneVersionCheckFailure): void {
    this.versionCheckFailures.inc({ service, reason });
  }

  /** Removes the version-request series of a service that left: `/metrics` no longer lists it. */
  forgetService(service: string): void {
    this.versionChecks.remove({ service });
    for (const reason of VERSION_CHECK_FAILURES) this.versionCheckFailures.remove({ service, reason });
  }
}
