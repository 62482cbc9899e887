import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind, type DataSourceResponse } from '../datasources/types';

/**
 * Wraps a subgraph's data source so that identical fetches of one operation
 * (same subgraph, query and variables, e.g. two aliases of `zones { indicators }`)
 * are sent once; each asker gets its own copy of the answer, since the gateway
 * merges answers into its result in place. Mutations are always sent: they are
 * not idempotent. The memo lives as long as the request's context.
 */
export function dedupeFetches(subgraph: string, dataSource: GraphQLDataSource): GraphQLDataSource {
  const inFlightByRequest = new WeakMap<object, Map<string, Promise<DataSourceResponse>>>();
  return {
    process: async (options: GraphQLDataSourceProcessOptions): Promise<DataSourceResponse> => {
      if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION || isMutation(options.request.query)) return dataSource.process(options);
      let inFlight = inFlightByRequest.get(options.context);
      if (!inFlight) {
        inFlight = new Map();
        inFlightByRequest.set(options.context, inFlight);
      }
      const key = JSON.stringify([subgraph, options.request.query ?? '', options.request.variables ?? {}]);
      let answer = inFlight.get(key);
      if (!answer) {
        answer = dataSource.process(options);
        inFlight.set(key, answer);
      }
      return copyOf(await answer);
    },
  };
}

/** Data and errors are JSON from the subgraph; the rest (HTTP metadata) is shared as it is. */
function copyOf(response: DataSourceResponse): DataSourceResponse {
  return {
    ...response,
    ...(response.data !== undefined ? { data: structuredClone(response.data) } : {}),
    ...(response.errors !== undefined ? { errors: structuredClone(response.errors) } : {}),
  };
}

function isMutation(query: string | undefined): boolean {
  return /^\s*mutation\b/.test(query ?? '');
}
