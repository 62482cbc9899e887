import { Counter, Histogram, type Registry } from 'prom-client';
import { HTTP_DURATION_BUCKETS } from './httpServerMetrics';

/** One service behind a subgraph: `{ subgraph: 'zones', service: 'anhui' }`, `{ subgraph: 'province', service: 'province' }`. */
export interface SubgraphService {
  readonly subgraph: string;
  readonly service: string;
}

/**
 * Why a fetch failed. Not sent at all: `breaker_open` (the service's breaker refused it),
 * `request_deadline` (the client operation's deadline had passed), `failed_earlier` (the
 * service already failed this operation). Sent: `timeout`, `bad_answer` (refused: wrong
 * entities, not JSON, too large), `error` (connection refused or reset, HTTP 5xx).
 */
const SUBGRAPH_FETCH_FAILURES = ['breaker_open', 'request_deadline', 'failed_earlier', 'timeout', 'bad_answer', 'error'] as const;
export type SubgraphFetchFailure = (typeof SUBGRAPH_FETCH_FAILURES)[number];

const OUTCOMES = ['answered', 'failed'] as const;

type FetchLabel = 'subgraph' | 'service';

/** Per zone service (and the province): how long the fetches of this service (the gateway's, the province's) took and why they failed. */
export class SubgraphFetchMetrics {
  private readonly duration: Histogram<FetchLabel | 'outcome'>;
  private readonly failures: Counter<FetchLabel | 'reason'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'subgraph_request_duration_seconds',
      help: 'Duration of the fetches this service (the gateway, or the province reading zones) sent to one service of a subgraph, retry included, until the answer was checked.',
      labelNames: ['subgraph', 'service', 'outcome'],
      buckets: HTTP_DURATION_BUCKETS,
      registers: [registry],
    });
    this.failures = new Counter({
      name: 'subgraph_request_failures_total',
      help: 'Fetches to one service of a subgraph that failed or were refused without being sent, by reason.',
      labelNames: ['subgraph', 'service', 'reason'],
      registers: [registry],
    });
  }

  /** A fetch that was sent, however it ended. */
  observe({ subgraph, service }: SubgraphService, seconds: number, outcome: 'answered' | 'failed'): void {
    this.duration.observe({ subgraph, service, outcome }, seconds);
  }

  fail({ subgraph, service }: SubgraphService, reason: SubgraphFetchFailure): void {
    this.failures.inc({ subgraph, service, reason });
  }

  /** Removes every series of a service that left: `/metrics` no longer lists it. */
  forget({ subgraph, service }: SubgraphService): void {
    for (const outcome of OUTCOMES) this.duration.remove({ subgraph, service, outcome });
    for (const reason of SUBGRAPH_FETCH_FAILURES) this.failures.remove({ subgraph, service, reason });
  }
}
