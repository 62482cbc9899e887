import { SERVICE_DEFINITION_QUERY, type GraphQLDataSource } from '@apollo/gateway';
import { withDeadline } from '@devzone/shard-router';
import { GraphQLDataSourceRequestKind } from '../../datasources/types';

/** Asks a subgraph for its SDL (`{ _service { sdl } }`) within `timeoutMs`. */
export async function loadSubgraphSdl(dataSource: GraphQLDataSource, timeoutMs: number): Promise<string> {
  const response = await withDeadline(timeoutMs, () =>
    dataSource.process({
      kind: GraphQLDataSourceRequestKind.LOADING_SCHEMA,
      request: { query: SERVICE_DEFINITION_QUERY },
      context: {},
    }),
  );
  if (response.errors && response.errors.length > 0) {
    throw new Error(response.errors.map((error) => error.message).join('; '));
  }
  const sdl: unknown = response.data?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error('answered no data._service.sdl');
  return sdl;
}
