import { Counter, Gauge, type Registry } from 'prom-client';

/** `served`: answered by the prepared path; `fallback`: a prepared operation Apollo Server answered after all (a refusal, an error, an unexpected answer). */
export type PreparedReadResult = 'served' | 'fallback';

/** The gateway's prepared reads (`GATEWAY_PREPARED_READS`) on its `/metrics`. */
export class PreparedReadMetrics {
  private readonly requests: Counter<'result'>;

  constructor(registry: Registry, entries: () => number) {
    this.requests = new Counter({
      name: 'prepared_read_requests_total',
      help: "Requests for an operation the gateway prepared (a directory lookup, then one entity fetch): answered by the prepared path (served) or by Apollo Server's pipeline (fallback).",
      labelNames: ['result'],
      registers: [registry],
    });
    new Gauge({
      name: 'prepared_read_operations',
      help: 'Operations the gateway holds prepared when scraped.',
      registers: [registry],
      collect() {
        this.set(entries());
      },
    });
  }

  served(result: PreparedReadResult): void {
    this.requests.inc({ result });
  }
}
