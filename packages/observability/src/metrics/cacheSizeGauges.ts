import { Gauge, type Registry } from 'prom-client';

/** What an in-memory cache holds when scraped: its entries and their estimated memory. */
export interface CacheSize {
  readonly entries: number;
  readonly bytes: number;
}

/** The help text of the two gauges. */
export interface CacheSizeHelp {
  readonly entries: string;
  readonly bytes: string;
}

/** `<prefix>_entries` and `<prefix>_size_bytes`, read from the cache at each scrape. */
export function cacheSizeGauges(registry: Registry, prefix: string, help: CacheSizeHelp, size: () => CacheSize): void {
  new Gauge({
    name: `${prefix}_entries`,
    help: help.entries,
    registers: [registry],
    collect() {
      this.set(size().entries);
    },
  });
  new Gauge({
    name: `${prefix}_size_bytes`,
    help: help.bytes,
    registers: [registry],
    collect() {
      this.set(size().bytes);
    },
  });
}
