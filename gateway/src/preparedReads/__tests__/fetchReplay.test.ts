import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { bindRequestScope, type RequestScope } from '@devzone/observability';
import { recordedFetches, startAnswerRecord } from '../../answerCache/answerRecord';
import { GraphQLDataSourceRequestKind } from '../../datasources/types';
import { forgetFetches, leaveFetch, replayingFetches } from '../fetchReplay';

const QUERY = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Zone{indicators{code}}}}';
const VARIABLES = { representations: [{ __typename: 'Zone', id: 'yongkang' }] };

function fetchOf(context: object, variables: Record<string, unknown> = VARIABLES): GraphQLDataSourceProcessOptions {
  return { kind: GraphQLDataSourceRequestKind.HEALTH_CHECK, request: { query: QUERY, variables }, context } as GraphQLDataSourceProcessOptions;
}

describe('replayingFetches', () => {
  let sent: number;
  const service = replayingFetches('zones', {
    process: async () => {
      sent += 1;
      return { data: { _entities: [{ indicators: [] }] } };
    },
  });
  let scope: RequestScope;
  let context: object;

  beforeEach(() => {
    sent = 0;
    scope = { requestId: 'r1', operationName: undefined };
    context = {};
    bindRequestScope(context, scope);
  });

  it('takes the answer a prepared read left for the same query and variables, once', async () => {
    const left = { errors: [{ message: 'zone service refused' }] };
    leaveFetch(scope, 'zones', { query: QUERY, variables: VARIABLES }, { kind: 'answered', response: left });
    expect(await service.process(fetchOf(context))).toBe(left);
    expect(sent).toBe(0);
    await service.process(fetchOf(context));
    expect(sent).toBe(1);
  });

  it('rethrows what the fetch threw (a deadline is waited for once)', async () => {
    const error = new Error('deadline exceeded');
    leaveFetch(scope, 'zones', { query: QUERY, variables: VARIABLES }, { kind: 'threw', error });
    await expect(service.process(fetchOf(context))).rejects.toBe(error);
    expect(sent).toBe(0);
  });

  it('sends any other fetch: other variables, another subgraph, another request, a forgotten one', async () => {
    const response = { data: { _entities: [] } };
    leaveFetch(scope, 'zones', { query: QUERY, variables: VARIABLES }, { kind: 'answered', response });
    await service.process(fetchOf(context, { representations: [{ __typename: 'Zone', id: 'chengxi' }] }));
    leaveFetch(scope, 'province', { query: QUERY, variables: VARIABLES }, { kind: 'answered', response });
    const other = {};
    bindRequestScope(other, { requestId: 'r2', operationName: undefined });
    await service.process(fetchOf(other));
    await service.process(fetchOf({}));
    expect(sent).toBe(3);
    forgetFetches(scope);
    await service.process(fetchOf(context));
    expect(sent).toBe(4);
  });

  it('inside recordedFetches, a fetch taken from the prepared read vouches for nothing: its answer is never kept', async () => {
    const recorded = recordedFetches(service);
    const record = startAnswerRecord(context);
    leaveFetch(scope, 'zones', { query: QUERY, variables: VARIABLES }, { kind: 'answered', response: { data: { _entities: [] } } });
    await recorded.process(fetchOf(context));
    expect(sent).toBe(0);
    expect(record.repeatable).toBe(false);
  });
});
