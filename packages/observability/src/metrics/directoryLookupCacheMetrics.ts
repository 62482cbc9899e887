import { Counter, Gauge, type Registry } from 'prom-client';

/** How a province fetch that only looks zones up by key was served: from the gateway's memory, or sent to the province. */
export type DirectoryLookupCacheResult = 'hit' | 'miss';

/**
 * The gateway's cache of the province's key-only zone lookups (`zone(id:) { id }`,
 * `zones { id }`): lookups answered without a province round trip, and how many it holds.
 */
export class DirectoryLookupCacheMetrics {
  private readonly requests: Counter<'result'>;

  constructor(registry: Registry, entries: () => number) {
    this.requests = new Counter({
      name: 'directory_lookup_cache_requests_total',
      help: "Province fetches that only look zones up by key: answered from the gateway's directory-lookup cache (hit) or sent to the province (miss).",
      labelNames: ['result'],
      registers: [registry],
    });
    new Gauge({
      name: 'directory_lookup_cache_entries',
      help: "Answers the gateway's directory-lookup cache holds when scraped.",
      registers: [registry],
      collect() {
        this.set(entries());
      },
    });
  }

  served(result: DirectoryLookupCacheResult): void {
    this.requests.inc({ result });
  }
}
