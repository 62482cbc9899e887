import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind, type DataSourceResponse } from '../../datasources/types';
import { dedupeFetches } from '../dedupeFetches';

/** Counts what reaches the subgraph and answers with the request's variables. */
function countingSource(): GraphQLDataSource & { sent: number } {
  const source = {
    sent: 0,
    process: async (options: GraphQLDataSourceProcessOptions): Promise<DataSourceResponse> => {
      source.sent += 1;
      return { data: { echo: options.request.variables ?? null } };
    },
  };
  return source;
}

const fetchOf = (context: object, query: string, variables: Record<string, unknown>) =>
  ({
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query, variables },
    context,
    incomingRequestContext: {},
  }) as unknown as GraphQLDataSourceProcessOptions;

describe('dedupeFetches', () => {
  it('sends identical fetches of one request once, each asker getting its own copy', async () => {
    const inner = countingSource();
    const source = dedupeFetches('zones', inner);
    const request = {};
    const [a, b] = await Promise.all([source.process(fetchOf(request, 'query { x }', { id: 1 })), source.process(fetchOf(request, 'query { x }', { id: 1 }))]);

    expect(inner.sent).toBe(1);
    expect(a).toEqual(b);
    expect(a.data).not.toBe(b.data);
  });

  it('sends different variables, other requests and mutations each time', async () => {
    const inner = countingSource();
    const source = dedupeFetches('zones', inner);
    const request = {};
    await source.process(fetchOf(request, 'query { x }', { id: 1 }));
    await source.process(fetchOf(request, 'query { x }', { id: 2 }));
    await source.process(fetchOf({}, 'query { x }', { id: 1 }));
    await source.process(fetchOf(request, 'mutation { save }', {}));
    await source.process(fetchOf(request, 'mutation { save }', {}));

    expect(inner.sent).toBe(5);
  });
});
