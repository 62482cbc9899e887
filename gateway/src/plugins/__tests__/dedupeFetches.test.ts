import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Principal } from '@devzone/auth';
import { createServiceMetrics, InFlightDedupMetrics } from '@devzone/observability';
import { GraphQLDataSourceRequestKind, type DataSourceResponse } from '../../datasources/types';
import { dedupeFetches, InFlightReads } from '../dedupeFetches';

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

const analyst = (subject: string): Principal => ({ subject, roles: ['ANALYST'], provinces: 'ALL', zoneIds: [] });

/** A promise and the function that settles it: a fetch held in flight until the test lets it answer. */
function held<T>(): { promise: Promise<T>; release: (value: T) => void } {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release };
}

describe('dedupeFetches within one request', () => {
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
    await Promise.all([source.process(fetchOf({}, 'query { x }', { id: 1 })), source.process(fetchOf({}, 'query { x }', { id: 1 }))]);
    await Promise.all([source.process(fetchOf(request, 'mutation { save }', {})), source.process(fetchOf(request, 'mutation { save }', {}))]);

    expect(inner.sent).toBe(6);
  });

  it('hands a fetch with one asker its answer as it is, the first of twins too, and the other twin an independent copy', async () => {
    const answer: DataSourceResponse = { data: { zones: [{ id: 'a' }] }, errors: [{ message: 'one zone failed' }] };
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
    expect(a).toBe(answer);
    expect(b).toEqual(answer);
    expect(b.data).not.toBe(answer.data);
    expect(b.errors).not.toBe(answer.errors);
    (a.data as { zones: unknown[] }).zones.push({ id: 'b' });
    expect(b.data).toEqual({ zones: [{ id: 'a' }] });
  });
});

describe('dedupeFetches across requests (InFlightReads)', () => {
  it('sends identical reads of two requests of the same principal once, and counts one sent, one shared', async () => {
    const inner = countingSource();
    const metrics = createServiceMetrics();
    const source = dedupeFetches('zones', inner, new InFlightReads({ metrics: new InFlightDedupMetrics(metrics.registry) }));
    const [a, b] = await Promise.all([
      source.process(fetchOf({ principal: analyst('ana') }, 'query { x }', { id: 1 })),
      source.process(fetchOf({ principal: analyst('ana') }, 'query { x }', { id: 1 })),
    ]);

    expect(inner.sent).toBe(1);
    expect(a).toEqual(b);
    expect(a.data).not.toBe(b.data);
    const exposition = await metrics.registry.metrics();
    expect(exposition).toContain('subgraph_fetch_dedup_total{subgraph="zones",result="sent"} 1');
    expect(exposition).toContain('subgraph_fetch_dedup_total{subgraph="zones",result="shared"} 1');
  });

  it('never shares between principals (answers depend on scope), nor across requests when turned off', async () => {
    const inner = countingSource();
    const across = dedupeFetches('zones', inner, new InFlightReads());
    await Promise.all([
      across.process(fetchOf({ principal: analyst('ana') }, 'query { x }', { id: 1 })),
      across.process(fetchOf({ principal: analyst('bo') }, 'query { x }', { id: 1 })),
      across.process(fetchOf({ principal: { ...analyst('ana'), zoneIds: ['feixi'] } }, 'query { x }', { id: 1 })),
    ]);
    expect(inner.sent).toBe(3);

    const within = dedupeFetches('zones', inner, new InFlightReads({ acrossRequests: false }));
    await Promise.all([
      within.process(fetchOf({ principal: analyst('ana') }, 'query { x }', { id: 1 })),
      within.process(fetchOf({ principal: analyst('ana') }, 'query { x }', { id: 1 })),
    ]);
    expect(inner.sent).toBe(5);
  });

  it('lets a read after a write see the write: once a mutation answered, no read joins one in flight since before it', async () => {
    // A store behind the subgraph: a read sees the value when it reaches the store, and answers when the test lets it.
    let stored = 'before';
    const reads: { release: (value: DataSourceResponse) => void }[] = [];
    const inner: GraphQLDataSource = {
      process: async (options) => {
        if (/^\s*mutation\b/.test(options.request.query ?? '')) {
          stored = 'after';
          return { data: { save: true } };
        }
        const seen = stored;
        const read = held<DataSourceResponse>();
        reads.push(read);
        await read.promise;
        return { data: { value: seen } };
      },
    };
    const inFlight = new InFlightReads();
    const zones = dedupeFetches('zones', inner, inFlight);
    const province = dedupeFetches('province', countingSource(), inFlight);
    const client = analyst('ana');

    const earlier = zones.process(fetchOf({ principal: client }, 'query { value }', {}));
    // The write goes through the gateway (here: another subgraph of it) and answers while the earlier read is in flight.
    await zones.process(fetchOf({ principal: client }, 'mutation { save }', {}));
    const later = zones.process(fetchOf({ principal: client }, 'query { value }', {}));
    await province.process(fetchOf({ principal: client }, 'query { other }', {}));
    reads.forEach((read) => read.release({}));

    expect((await earlier).data).toEqual({ value: 'before' });
    expect((await later).data).toEqual({ value: 'after' });
    expect(reads).toHaveLength(2);
  });

  it('forgets reads in flight when a mutation fails too (it may have been applied)', async () => {
    const reads: { release: (value: DataSourceResponse) => void }[] = [];
    const inner: GraphQLDataSource = {
      process: async (options) => {
        if (/^\s*mutation\b/.test(options.request.query ?? '')) throw new Error('connection reset');
        const read = held<DataSourceResponse>();
        reads.push(read);
        return read.promise;
      },
    };
    const source = dedupeFetches('zones', inner, new InFlightReads());
    const earlier = source.process(fetchOf({}, 'query { x }', {}));
    const joined = source.process(fetchOf({}, 'query { x }', {}));
    await expect(source.process(fetchOf({}, 'mutation { save }', {}))).rejects.toThrow('connection reset');
    const later = source.process(fetchOf({}, 'query { x }', {}));
    reads.forEach((read, i) => read.release({ data: { read: i } }));

    expect(await Promise.all([earlier, joined, later])).toEqual([{ data: { read: 0 } }, { data: { read: 0 } }, { data: { read: 1 } }]);
  });
});
