import { subgraphCallObserver } from '@devzone/observability';
import type { CallObserver } from '@devzone/shard-router';
import { ZONES_SUBGRAPH } from '../subgraphNames';

/**
 * The gateway's signals of every guarded call: a `subgraph.fetch <service>` span, and the
 * request's fetch metrics (`subgraph_request_*`) when the call belongs to a client request.
 */
export const observedCalls: CallObserver = subgraphCallObserver(ZONES_SUBGRAPH);
