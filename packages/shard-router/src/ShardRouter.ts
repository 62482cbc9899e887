import { UNOBSERVED, type CallObserver } from './callObserver';
import { withCheckedIds } from './entityIdCheck';
import { guardedCall, type CallOutcome, type CheckedAnswer } from './guardedCall';
import { readEntitiesAnswer, type PartOutcome } from './readEntitiesAnswer';
import { reassembleEntities, type ReassembledEntities } from './reassembleEntities';
import type { RequestBudget } from './requestBudget';
import type { Resilience } from './resilience';
import { planShards, type ShardPart, type ShardService } from './shardPlan';
import type { ServiceRequest, SubgraphAnswer } from './subgraphAnswer';

/** Sends one request to one service and gives back its parsed answer; throws when the service fails. `signal` aborts at the call's deadline. */
export type SendToService<S extends ShardService> = (service: S, request: ServiceRequest, signal: AbortSignal) => Promise<SubgraphAnswer>;

export interface ShardRouterOptions {
  /** Settings, breakers and budgets shared by every caller of the process. */
  readonly resilience: Resilience;
  /**
   * Deadline of one request to one zone service, in milliseconds.
   * @default resilience.settings.timeoutMs
   */
  readonly timeoutMs?: number;
  /** @default UNOBSERVED */
  readonly observer?: CallObserver;
}

/** Told of a failed call, with the service's name and why (the gateway logs it with the request's id). */
export type OnCallFailure = (service: string, reason: string) => void;

/** One `_entities` fetch to route: the operation, its other variables, and where and how to send it. */
export interface EntityFetch<S extends ShardService> {
  readonly query: string;
  readonly representations: readonly unknown[];
  /** Variables besides `representations`. */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** The service hosting a zone, read once per representation's zone. */
  readonly serviceForZone: (zoneId: string) => S | undefined;
  readonly send: SendToService<S>;
  /** The operation's deadline and the services that already failed it. */
  readonly budget: RequestBudget;
  /**
   * Whether a connection failure or 5xx may be retried once (reads only).
   * @default true
   */
  readonly retry?: boolean;
  readonly onFailure?: OnCallFailure;
}

/** One call to one service under the router's rules, for requests that are not entity fetches. */
export interface ServiceCall<S extends ShardService, R, T> {
  readonly service: S;
  readonly budget: RequestBudget;
  readonly retry: boolean;
  /** `signal` aborts at the call's deadline. */
  readonly send: (signal: AbortSignal) => Promise<R>;
  readonly check: (response: R) => CheckedAnswer<T>;
  readonly onFailure?: OnCallFailure;
}

/**
 * Routes entity requests of the zones subgraph: representations are split by the zone in
 * each `id` into one request per hosting service, sent in parallel under a deadline, the
 * service's breaker and the operation's budget, each answer checked entity by entity, and
 * the entities reassembled in the original order. A service that fails costs only its own
 * zones: they come back null, each with one error and one failure naming zone and service.
 * The gateway's data source and the province's zone reader both route through it.
 */
export class ShardRouter {
  private readonly timeoutMs: number;
  private readonly observer: CallObserver;

  constructor(private readonly options: ShardRouterOptions) {
    this.timeoutMs = options.timeoutMs ?? options.resilience.settings.timeoutMs;
    this.observer = options.observer ?? UNOBSERVED;
  }

  get resilience(): Resilience {
    return this.options.resilience;
  }

  async fetchEntities<S extends ShardService>(fetch: EntityFetch<S>): Promise<ReassembledEntities> {
    const plan = planShards(fetch.representations, fetch.serviceForZone);
    // One service (most reads): its outcome without Promise.all's extra turns.
    const [only] = plan.parts;
    const outcomes =
      plan.parts.length === 1 && only ? [await this.sendPart(fetch, only)] : await Promise.all(plan.parts.map((part) => this.sendPart(fetch, part)));
    return reassembleEntities(plan, outcomes);
  }

  /** Calls one zone service with the deadline, breaker, budget and retry rules of every routed request. */
  async call<S extends ShardService, R, T>({ service, budget, retry, send, check, onFailure }: ServiceCall<S, R, T>): Promise<CallOutcome<T>> {
    const { health, settings } = this.options.resilience;
    const outcome = await guardedCall({
      kind: 'zone',
      name: service.name,
      breaker: health.breaker('zone', service.name),
      budget,
      timeoutMs: this.timeoutMs,
      retryJitterMs: retry ? settings.retryMaxJitterMs : null,
      send,
      check,
      observer: this.observer,
    });
    if (outcome.status === 'failed') onFailure?.(service.name, outcome.reason);
    return outcome;
  }

  private async sendPart<S extends ShardService>(fetch: EntityFetch<S>, part: ShardPart<S>): Promise<PartOutcome> {
    const request: ServiceRequest = {
      query: withCheckedIds(fetch.query, typenamesOf(part.representations)),
      variables: { ...fetch.variables, representations: part.representations },
    };
    const outcome = await this.call({
      service: part.service,
      budget: fetch.budget,
      retry: fetch.retry ?? true,
      ...(fetch.onFailure ? { onFailure: fetch.onFailure } : {}),
      send: (signal) => fetch.send(part.service, request, signal),
      check: (response: SubgraphAnswer): CheckedAnswer<PartOutcome> => {
        const read = readEntitiesAnswer(response, part.representations);
        return read.status === 'answered' ? { status: 'answered', value: read } : read;
      },
    });
    return outcome.status === 'answered' ? outcome.value : outcome;
  }
}

/** The distinct `__typename`s of the representations, in order of first appearance. */
function typenamesOf(representations: readonly unknown[]): string[] {
  const typenames: string[] = [];
  for (const representation of representations) {
    const typename = (representation as { __typename?: unknown }).__typename;
    if (typeof typename === 'string' && !typenames.includes(typename)) typenames.push(typename);
  }
  return typenames;
}
