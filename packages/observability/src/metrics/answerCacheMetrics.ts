import { Counter, type Registry } from 'prom-client';
import { cacheSizeGauges, type CacheSize } from './cacheSizeGauges';

/** How a client query met the answer cache: served as kept (`hit`), kept but no longer current (`stale`), nothing kept (`miss`). */
export type AnswerCacheResult = 'hit' | 'stale' | 'miss';

/** What the gateway's answer cache holds when scraped. */
export type AnswerCacheSize = CacheSize;

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
    cacheSizeGauges(
      registry,
      'answer_cache',
      {
        entries: 'Answers the answer cache holds when scraped.',
        bytes: 'Estimated memory of the answers the answer cache holds when scraped (2 bytes per character of their JSON and key).',
      },
      size,
    );
  }

  served(result: AnswerCacheResult): void {
    this.requests.inc({ result });
  }
}
