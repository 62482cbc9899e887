import { Gauge, type Registry } from 'prom-client';
import type { SubgraphService } from './subgraphFetchMetrics';

export type BreakerStateName = 'closed' | 'half-open' | 'open';

/** Ordered by severity, so that `max by (service)` and `== 2` read naturally. */
export const BREAKER_STATE_VALUES: Readonly<Record<BreakerStateName, number>> = { closed: 0, 'half-open': 1, open: 2 };

export interface BreakerStateReading extends SubgraphService {
  readonly state: BreakerStateName;
}

/** `circuit_breaker_state{subgraph, service}`: each service's breaker as it is when scraped. */
export function breakerStateGauge(registry: Registry, read: () => Iterable<BreakerStateReading>): void {
  new Gauge({
    name: 'circuit_breaker_state',
    help: "State of the gateway's circuit breaker of one service: 0 closed, 1 half-open (one probe under way), 2 open (calls refused at once).",
    labelNames: ['subgraph', 'service'],
    registers: [registry],
    collect() {
      this.reset();
      for (const { subgraph, service, state } of read()) this.set({ subgraph, service }, BREAKER_STATE_VALUES[state]);
    },
  });
}
