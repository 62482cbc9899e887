import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { requestScopeOf, type PreparedReadMetrics } from '@devzone/observability';
import type { Request, Response } from 'express';
import { getVariableValues } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { AnswerToLearn } from '../answerCache/answerFastPath';
import { startAnswerRecord, type AnswerRecord } from '../answerCache/answerRecord';
import type { AnswerHead } from '../answerCache/AnswerCache';
import type { GatewayContext } from '../context';
import { GraphQLDataSourceRequestKind, type DataSourceResponse } from '../datasources/types';
import { askedAs, ClientOperations, type ClientOperation } from '../http/clientOperations';
import { sendAnswer } from '../http/sendAnswer';
import type { OperationCheck } from '../plugins/operationCheck';
import { forgetFetches, leaveFetch } from './fetchReplay';
import {
  inClientOrder,
  preparedReadOf,
  type EntityPart,
  type PreparedFetch,
  type PreparedRead,
  type PreparedRootRead,
  type PreparedReadSubgraphs,
  type ResolvedPlan,
} from './preparedRead';

/** The request context a fetch of a client operation carries (`GatewayGraphQLRequestContext`, not exported by @apollo/gateway). */
type IncomingRequestContext = Extract<GraphQLDataSourceProcessOptions<GatewayContext>, { incomingRequestContext: unknown }>['incomingRequestContext'];

export interface PreparedReadsOptions {
  readonly subgraphs: PreparedReadSubgraphs;
  /** The front door's checks whose verdict depends on the variables: run for every prepared request, as Apollo Server runs them. */
  readonly checks: readonly OperationCheck[];
  /** @default 1000 */
  readonly maxOperations?: number;
  /** How requests are read (a POST's body or a GET's query string, plain or with a persisted query's hash). @default a reader of its own */
  readonly operations?: ClientOperations;
  readonly metrics?: (entries: () => number) => PreparedReadMetrics;
  /**
   * The directory lookup's answer when it is kept in memory (`DirectoryLookupCache.keptAnswer`),
   * taken without the data source's layers; undefined: it is fetched.
   */
  readonly keptLookup?: (options: GraphQLDataSourceProcessOptions<GatewayContext>) => DataSourceResponse['data'] | undefined;
}

/** A prepared read with how Apollo Server answered it: the head every later answer repeats. */
interface Prepared {
  readonly read: PreparedRead | PreparedRootRead;
  readonly head: AnswerHead;
  readonly operationName: string | undefined;
}

/** A prepared read's answer: the body to send, its data, and (when recorded) what it was built from. */
interface PreparedAnswer {
  readonly body: string;
  readonly data: Record<string, unknown>;
  readonly record: AnswerRecord | undefined;
}

/** A client's answer as Apollo Server sent it, for `learn`. */
export interface SentAnswer {
  readonly head: AnswerHead;
  readonly body: string;
}

/**
 * Serves the reads `preparedReadOf` recognises (a directory lookup then one entity fetch, or one
 * fetch from the root) without Apollo Server's request pipeline and the
 * gateway's executor: the same fetches through the same data sources (deadlines, breakers,
 * dedup, signing, the zone-read cache), after the same checks, sent with the head Apollo Server
 * sent for the operation. An operation is learned from a successful answer of Apollo Server's;
 * a request whose variables fail validation or a check, whose lookup or fetch answers anything
 * but data in the expected shape, or that throws, goes to Apollo Server, which answers it (and
 * its errors) as it always does. For a single-zone read the pipeline and executor were about
 * half of the gateway's CPU.
 *
 * Keyed by method (GET or POST), query text, operation name and `accept` (which picks the content
 * type): the plan depends on nothing else. Cleared when the schema changes (`clear`).
 */
export class PreparedReads {
  private readonly prepared: LRUCache<string, Prepared>;
  /** Operations already found not preparable, by the same key: not analysed again. */
  private readonly unprepared: LRUCache<string, true>;
  private readonly plans = new WeakMap<object, { resolved: ResolvedPlan; generation: number }>();
  private generation = 0;
  private readonly metrics: PreparedReadMetrics | undefined;
  private readonly operations: ClientOperations;

  constructor(private readonly options: PreparedReadsOptions) {
    this.operations = options.operations ?? new ClientOperations();
    const max = options.maxOperations ?? 1000;
    this.prepared = new LRUCache({ max });
    this.unprepared = new LRUCache({ max });
    this.metrics = options.metrics?.(() => this.prepared.size);
  }

  get size(): number {
    return this.prepared.size;
  }

  /**
   * The gateway's `experimental_didResolveQueryPlan`: remembers the plan of each request until it
   * is answered, by the request's scope (Apollo Server runs an operation on a copy of the context
   * it was given; the scope is the same object in both, and on the HTTP request).
   */
  readonly notePlan = (resolved: ResolvedPlan): void => {
    const context: unknown = resolved.requestContext.context;
    const scope = typeof context === 'object' && context !== null ? requestScopeOf(context) : undefined;
    if (scope) this.plans.set(scope, { resolved, generation: this.generation });
  };

  /** Forgets every prepared operation: the schema (and with it the plans and data sources) changed. */
  clear(): void {
    this.generation += 1;
    this.prepared.clear();
    this.unprepared.clear();
  }

  /**
   * Answers `req` if its operation is prepared and the prepared path gets the expected answer;
   * false when Apollo Server is to answer it (nothing has been sent then). With `toLearn` (the
   * answer cache missed), the answer is recorded and kept as Apollo Server's plugin would; an
   * answer the answer cache holds but never sent to this `accept` header is left to Apollo Server,
   * which serves it.
   */
  async serve(req: Request, res: Response, contextOf: () => Promise<GatewayContext>, toLearn?: AnswerToLearn): Promise<boolean> {
    const operation = this.operations.ofRequest(req);
    const entry = operation && this.prepared.get(keyOf(operation, req.headers.accept));
    if (!operation || !entry || toLearn?.found === 'unlearned') return false;
    let answered: PreparedAnswer | undefined;
    try {
      answered = await this.answer(entry.read, operation.variables ?? {}, contextOf, toLearn !== undefined);
    } catch {
      answered = undefined;
    }
    if (answered === undefined) {
      // Apollo Server answers it, from the same fetches where there were any (`replayingFetches`).
      this.metrics?.served('fallback');
      return false;
    }
    const scope = requestScopeOf(req);
    // Named before the answer is sent: the request's duration is observed under it when the response closes.
    if (scope && entry.operationName) scope.operationName = entry.operationName;
    // Kept before it is sent, as Apollo Server's plugin keeps an answer: a failure here is the request's error, not a cut connection.
    if (toLearn && answered.record) toLearn.keepPrepared(answered.data, answered.record, { head: entry.head, body: answered.body });
    sendAnswer(res, entry.head, answered.body);
    this.metrics?.served('served');
    if (scope) forgetFetches(scope);
    return true;
  }

  /**
   * After Apollo Server answered `req`: prepares its operation when the plan is one
   * `preparedReadOf` recognises and the answer is plain data (status 200, no errors, no extensions,
   * no cache policy), so that the next request for it takes the prepared path.
   */
  learn(req: Request, answer: SentAnswer): void {
    const scope = requestScopeOf(req);
    const noted = scope && this.plans.get(scope);
    const operation = this.operations.ofRequest(req);
    if (!noted || !operation || noted.generation !== this.generation) return;
    const key = keyOf(operation, req.headers.accept);
    if (this.prepared.has(key) || this.unprepared.has(key)) return;
    // The document and plan first: an operation that can never be prepared is not looked at again.
    const read = preparedReadOf(noted.resolved, this.options.subgraphs);
    if (typeof read === 'string') {
      this.unprepared.set(key, true);
      return;
    }
    if (!isPlainDataAnswer(answer)) return;
    this.prepared.set(key, { read, head: answer.head, operationName: scope.operationName ?? operation.operationName });
  }

  /** The prepared answer (with what it was built from, when `recorded`), or undefined when Apollo Server is to answer. */
  private async answer(
    read: PreparedRead | PreparedRootRead,
    variables: Readonly<Record<string, unknown>>,
    contextOf: () => Promise<GatewayContext>,
    recorded: boolean,
  ): Promise<PreparedAnswer | undefined> {
    // Without definitions graphql-js ignores whatever variables were sent: nothing to validate.
    if (read.variableDefinitions.length > 0 && getVariableValues(read.schema, read.variableDefinitions, variables).errors) return undefined;
    const checked = { schema: read.schema, document: read.document, operationName: read.operationName, variables };
    for (const check of this.options.checks) check(checked);
    const context = await contextOf();
    // Every fetch below vouches in it (or not), as for Apollo Server's plugin.
    const record = recorded ? startAnswerRecord(context) : undefined;
    // What the data sources read of the operation's request context: its identity (its fetches share a request
    // budget, `fetchBudget`) and its cache policy, which the services' Cache-Control restricts.
    const policy = new UncacheableUnlessHinted();
    const incomingRequestContext = { context, overallCachePolicy: policy } as unknown as IncomingRequestContext;
    if (read.kind === 'root') {
      const data = await this.fetch(read, read.fetch, passedOn(read.fetch, variables), context, incomingRequestContext);
      if (!data || !isObject(data) || !this.uncacheable(policy, context)) return undefined;
      const ordered = read.order ? inClientOrder(data, read.order) : data;
      if (!isObject(ordered)) return undefined;
      return { body: serialised({ data: ordered }), data: ordered, record };
    }
    const lookupVariables = passedOn(read.lookup, variables);
    const looked =
      this.keptLookup(read, lookupVariables, record, context, incomingRequestContext) ??
      (await this.fetch(read, read.lookup, lookupVariables, context, incomingRequestContext));
    const lookedUp = lookedUpOf(read, looked?.[read.rootField]);
    if (!lookedUp) return undefined;
    const representations = representationsOf(read, lookedUp);
    if (!representations) return undefined;
    const fetched = await this.fetch(read, read.entities, { ...passedOn(read.entities, variables), representations }, context, incomingRequestContext);
    const entities: unknown = fetched?._entities;
    if (!Array.isArray(entities) || entities.length !== representations.length || !entities.every(isObject)) return undefined;
    if (!this.uncacheable(policy, context)) return undefined;
    const shapedEntities = read.parts ? shaped(read.parts, entities, lookedUp) : entities;
    const answered = read.order && shapedEntities ? inClientOrder(shapedEntities, read.order) : shapedEntities;
    if (!Array.isArray(answered)) return undefined;
    const data = { [read.rootField]: read.list ? answered : answered[0] };
    return { body: serialised({ data }), data, record };
  }

  /**
   * Whether the answer stays uncacheable. A service that made it cacheable would change Apollo
   * Server's Cache-Control from the head learned, and its own fetches must tell its cache policy
   * so: nothing is replayed for it.
   */
  private uncacheable(policy: UncacheableUnlessHinted, context: GatewayContext): boolean {
    if (!policy.cacheable) return true;
    const scope = requestScopeOf(context);
    if (scope) forgetFetches(scope);
    return false;
  }

  /** The directory lookup's kept answer, counted in the answer record as the fetch it stands for. */
  private keptLookup(
    read: PreparedRead,
    variables: Record<string, unknown>,
    record: AnswerRecord | undefined,
    context: GatewayContext,
    incomingRequestContext: IncomingRequestContext,
  ): DataSourceResponse['data'] | undefined {
    if (!this.options.keptLookup) return undefined;
    const data = this.options.keptLookup(fetchOptionsOf(read.lookup, variables, context, incomingRequestContext));
    if (data !== undefined) record?.fetchStarted();
    return data;
  }

  /** A fetch's data; undefined with errors or without data. */
  private async fetch(
    read: PreparedRead | PreparedRootRead,
    fetch: PreparedFetch,
    variables: Record<string, unknown>,
    context: GatewayContext,
    incomingRequestContext: IncomingRequestContext,
  ): Promise<DataSourceResponse['data'] | undefined> {
    const dataSource = read.serviceMap[fetch.serviceName];
    if (!dataSource) return undefined;
    const options = fetchOptionsOf(fetch, variables, context, incomingRequestContext);
    const scope = requestScopeOf(context);
    let response: DataSourceResponse;
    try {
      response = await dataSource.process(options);
    } catch (error) {
      if (scope) leaveFetch(scope, fetch.serviceName, options.request, { kind: 'threw', error });
      throw error;
    }
    if (scope) leaveFetch(scope, fetch.serviceName, options.request, { kind: 'answered', response });
    return (response.errors?.length ?? 0) > 0 ? undefined : (response.data ?? undefined);
  }
}

/**
 * The cache policy of a prepared read: Apollo Server's answer was `no-store` (nothing made it
 * cacheable); a service's `max-age` above 0 would change that, and sends the read to Apollo Server.
 */
class UncacheableUnlessHinted {
  private maxAge: number | undefined;

  restrict(hint: { maxAge?: number }): void {
    if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge)) this.maxAge = hint.maxAge;
  }

  get cacheable(): boolean {
    return this.maxAge !== undefined && this.maxAge > 0;
  }
}

/** What a data source is given for one of a prepared read's fetches, as the executor gives it. */
function fetchOptionsOf(
  fetch: PreparedFetch,
  variables: Record<string, unknown>,
  context: GatewayContext,
  incomingRequestContext: IncomingRequestContext,
): GraphQLDataSourceProcessOptions<GatewayContext> {
  return {
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query: fetch.operation, variables, ...(fetch.operationName ? { operationName: fetch.operationName } : {}) },
    incomingRequestContext,
    context,
    document: fetch.document,
  };
}

/** The client's variables a fetch passes on, as the executor picks them: those it uses that the client sent. */
function passedOn(fetch: PreparedFetch, variables: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const passed: Record<string, unknown> = {};
  for (const name of fetch.variableUsages) if (Object.hasOwn(variables, name) && variables[name] !== undefined) passed[name] = variables[name];
  return passed;
}

/** Each way of asking apart (`askedAs`): each is served with the head Apollo Server sent for it. */
function keyOf(operation: ClientOperation, accept: string | undefined): string {
  return `${askedAs(operation, accept)}\n${operation.operationName ?? ''}\n${operation.query}`;
}

/** The looked-up entities (one, or the list), each an object; undefined for anything else, an empty list included. */
function lookedUpOf(read: PreparedRead, looked: unknown): Record<string, unknown>[] | undefined {
  const items: unknown[] = read.list ? (Array.isArray(looked) ? looked : []) : [looked];
  return items.length > 0 && items.every(isObject) ? items : undefined;
}

/** The entities' representations, as the executor builds them; undefined when any is missing or two are the same. */
function representationsOf(read: PreparedRead, items: readonly Record<string, unknown>[]): Record<string, unknown>[] | undefined {
  const representations: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (item.__typename !== read.typename) return undefined;
    const representation: Record<string, unknown> = {};
    for (const field of read.keyFields) {
      const value = item[field];
      if (typeof value !== 'string') return undefined;
      representation[field] = value;
    }
    if (items.length > 1) {
      const text = JSON.stringify(representation);
      if (seen.has(text)) return undefined;
      seen.add(text);
    }
    representations.push(representation);
  }
  return representations;
}

/** Each entity in the client's shape: its fields in order, the key fields from the lookup; undefined when a field is missing. */
function shaped(
  parts: readonly EntityPart[],
  entities: readonly Record<string, unknown>[],
  lookedUp: readonly Record<string, unknown>[],
): Record<string, unknown>[] | undefined {
  const answered: Record<string, unknown>[] = [];
  for (const [i, entity] of entities.entries()) {
    const out: Record<string, unknown> = {};
    for (const part of parts) {
      const value = part.from === 'lookup' ? lookedUp[i]![part.field] : entity[part.key];
      if (value === undefined) return undefined;
      out[part.key] = value;
    }
    answered.push(out);
  }
  return answered;
}

/** An answer with data only, as Apollo Server serialises it (`JSON.stringify` and a newline), not cacheable (`no-store`). */
function isPlainDataAnswer({ head, body }: SentAnswer): boolean {
  const cacheControl = head.headers.find(([name]) => name.toLowerCase() === 'cache-control')?.[1];
  if (head.status !== 200 || (cacheControl !== undefined && cacheControl !== 'no-store')) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  return isObject(parsed) && Object.keys(parsed).length === 1 && isObject(parsed.data) && serialised(parsed) === body;
}

/** An answer's body as Apollo Server serialises it: `JSON.stringify` and a newline. */
function serialised(answer: Record<string, unknown>): string {
  return `${JSON.stringify(answer)}\n`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
