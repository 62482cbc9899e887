import { currentRequestScope, withSpan, type SubgraphService } from '@devzone/observability';
import type { CallObserver } from '@devzone/shard-router';
import { ZONES_SUBGRAPH } from '../subgraphNames';

/**
 * The gateway's signals of every guarded call: a `subgraph.fetch <service>` span, and the
 * request's fetch metrics (`subgraph_request_*`) when the call belongs to a client request.
 */
export const observedCalls: CallObserver = {
  watch: (target, call) => {
    const service: SubgraphService = { subgraph: target.kind === 'zone' ? ZONES_SUBGRAPH : target.name, service: target.name };
    const fetches = currentRequestScope()?.fetches;
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
