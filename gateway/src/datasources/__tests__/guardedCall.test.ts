import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { CHECKED_ID, DeadlineExceededError, Resilience, type ResilienceOptions } from '@devzone/shard-router';
import { GraphQLError } from 'graphql';
import { GuardedDataSource } from '../GuardedDataSource';
import { ShardedZonesDataSource } from '../ShardedZonesDataSource';
import { GraphQLDataSourceRequestKind, type AbortableDataSource, type DataSourceResponse } from '../types';

const registry = new StaticZoneServiceRegistry([
  { name: 'anhui', url: 'http://anhui.test/graphql', zoneIds: ['chuzhou'] },
  { name: 'jiangsu', url: 'http://jiangsu.test/graphql', zoneIds: ['chengxi'] },
]);

const hang = () => new Promise<never>(() => undefined);
const echo = async (options: GraphQLDataSourceProcessOptions): Promise<DataSourceResponse> => {
  const representations = (options.request.variables?.representations ?? []) as { id: string }[];
  return { data: { _entities: representations.map(({ id }) => ({ id, [CHECKED_ID]: id })) } };
};
const refused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } });

/** Fake services answering through `behaviour[name]`, counting the calls each received. */
function setUp(
  behaviour: Record<string, (options: GraphQLDataSourceProcessOptions, signal?: AbortSignal) => Promise<DataSourceResponse>>,
  options: ResilienceOptions = {},
) {
  const calls: Record<string, number> = {};
  const resilience = new Resilience({ retryMaxJitterMs: 0, ...options });
  const source = new ShardedZonesDataSource({
    registry,
    resilience,
    buildServiceDataSource: (service): AbortableDataSource => ({
      process: (processOptions, signal) => {
        calls[service.name] = (calls[service.name] ?? 0) + 1;
        return behaviour[service.name]!(processOptions, signal);
      },
    }),
  });
  return { source, calls, resilience };
}

/** One fetch of a client operation: fetches built with the same `operation` share its budget. */
function fetchOf(
  operation: object,
  ids: string[],
  query = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Zone{servedBy}}}',
) {
  return {
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query, variables: { representations: ids.map((id) => ({ __typename: 'Zone', id })) } },
    incomingRequestContext: operation,
    context: {},
  } as unknown as GraphQLDataSourceProcessOptions;
}

const messages = (response: DataSourceResponse) => response.errors?.map((error) => error.message);

describe('deadlines, breakers and retries around every fetch', () => {
  it("hands each service's fetch its deadline's signal, aborted with the deadline when it passes", async () => {
    const signals: Record<string, AbortSignal | undefined> = {};
    const { source } = setUp(
      {
        anhui: async (options, signal) => {
          signals.anhui = signal;
          return echo(options);
        },
        jiangsu: (_options, signal) => {
          signals.jiangsu = signal;
          return hang();
        },
      },
      { timeoutMs: 300 },
    );

    await source.process(fetchOf({}, ['chengxi', 'chuzhou']));

    expect(signals.jiangsu?.aborted).toBe(true);
    expect(signals.jiangsu?.reason).toBeInstanceOf(DeadlineExceededError);
    expect(signals.anhui).toBeInstanceOf(AbortSignal);
    expect(signals.anhui?.aborted).toBe(false);
  });

  it('lets a hung service cost its deadline once per operation: later fetches of the operation fail at once', async () => {
    const { source, calls } = setUp({ anhui: echo, jiangsu: hang }, { timeoutMs: 500 });
    const operation = {};

    const first = await source.process(fetchOf(operation, ['chengxi', 'chuzhou']));
    const started = Date.now();
    const second = await source.process(fetchOf(operation, ['chengxi']));

    expect(messages(first)).toEqual(['Zone "chengxi" (service "jiangsu") is unavailable: timed out after 500 ms']);
    expect(messages(second)).toEqual(['Zone "chengxi" (service "jiangsu") is unavailable: failed earlier in this request: timed out after 500 ms']);
    // Well under a second deadline: the later fetch did not wait for the hung service again (a busy CI worker once took 45 ms here).
    expect(Date.now() - started).toBeLessThan(250);
    expect(calls).toEqual({ anhui: 1, jiangsu: 1 });
  });

  it('gives later fetches only what is left of the request deadline, then fails them naming it', async () => {
    const { source } = setUp({ anhui: hang, jiangsu: hang }, { timeoutMs: 1000, requestTimeoutMs: 80 });
    const operation = {};

    const first = await source.process(fetchOf(operation, ['chuzhou']));
    const second = await source.process(fetchOf(operation, ['chengxi']));

    expect(messages(first)?.[0]).toMatch(/^Zone "chuzhou" \(service "anhui"\) is unavailable: timed out after \d+ ms \(the request deadline of 80 ms\)$/);
    expect(messages(second)).toEqual(['Zone "chengxi" (service "jiangsu") is unavailable: the request deadline of 80 ms passed before it was asked']);
  });

  it('opens the breaker after the threshold: the next call is refused unsent, marked OPEN', async () => {
    const { source, calls, resilience } = setUp(
      { anhui: echo, jiangsu: async () => Promise.reject(new Error('boom')) },
      { breakerFailureThreshold: 2, breakerCoolDownMs: 60_000 },
    );

    await source.process(fetchOf({}, ['chengxi']));
    await source.process(fetchOf({}, ['chengxi']));
    const refusedAnswer = await source.process(fetchOf({}, ['chengxi', 'chuzhou']));

    expect(calls.jiangsu).toBe(2);
    expect(refusedAnswer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Zone "chengxi" \(service "jiangsu"\) is unavailable: its circuit breaker is open after 2 consecutive failures/),
      extensions: { code: 'ZONE_UNAVAILABLE', zoneId: 'chengxi', service: 'jiangsu', breaker: 'OPEN' },
    });
    expect(refusedAnswer.data).toEqual({ _entities: [null, { id: 'chuzhou' }] });
    expect(resilience.health.report('zone', 'jiangsu').state).toBe('open');
  });

  it('retries a read once after a connection failure or a 5xx, never a third time', async () => {
    let failuresLeft = 1;
    const flaky = async (options: GraphQLDataSourceProcessOptions) => {
      if (failuresLeft-- > 0) throw new GraphQLError('500: Internal Server Error', { extensions: { response: { status: 500 } } });
      return echo(options);
    };
    const { source, calls } = setUp({ anhui: flaky, jiangsu: () => Promise.reject(refused()) });

    expect(await source.process(fetchOf({}, ['chuzhou']))).toEqual({ data: { _entities: [{ id: 'chuzhou' }] } });
    expect(messages(await source.process(fetchOf({}, ['chengxi'])))).toEqual([
      'Zone "chengxi" (service "jiangsu") is unavailable: fetch failed (ECONNREFUSED)',
    ]);
    expect(calls).toEqual({ anhui: 2, jiangsu: 2 });
  });

  it('never retries a mutation; a read is retried', async () => {
    const calls: string[] = [];
    const resilience = new Resilience({ retryMaxJitterMs: 0 });
    const province = new GuardedDataSource({
      name: 'province',
      resilience,
      timeoutMs: 1000,
      inner: {
        process: async ({ request }) => {
          calls.push(request.query ?? '');
          throw refused();
        },
      },
    });
    const send = (query: string) =>
      province.process({
        kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
        request: { query },
        incomingRequestContext: {},
        context: {},
      } as unknown as GraphQLDataSourceProcessOptions);

    const answer = await send('mutation { saveRun { id } }');
    await send('{ zones { id } }');

    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: 'Service "province" is unavailable: fetch failed (ECONNREFUSED)',
        extensions: { code: 'ZONE_UNAVAILABLE', service: 'province' },
      }),
    ]);
    expect(calls).toEqual(['mutation { saveRun { id } }', '{ zones { id } }', '{ zones { id } }']);
  });
});
