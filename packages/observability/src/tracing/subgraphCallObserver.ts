import type { SubgraphFetchFailure, SubgraphFetchMetrics, SubgraphService } from '../metrics/subgraphFetchMetrics';
import { tracingStarted } from './tracingState';
import { withSpan } from './withSpan';

/** What one guarded call tells its observer (the shape of `@devzone/shard-router`'s CallWatch). */
export interface SubgraphCallWatch {
  sent(seconds: number, outcome: 'answered' | 'failed'): void;
  failed(reason: SubgraphFetchFailure, message: string): void;
}

/** A `CallObserver` of `@devzone/shard-router`, kept structural so that this package needs no router. */
export interface SubgraphCallObserver {
  watch<T>(target: { readonly kind: string; readonly name: string }, call: (watch: SubgraphCallWatch) => Promise<T>): Promise<T>;
  /** Drops what it keeps of a service that left: its labels and span name, and its fetch series. */
  forget(target: { readonly kind: string; readonly name: string }): void;
}

/** What the observer keeps of one service it has watched: its labels, its span's name and attributes, and its watch when no span is begun. */
interface WatchedService {
  readonly service: SubgraphService;
  readonly spanName: string;
  readonly spanAttributes: Readonly<Record<string, string>>;
  readonly untraced: SubgraphCallWatch;
  /** Set once the service left: a call still under way then counts nowhere (its series are gone). */
  forgotten: boolean;
}

/**
 * The signals of every guarded call a service sends to the zone services or the province: a
 * `subgraph.fetch <service>` span, and, with `fetches`, the fetch metrics (`subgraph_request_*`).
 * Zone services are labelled with the subgraph `zonesSubgraph`, the province with its name.
 * What a service's calls share (labels, span name, and without tracing the watch itself) is
 * built once per service, not per call: services are few, calls are every request's.
 */
export function subgraphCallObserver(zonesSubgraph: string, fetches?: SubgraphFetchMetrics): SubgraphCallObserver {
  const watched = new Map<string, Map<string, WatchedService>>();
  const watchedService = (kind: string, name: string): WatchedService => {
    let ofKind = watched.get(kind);
    if (!ofKind) {
      ofKind = new Map();
      watched.set(kind, ofKind);
    }
    let known = ofKind.get(name);
    if (!known) {
      const service: SubgraphService = { subgraph: kind === 'zone' ? zonesSubgraph : name, service: name };
      const entry: WatchedService = {
        service,
        spanName: `subgraph.fetch ${name}`,
        spanAttributes: { 'graphql.subgraph.name': service.subgraph, 'subgraph.service': name },
        untraced: {
          sent: (seconds, outcome) => {
            if (!entry.forgotten) fetches?.observe(service, seconds, outcome);
          },
          failed: (reason) => {
            if (!entry.forgotten) fetches?.fail(service, reason);
          },
        },
        forgotten: false,
      };
      known = entry;
      ofKind.set(name, known);
    }
    return known;
  };
  return {
    forget: ({ kind, name }) => {
      const known = watched.get(kind)?.get(name);
      if (!known) return;
      known.forgotten = true;
      watched.get(kind)!.delete(name);
      fetches?.forget(known.service);
    },
    watch: (target, call) => {
      const { spanName, spanAttributes, untraced } = watchedService(target.kind, target.name);
      if (!tracingStarted()) return call(untraced);
      return withSpan(spanName, spanAttributes, (span) =>
        call({
          sent: untraced.sent,
          failed: (reason, message) => {
            untraced.failed(reason, message);
            span.setAttributes({ 'subgraph.failure': reason });
            span.fail(message);
          },
        }),
      );
    },
  };
}
