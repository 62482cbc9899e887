import type { SubgraphFetchFailure, SubgraphFetchMetrics, SubgraphService } from '../metrics/subgraphFetchMetrics';
import { withSpan } from './withSpan';

/** What one guarded call tells its observer (the shape of `@devzone/shard-router`'s CallWatch). */
export interface SubgraphCallWatch {
  sent(seconds: number, outcome: 'answered' | 'failed'): void;
  failed(reason: SubgraphFetchFailure, message: string): void;
}

/** A `CallObserver` of `@devzone/shard-router`, kept structural so that this package needs no router. */
export interface SubgraphCallObserver {
  watch<T>(target: { readonly kind: string; readonly name: string }, call: (watch: SubgraphCallWatch) => Promise<T>): Promise<T>;
}

/**
 * The signals of every guarded call a service sends to the zone services or the province: a
 * `subgraph.fetch <service>` span, and, with `fetches`, the fetch metrics (`subgraph_request_*`).
 * Zone services are labelled with the subgraph `zonesSubgraph`, the province with its name.
 */
export function subgraphCallObserver(zonesSubgraph: string, fetches?: SubgraphFetchMetrics): SubgraphCallObserver {
  return {
    watch: (target, call) => {
      const service: SubgraphService = { subgraph: target.kind === 'zone' ? zonesSubgraph : target.name, service: target.name };
      return withSpan(`subgraph.fetch ${service.service}`, { 'graphql.subgraph.name': service.subgraph, 'subgraph.service': service.service }, (span) =>
        call({
          sent: (seconds, outcome) => fetches?.observe(service, seconds, outcome),
          failed: (reason, message) => {
            fetches?.fail(service, reason);
            span.setAttributes({ 'subgraph.failure': reason });
            span.fail(message);
          },
        }),
      );
    },
  };
}
