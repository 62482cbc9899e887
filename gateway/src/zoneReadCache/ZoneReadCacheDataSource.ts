import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ZoneServiceRegistry } from '@devzone/registry';
import { mutationZoneOf, type ZoneReadCache } from '@devzone/shard-router';
import { getOperationAST } from 'graphql';
import { answerRecordOf } from '../answerCache/answerRecord';
import type { GatewayContext } from '../context';
import { isReadFetch } from '../datasources/isReadFetch';
import { GraphQLDataSourceRequestKind, type DataSourceResponse } from '../datasources/types';

export interface ZoneReadCacheDataSourceOptions {
  /** The zones data source (`ShardedZonesDataSource`): what is not served from the cache is sent through it. */
  readonly inner: GraphQLDataSource;
  /** Which service hosts which zone when the request carries no shard map of its own (as the inner data source routes). */
  readonly registry: ZoneServiceRegistry;
  /** The process's zone-read cache (`@devzone/shard-router`). */
  readonly cache: ZoneReadCache;
}

/**
 * The zone-read cache around the zones data source: an `_entities` read goes through
 * `ZoneReadCache.read`, whose misses are sent in one call to the inner data source (a miss
 * another read is fetching already, same entry key, joins that fetch).
 * Everything else passes through; a zone mutation drops its zone's entries once answered.
 */
export class ZoneReadCacheDataSource implements GraphQLDataSource {
  private readonly inner: GraphQLDataSource;
  private readonly registry: ZoneServiceRegistry;
  private readonly cache: ZoneReadCache;

  constructor({ inner, registry, cache }: ZoneReadCacheDataSourceOptions) {
    this.inner = inner;
    this.registry = registry;
    this.cache = cache;
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<DataSourceResponse> {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return this.inner.process(options);
    const representations: unknown = options.request.variables?.representations;
    if (Array.isArray(representations) && isReadFetch(options)) return this.processRead(options, representations);
    const mutatedZone = mutatedZoneOf(options);
    if (mutatedZone === undefined) return this.inner.process(options);
    try {
      return await this.inner.process(options);
    } finally {
      this.cache.dropZone(mutatedZone);
      // The request's later reads (a mutation's next root fields) see its own write.
      (options.context as Partial<GatewayContext>).zoneVersionsSeen?.clear();
    }
  }

  private async processRead(options: GraphQLDataSourceProcessOptions, representations: readonly unknown[]): Promise<DataSourceResponse> {
    const context = options.context as Partial<GatewayContext>;
    const shardMap = context.shardMap ?? this.registry;
    const { representations: _representations, ...variables } = options.request.variables ?? {};
    let response: DataSourceResponse | undefined;
    const read = await this.cache.read(
      {
        query: options.request.query ?? '',
        representations,
        variables,
        serviceForZone: (zoneId) => shardMap.serviceForZone(zoneId),
        principal: context.principal,
        seen: context.zoneVersionsSeen,
      },
      async (sent) => {
        const request =
          sent.length === representations.length
            ? options
            : { ...options, request: { ...options.request, variables: { ...variables, representations: sent } } };
        response = await this.inner.process(request);
        const entities: unknown = response.data?._entities;
        return { entities: Array.isArray(entities) ? entities : null, errors: response.errors ?? [] };
      },
    );
    if (read.versionsUsed && read.errors.length === 0) answerRecordOf(context)?.vouchZoneRead(read.versionsUsed);
    if (!response) return { data: { _entities: read.entities }, ...(read.errors.length > 0 ? { errors: read.errors } : {}) };
    // Sent as asked: the inner answer goes back as it is.
    if (read.fetchedCount === representations.length) return response;
    return { ...response, data: { ...response.data, _entities: read.entities }, ...(read.errors.length > 0 || response.errors ? { errors: read.errors } : {}) };
  }
}

/** The zone a mutation fetch names in `zoneId`, if it is one that routes; undefined for anything else. */
function mutatedZoneOf(options: GraphQLDataSourceProcessOptions): string | undefined {
  if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return undefined;
  const { document, request } = options;
  if (!document || getOperationAST(document, request.operationName)?.operation !== 'mutation') return undefined;
  const zone = mutationZoneOf(document, request.operationName, request.variables);
  return zone.status === 'routed' ? zone.zoneId : undefined;
}
