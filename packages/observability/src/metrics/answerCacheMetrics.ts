import { Counter, Gauge, type Registry } from 'prom-client';

/** How a client query met the answer cache: served as kept (`hit`), kept but no longer current (`stale`), nothing kept (`miss`). */
export type AnswerCacheResult = 'hit' | 'stale' | 'miss';

/** What the gateway's answer cache holds when scraped. */
export interface AnswerCacheSize {
  readonly entries: number;
  readonly bytes: number;
}

/** The gateway's answer cache: client queries served whole from it, and how full it is (in the style of `zone_read_cache_*`). */
export class AnswerCacheMetrics {
  private readonly requests: Counter<'result'>;

  constructor(registry: Registry, size: () => AnswerCacheSize) {
    this.requests = new Counter({
      name: 'answer_cache_requests_total',
      help: 'Client queries the answer cache was asked for: served whole from it (hit), kept but a zone changed since or the directory part expired (stale), or nothing kept (miss).',
      labelNames: ['result'],
      registers: [registry],
    });
    new Gauge({
      name: 'answer_cache_entries',
      help: 'Answers the answer cache holds when scraped.',
      registers: [registry],
      collect() {
        this.set(size().entries);
      },
    });
    new Gauge({
      name: 'answer_cache_size_bytes',
      help: 'Estimated memory of the answers the answer cache holds when scraped (2 bytes per character of their JSON and key).',
      registers: [registry],
      collect() {
        this.set(size().bytes);
      },
    });
  }

  served(result: AnswerCacheResult): void {
    this.requests.inc({ result });
  }
}
