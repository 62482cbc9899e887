import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { isReadFetch } from '../datasources/isReadFetch';
import { GraphQLDataSourceRequestKind, type DataSourceResponse } from '../datasources/types';

/** One fetch in flight and how many identical fetches wait for it. */
interface SharedFetch {
  readonly answer: Promise<DataSourceResponse>;
  askers: number;
}

/**
 * Wraps a subgraph's data source so that identical fetches of one operation in
 * flight together (same subgraph, query and variables, e.g. two aliases of
 * `zones { indicators }`) are sent once. The gateway merges answers into its
 * result in place, so an answer shared by several askers is copied for each;
 * an answer with one asker is handed over as it is (the entry is forgotten once
 * the answer arrives, so no asker can join later). Only reads are shared:
 * mutations are always sent (they are not idempotent).
 */
export function dedupeFetches(subgraph: string, dataSource: GraphQLDataSource): GraphQLDataSource {
  const inFlightByRequest = new WeakMap<object, Map<string, SharedFetch>>();
  return {
    process: async (options: GraphQLDataSourceProcessOptions): Promise<DataSourceResponse> => {
      if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION || !isReadFetch(options)) return dataSource.process(options);
      let inFlight = inFlightByRequest.get(options.context);
      if (!inFlight) {
        inFlight = new Map();
        inFlightByRequest.set(options.context, inFlight);
      }
      const key = JSON.stringify([subgraph, options.request.query ?? '', options.request.variables ?? {}]);
      let shared = inFlight.get(key);
      if (shared) shared.askers += 1;
      else {
        const memo = inFlight;
        const forget = () => memo.delete(key);
        shared = {
          askers: 1,
          answer: dataSource.process(options).then(
            (response) => {
              forget();
              return response;
            },
            (error: unknown) => {
              forget();
              throw error;
            },
          ),
        };
        inFlight.set(key, shared);
      }
      const response = await shared.answer;
      // The entry left the memo before `answer` settled: `askers` is final here.
      return shared.askers === 1 ? response : copyOf(response);
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
