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

  it('hands a fetch with one asker its answer as it is, and twins independent copies', async () => {
    const answer: DataSourceResponse = { data: { zones: [{ id: 'a' }] } };
    let sent = 0;
    const inner: GraphQLDataSource = {
      process: async () => {
        sent += 1;
        return answer;
      },
    };
    const source = dedupeFetches('zones', inner);
    const request = {};

    expect(await source.process(fetchOf(request, 'query { x }', {}))).toBe(answer);

    const [a, b] = await Promise.all([source.process(fetchOf(request, 'query { x }', {})), source.process(fetchOf(request, 'query { x }', {}))]);
    expect(sent).toBe(2);
    expect(a).toEqual(answer);
    expect(b).toEqual(answer);
    expect(a.data).not.toBe(answer.data);
    expect(b.data).not.toBe(answer.data);
    expect(a.data).not.toBe(b.data);
    (a.data as { zones: unknown[] }).zones.push({ id: 'b' });
    expect(b.data).toEqual({ zones: [{ id: 'a' }] });
  });
});
