import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ZoneServiceEntry, ZoneServiceRegistry } from '@devzone/registry';
import { silentLogger, type GatewayLogger } from '../logger';
import { createRemoteDataSource } from './createRemoteDataSource';
import { withCheckedIds } from './entityIdCheck';
import { guardedCall, type CallOutcome, type CheckedAnswer } from './guardedCall';
import { readEntitiesAnswer, type PartOutcome } from './readEntitiesAnswer';
import { reassembleEntities } from './reassembleEntities';
import { Resilience } from './resilience';
import { isReadFetch } from './retryPolicy';
import { planShards, type ShardPart } from './shardPlan';
import type { DataSourceResponse } from './types';

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
   * @default a RemoteGraphQLDataSource whose fetch is aborted at the deadline
   */
  readonly buildServiceDataSource?: (service: ZoneServiceEntry) => GraphQLDataSource;
  /** @default silentLogger */
  readonly logger?: GatewayLogger;
}

interface ServiceConnection {
  readonly url: string;
  readonly dataSource: GraphQLDataSource;
}

/**
 * The data source of the `zones` subgraph: every zone service runs the same schema,
 * each for its own zones. An `_entities` request is split by the zone in each
 * representation's `id`, sent as one request per hosting service in parallel, and
 * reassembled in the original order. Every part goes through `guardedCall` (deadline,
 * breaker, retry) and its answer is checked entity by entity; a failing service
 * costs only its own zones.
 */
export class ShardedZonesDataSource implements GraphQLDataSource {
  private readonly registry: ZoneServiceRegistry;
  private readonly timeoutMs: number;
  private readonly resilience: Resilience;
  private readonly buildServiceDataSource: (service: ZoneServiceEntry) => GraphQLDataSource;
  private readonly logger: GatewayLogger;
  private readonly connections = new Map<string, ServiceConnection>();

  constructor({ registry, timeoutMs, resilience = new Resilience(), buildServiceDataSource, logger = silentLogger }: ShardedZonesDataSourceOptions) {
    this.registry = registry;
    this.resilience = resilience;
    this.timeoutMs = timeoutMs ?? resilience.settings.timeoutMs;
    const maxResponseBytes = resilience.settings.maxResponseBytes;
    this.buildServiceDataSource = buildServiceDataSource ?? ((service) => createRemoteDataSource(service.url, undefined, { maxResponseBytes }));
    this.logger = logger;
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<DataSourceResponse> {
    const representations: unknown = options.request.variables?.representations;
    return Array.isArray(representations) ? this.processEntities(options, representations) : this.processOnFirstReachable(options);
  }

  private async processEntities(options: GraphQLDataSourceProcessOptions, representations: readonly unknown[]): Promise<DataSourceResponse> {
    const plan = planShards(representations, (zoneId) => this.registry.serviceForZone(zoneId));
    const outcomes = await Promise.all(plan.parts.map((part) => this.sendPart(options, part)));
    const { entities, errors } = reassembleEntities(plan, outcomes);
    return errors.length > 0 ? { data: { _entities: entities }, errors } : { data: { _entities: entities } };
  }

  private async sendPart(options: GraphQLDataSourceProcessOptions, part: ShardPart<ZoneServiceEntry>): Promise<PartOutcome> {
    const typenames = [...new Set(part.representations.map((representation) => (representation as { __typename?: unknown }).__typename))];
    const query = withCheckedIds(
      options.request.query ?? '',
      typenames.filter((name): name is string => typeof name === 'string'),
    );
    const variables = { ...options.request.variables, representations: part.representations };
    const request = { ...options.request, query, variables };
    const outcome = await this.call(
      options,
      part.service,
      () => this.connectionTo(part.service).process({ ...options, request }),
      (response) => {
        const read = readEntitiesAnswer(response, part.representations);
        return read.status === 'answered' ? { status: 'answered', value: read } : read;
      },
    );
    return outcome.status === 'answered' ? outcome.value : outcome;
  }

  /**
   * Requests without representations (`_service`, health checks) go to the first
   * registered service, then to the next while services fail: they all share one schema.
   */
  private async processOnFirstReachable(options: GraphQLDataSourceProcessOptions): Promise<DataSourceResponse> {
    const services = this.registry.services();
    if (services.length === 0) throw new Error('No zone service is registered');
    const failures: string[] = [];
    for (const service of services) {
      const request = { ...options.request };
      const outcome = await this.call(
        options,
        service,
        () => this.connectionTo(service).process({ ...options, request }),
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

  private async call<T>(
    options: GraphQLDataSourceProcessOptions,
    service: ZoneServiceEntry,
    send: () => Promise<DataSourceResponse>,
    check: (response: DataSourceResponse) => CheckedAnswer<T>,
  ): Promise<CallOutcome<T>> {
    const { health, budgets, settings } = this.resilience;
    const outcome = await guardedCall({
      kind: 'zone',
      name: service.name,
      breaker: health.breaker('zone', service.name),
      budget: budgets.forFetch(options),
      timeoutMs: this.timeoutMs,
      retryJitterMs: isReadFetch(options) ? settings.retryMaxJitterMs : null,
      send,
      check,
    });
    if (outcome.status === 'failed') this.logger.warn(`Zone service "${service.name}" failed: ${outcome.reason}`);
    return outcome;
  }

  /** One data source per service, rebuilt when the registry gives the service a new URL. */
  private connectionTo(service: ZoneServiceEntry): GraphQLDataSource {
    const existing = this.connections.get(service.name);
    if (existing && existing.url === service.url) return existing.dataSource;
    const dataSource = this.buildServiceDataSource(service);
    this.connections.set(service.name, { url: service.url, dataSource });
    return dataSource;
  }
}
