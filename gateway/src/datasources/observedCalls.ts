import { subgraphCallObserver, type SubgraphFetchMetrics } from '@devzone/observability';
import type { CallObserver } from '@devzone/shard-router';
import { ZONES_SUBGRAPH } from '../subgraphNames';

/**
 * The gateway's signals of every guarded call: a `subgraph.fetch <service>` span, and with
 * `fetches` the fetch metrics (`subgraph_request_*`) of its `/metrics`.
 */
export function observedCalls(fetches?: SubgraphFetchMetrics): CallObserver {
  return subgraphCallObserver(ZONES_SUBGRAPH, fetches);
}
