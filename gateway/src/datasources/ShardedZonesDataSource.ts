import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ZoneServiceEntry, ZoneServiceRegistry } from '@devzone/registry';
import { silentLogger, type GatewayLogger } from '../logger';
import { createRemoteDataSource } from './createRemoteDataSource';
import { withDeadline } from './deadline';
import { describeFailure } from './describeFailure';
import { readEntitiesAnswer, type PartOutcome } from './readEntitiesAnswer';
import { reassembleEntities } from './reassembleEntities';
import { planShards, type ShardPart } from './shardPlan';
import type { DataSourceResponse } from './types';

export interface ShardedZonesDataSourceOptions {
  /** Which service hosts which zone; read on every request, so it may change at runtime. */
  readonly registry: ZoneServiceRegistry;
  /**
   * Deadline of one request to one zone service, in milliseconds.
   * @default 5000
   */
  readonly timeoutMs?: number;
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
 * reassembled in the original order. A failing service costs only its own zones.
 */
export class ShardedZonesDataSource implements GraphQLDataSource {
  private readonly registry: ZoneServiceRegistry;
  private readonly timeoutMs: number;
  private readonly buildServiceDataSource: (service: ZoneServiceEntry) => GraphQLDataSource;
  private readonly logger: GatewayLogger;
  private readonly connections = new Map<string, ServiceConnection>();

  constructor({
    registry,
    timeoutMs = 5000,
    buildServiceDataSource = (service) => createRemoteDataSource(service.url),
    logger = silentLogger,
  }: ShardedZonesDataSourceOptions) {
    this.registry = registry;
    this.timeoutMs = timeoutMs;
    this.buildServiceDataSource = buildServiceDataSource;
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
    const variables = { ...options.request.variables, representations: part.representations };
    const request = { ...options.request, variables };
    try {
      const response = await withDeadline(this.timeoutMs, () => this.connectionTo(part.service).process({ ...options, request }));
      const outcome = readEntitiesAnswer(response, part.representations.length);
      if (outcome.status === 'failed') this.logger.warn(`Zone service "${part.service.name}" ${outcome.reason}`);
      return outcome;
    } catch (error) {
      const reason = describeFailure(error);
      this.logger.warn(`Zone service "${part.service.name}" failed: ${reason}`);
      return { status: 'failed', reason };
    }
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
      try {
        const request = { ...options.request };
        return await withDeadline(this.timeoutMs, () => this.connectionTo(service).process({ ...options, request }));
      } catch (error) {
        failures.push(`"${service.name}": ${describeFailure(error)}`);
      }
    }
    throw new Error(`No zone service answered: ${failures.join('; ')}`);
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
