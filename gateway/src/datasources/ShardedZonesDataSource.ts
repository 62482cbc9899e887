import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ERRORS } from '@devzone/errors';
import type { ZoneServiceEntry, ZoneServiceRegistry } from '@devzone/registry';
import {
  describeFailure,
  mutationZoneOf,
  Resilience,
  ShardRouter,
  withDeadline,
  type BreakerState,
  type CallOutcome,
  type CallObserver,
  type CheckedAnswer,
  type DepartedService,
  type OnCallFailure,
} from '@devzone/shard-router';
import { getOperationAST, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../context';
import { requestLogger, silentLogger, type GatewayLogger } from '../logger';
import { createRemoteDataSource } from './createRemoteDataSource';
import { fetchBudget } from './fetchBudget';
import { isReadFetch } from './isReadFetch';
import { observedCalls } from './observedCalls';
import { GraphQLDataSourceRequestKind, type AbortableDataSource, type DataSourceResponse } from './types';

export interface ShardedZonesDataSourceOptions {
  /** Which service hosts which zone; read on every request, so it may change at runtime. */
  readonly registry: ZoneServiceRegistry;
  /**
   * Deadline of one request to one zone service, in milliseconds (overrides `resilience`'s).
   * @default 5000
   */
  readonly timeoutMs?: number;
  /** Breakers, request budgets and retry settings shared with the gateway's other data sources. */
  readonly resilience?: Resilience;
  /**
   * Builds the data source that reaches one zone service.
   * @default `createRemoteDataSource` (unsigned), its fetch aborted by the deadline's signal
   */
  readonly buildServiceDataSource?: (service: ZoneServiceEntry) => AbortableDataSource;
  /** Where each failed call is logged, with the request's id. @default silentLogger */
  readonly logger?: GatewayLogger;
  /** Each call's span and fetch metrics. @default spans only (`observedCalls()`) */
  readonly observer?: CallObserver;
}

/** What one health check of one service saw; `breaker` is the service's breaker as real traffic meets it. */
export type ServiceCheck = { readonly elapsedMs: number; readonly breaker: BreakerState['state'] } & (
  { readonly status: 'answered' } | { readonly status: 'failed'; readonly reason: string }
);

/** Apollo's own health-check operation: the cheapest request a subgraph answers. */
const HEALTH_CHECK_QUERY = 'query __ApolloServiceHealthCheck__ { __typename }';

interface ServiceConnection {
  readonly url: string;
  readonly dataSource: AbortableDataSource;
}

/**
 * The data source of the `zones` subgraph: every zone service runs the same schema,
 * each for its own zones. An `_entities` request goes through the `ShardRouter` (split
 * by zone, one request per hosting service in parallel, each checked entity by entity,
 * reassembled in the original order; a failing service costs only its own zones). A
 * mutation goes to the service hosting the zone its root fields name in `zoneId`. Every
 * call has the router's deadline, breaker and retry of reads only. Routing uses the
 * shard map the request started with (`GatewayContext.shardMap`) when there is one,
 * else the registry.
 */
export class ShardedZonesDataSource implements GraphQLDataSource {
  private readonly registry: ZoneServiceRegistry;
  private readonly timeoutMs: number;
  private readonly resilience: Resilience;
  private readonly router: ShardRouter;
  private readonly buildServiceDataSource: (service: ZoneServiceEntry) => AbortableDataSource;
  private readonly connections = new Map<string, ServiceConnection>();
  private readonly logger: GatewayLogger;

  constructor({
    registry,
    timeoutMs,
    resilience = new Resilience(),
    buildServiceDataSource,
    logger = silentLogger,
    observer = observedCalls(),
  }: ShardedZonesDataSourceOptions) {
    this.logger = logger;
    this.registry = registry;
    this.resilience = resilience;
    this.timeoutMs = timeoutMs ?? resilience.settings.timeoutMs;
    const maxResponseBytes = resilience.settings.maxResponseBytes;
    this.buildServiceDataSource = buildServiceDataSource ?? ((service) => createRemoteDataSource(service.url, undefined, { maxResponseBytes }));
    this.router = new ShardRouter({
      resilience,
      timeoutMs: this.timeoutMs,
      observer,
    });
  }

  /** Logs a failed call with the id of the request it was made for. */
  private failureLog(options: GraphQLDataSourceProcessOptions): OnCallFailure {
    return (service, reason) =>
      requestLogger(this.logger, (options.context as Partial<GatewayContext>).requestId).warn(`Zone service "${service}" failed: ${reason}`);
  }

  process(options: GraphQLDataSourceProcessOptions): Promise<DataSourceResponse> {
    const registry = (options.context as Partial<GatewayContext>).shardMap ?? this.registry;
    const representations: unknown = options.request.variables?.representations;
    // Not an async function: returning processEntities' promise from one would cost three more microtask turns.
    if (Array.isArray(representations)) return this.processEntities(options, registry, representations);
    return this.processOther(options, registry);
  }

  private async processOther(options: GraphQLDataSourceProcessOptions, registry: ZoneServiceRegistry): Promise<DataSourceResponse> {
    const mutation = mutationDocumentOf(options);
    return mutation ? this.processMutation(options, registry, mutation) : this.processOnFirstReachable(options, registry);
  }

  /**
   * Asks one service `{ __typename }` through the connection real traffic uses (signed
   * alike) within the zone deadline, outside its breaker and any request budget: a
   * health check neither opens nor closes a breaker.
   */
  async checkService(service: ZoneServiceEntry): Promise<ServiceCheck> {
    const started = Date.now();
    let outcome: { status: 'answered' } | { status: 'failed'; reason: string };
    try {
      const response = await withDeadline(this.timeoutMs, (signal) =>
        this.connectionTo(service).process({ kind: GraphQLDataSourceRequestKind.HEALTH_CHECK, request: { query: HEALTH_CHECK_QUERY }, context: {} }, signal),
      );
      const errors = response.errors ?? [];
      outcome = errors.length === 0 ? { status: 'answered' } : { status: 'failed', reason: `answered errors: ${errors.map((e) => e.message).join('; ')}` };
    } catch (error) {
      outcome = { status: 'failed', reason: describeFailure(error) };
    }
    const breaker = this.resilience.health.breaker('zone', service.name).snapshot().state.state;
    return { ...outcome, elapsedMs: Date.now() - started, breaker };
  }

  private async processEntities(
    options: GraphQLDataSourceProcessOptions,
    registry: ZoneServiceRegistry,
    representations: readonly unknown[],
  ): Promise<DataSourceResponse> {
    const { entities, errors } = await this.router.fetchEntities({
      query: options.request.query ?? '',
      representations,
      variables: options.request.variables,
      serviceForZone: (zoneId) => registry.serviceForZone(zoneId),
      send: (service, request, signal) => this.connectionTo(service).process({ ...options, request: { ...options.request, ...request } }, signal),
      budget: fetchBudget(this.resilience, options),
      retry: isReadFetch(options),
      onFailure: this.failureLog(options),
    });
    return errors.length > 0 ? { data: { _entities: entities }, errors } : { data: { _entities: entities } };
  }

  /**
   * A mutation is sent, once (never retried), to the service hosting the one zone its
   * root fields name; a mutation naming no zone, several, or one no service hosts is
   * refused without being sent.
   */
  private async processMutation(options: GraphQLDataSourceProcessOptions, registry: ZoneServiceRegistry, document: DocumentNode): Promise<DataSourceResponse> {
    const zone = mutationZoneOf(document, options.request.operationName, options.request.variables);
    if (zone.status === 'refused') return { errors: [ERRORS.BAD_USER_INPUT.err(zone.message, { field: 'zoneId' }).toJSON()] };
    const { zoneId } = zone;
    const service = registry.serviceForZone(zoneId);
    if (!service) {
      const message = `Zone "${zoneId}" is not hosted by any registered zone service: the mutation was not sent`;
      return { errors: [ERRORS.ZONE_NOT_ROUTED.err(message, { zoneId, field: 'zoneId' }).toJSON()] };
    }
    const outcome = await this.call(
      options,
      service,
      (signal) => this.connectionTo(service).process(options, signal),
      (response) => ({ status: 'answered', value: response }),
    );
    if (outcome.status === 'answered') return outcome.value;
    return { errors: [mutationUnavailableError(zoneId, service.name, outcome.reason, outcome.breaker)] };
  }

  /**
   * Other requests without representations (`_service`, health checks) go to the first
   * registered service, then to the next while services fail: they all share one schema.
   */
  private async processOnFirstReachable(options: GraphQLDataSourceProcessOptions, registry: ZoneServiceRegistry): Promise<DataSourceResponse> {
    const services = registry.services();
    if (services.length === 0) throw new Error('No zone service is registered');
    const failures: string[] = [];
    for (const service of services) {
      const request = { ...options.request };
      const outcome = await this.call(
        options,
        service,
        (signal) => this.connectionTo(service).process({ ...options, request }, signal),
        (response) => ({
          status: 'answered',
          value: response,
        }),
      );
      if (outcome.status === 'answered') return outcome.value;
      failures.push(`"${service.name}": ${outcome.reason}`);
    }
    throw new Error(`No zone service answered: ${failures.join('; ')}`);
  }

  private call<T>(
    options: GraphQLDataSourceProcessOptions,
    service: ZoneServiceEntry,
    send: (signal: AbortSignal) => Promise<DataSourceResponse>,
    check: (response: DataSourceResponse) => CheckedAnswer<T>,
  ): Promise<CallOutcome<T>> {
    return this.router.call({
      service,
      budget: fetchBudget(this.resilience, options),
      retry: isReadFetch(options),
      send,
      check,
      onFailure: this.failureLog(options),
    });
  }

  /**
   * Drops the connections of services gone from these addresses (left the registry, or registered
   * again elsewhere), forgetting what was known there: one registered again under a name gets a new one.
   */
  forgetServices(departed: readonly DepartedService[]): void {
    for (const { name, url } of departed) {
      const connection = this.connections.get(name);
      if (connection?.url !== url) continue;
      connection.dataSource.forgetAddress?.();
      this.connections.delete(name);
    }
  }

  /** One data source per service, rebuilt when the registry gives the service a new URL. */
  private connectionTo(service: ZoneServiceEntry): AbortableDataSource {
    const existing = this.connections.get(service.name);
    if (existing && existing.url === service.url) return existing.dataSource;
    const dataSource = this.buildServiceDataSource(service);
    this.connections.set(service.name, { url: service.url, dataSource });
    return dataSource;
  }
}

/** The subgraph operation's document when it is a mutation; undefined for queries. */
function mutationDocumentOf({ request }: GraphQLDataSourceProcessOptions): DocumentNode | undefined {
  const query = request.query ?? '';
  // Most fetches without representations are schema loads and health checks: no parse for them.
  if (!/\bmutation\b/.test(query)) return undefined;
  const document = parse(query);
  return getOperationAST(document, request.operationName)?.operation === 'mutation' ? document : undefined;
}

function mutationUnavailableError(zoneId: string, service: string, reason: string, breaker: 'OPEN' | 'HALF_OPEN' | undefined): GraphQLFormattedError {
  const message = `Zone "${zoneId}" (service "${service}") is unavailable: ${reason}`;
  return ERRORS.ZONE_UNAVAILABLE.err(message, { zoneId, service, ...(breaker ? { breaker } : {}) }).toJSON();
}
