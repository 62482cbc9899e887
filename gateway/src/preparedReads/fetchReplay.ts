import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { requestScopeOf, type RequestScope } from '@devzone/observability';
import type { DataSourceResponse } from '../datasources/types';

/** How a fetch of the prepared path ended: its answer, or what it threw. */
export type SettledFetch = { readonly kind: 'answered'; readonly response: DataSourceResponse } | { readonly kind: 'threw'; readonly error: unknown };

/** A fetch a prepared read sent, as sent (its variables' text is made only if Apollo Server looks for it). */
interface LeftFetch {
  readonly subgraph: string;
  readonly query: string | undefined;
  readonly variables: unknown;
  readonly settled: SettledFetch;
}

/** By request scope (the HTTP request's, carried into every context built for it): the fetches a prepared read left for Apollo Server. */
const leftFor = new WeakMap<RequestScope, LeftFetch[]>();

/**
 * Leaves how a prepared read's fetch ended for Apollo Server, should the read go to it after all:
 * its executor then gets the same answers (errors included) instead of asking the services again,
 * so a refusal or a failing zone service costs one fetch, and a deadline is waited for once.
 */
export function leaveFetch(scope: RequestScope, subgraph: string, request: { query?: string; variables?: unknown }, settled: SettledFetch): void {
  let left = leftFor.get(scope);
  if (!left) leftFor.set(scope, (left = []));
  left.push({ subgraph, query: request.query, variables: request.variables, settled });
}

/** Forgets what a request's prepared read left: it answered, or Apollo Server must ask again. */
export function forgetFetches(scope: RequestScope): void {
  leftFor.delete(scope);
}

/**
 * A subgraph's data source that first looks for the same fetch (query and variables) a prepared
 * read of the same request left (`leaveFetch`), and takes it, once; any other fetch is sent. Inside
 * `recordedFetches`: a fetch taken so is counted in the request's answer record but vouches for
 * nothing (its vouch went to the prepared read's), so an answer built on one is never kept.
 */
export function replayingFetches(subgraph: string, dataSource: GraphQLDataSource): GraphQLDataSource {
  return {
    process: (options: GraphQLDataSourceProcessOptions): Promise<DataSourceResponse> => {
      const context: unknown = options.context;
      const scope = typeof context === 'object' && context !== null ? requestScopeOf(context) : undefined;
      const left = scope && leftFor.get(scope);
      const index = left ? left.findIndex((fetch) => isSameFetch(fetch, subgraph, options.request)) : -1;
      if (left && index >= 0) {
        const [{ settled }] = left.splice(index, 1) as [LeftFetch];
        return settled.kind === 'answered' ? Promise.resolve(settled.response) : Promise.reject(settled.error);
      }
      return dataSource.process(options);
    },
  };
}

function isSameFetch(left: LeftFetch, subgraph: string, request: { query?: string; variables?: unknown }): boolean {
  return left.subgraph === subgraph && left.query === request.query && JSON.stringify(left.variables ?? {}) === JSON.stringify(request.variables ?? {});
}
