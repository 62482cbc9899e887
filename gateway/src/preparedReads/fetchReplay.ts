import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { requestScopeOf, type RequestScope } from '@devzone/observability';
import type { DataSourceResponse } from '../datasources/types';

/** How a fetch of the prepared path ended: its answer, or what it threw. */
export type SettledFetch = { readonly kind: 'answered'; readonly response: DataSourceResponse } | { readonly kind: 'threw'; readonly error: unknown };

/** By request scope (the HTTP request's, carried into every context built for it): the fetches a prepared read left for Apollo Server. */
const leftFor = new WeakMap<RequestScope, Map<string, SettledFetch>>();

function fetchKey(subgraph: string, query: string | undefined, variables: unknown): string {
  return `${subgraph}\n${query ?? ''}\n${JSON.stringify(variables ?? {})}`;
}

/**
 * Leaves how a prepared read's fetch ended for Apollo Server, should the read go to it after all:
 * its executor then gets the same answers (errors included) instead of asking the services again,
 * so a refusal or a failing zone service costs one fetch, and a deadline is waited for once.
 */
export function leaveFetch(scope: RequestScope, subgraph: string, request: { query?: string; variables?: unknown }, settled: SettledFetch): void {
  let left = leftFor.get(scope);
  if (!left) leftFor.set(scope, (left = new Map()));
  left.set(fetchKey(subgraph, request.query, request.variables), settled);
}

/** Forgets what a request's prepared read left: it answered, or Apollo Server must ask again. */
export function forgetFetches(scope: RequestScope): void {
  leftFor.delete(scope);
}

/**
 * A subgraph's data source that first looks for the same fetch (query and variables) a prepared
 * read of the same request left (`leaveFetch`), and takes it, once; any other fetch is sent.
 */
export function replayingFetches(subgraph: string, dataSource: GraphQLDataSource): GraphQLDataSource {
  return {
    process: (options: GraphQLDataSourceProcessOptions): Promise<DataSourceResponse> => {
      const context: unknown = options.context;
      const scope = typeof context === 'object' && context !== null ? requestScopeOf(context) : undefined;
      const left = scope && leftFor.get(scope);
      if (left) {
        const key = fetchKey(subgraph, options.request.query, options.request.variables);
        const settled = left.get(key);
        if (settled) {
          left.delete(key);
          return settled.kind === 'answered' ? Promise.resolve(settled.response) : Promise.reject(settled.error);
        }
      }
      return dataSource.process(options);
    },
  };
}
