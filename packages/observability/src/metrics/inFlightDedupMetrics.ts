import { Counter, type Registry } from 'prom-client';

/** The gateway's in-flight deduplication of identical subgraph reads: how many were sent, how many joined one in flight. */
export class InFlightDedupMetrics {
  private readonly fetches: Counter<'subgraph' | 'result'>;

  constructor(registry: Registry) {
    this.fetches = new Counter({
      name: 'subgraph_fetch_dedup_total',
      help: 'Subgraph reads of client operations: sent (a fetch of its own) or shared (joined an identical read in flight, no fetch sent).',
      labelNames: ['subgraph', 'result'],
      registers: [registry],
    });
  }

  sent(subgraph: string): void {
    this.fetches.inc({ subgraph, result: 'sent' });
  }

  shared(subgraph: string): void {
    this.fetches.inc({ subgraph, result: 'shared' });
  }
}
