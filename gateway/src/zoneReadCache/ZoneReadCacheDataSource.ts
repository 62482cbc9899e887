import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ZoneServiceEntry, ZoneServiceRegistry } from '@devzone/registry';
import { mutationZoneOf, zoneOfRepresentation } from '@devzone/shard-router';
import { getOperationAST } from 'graphql';
import type { GatewayContext } from '../context';
import { isReadFetch } from '../datasources/isReadFetch';
import { GraphQLDataSourceRequestKind, type DataSourceResponse } from '../datasources/types';
import { entryKeyOf, fetchScopeOf } from './cacheKey';
import type { EntityStore } from './entityStore';
import { mergeEntities, zonesWithErrors } from './mergeEntities';
import { serviceIdOf, type ZoneReadCacheObserver, type ZoneVersions } from './zoneVersions';

export interface ZoneReadCacheDataSourceOptions {
  /** The zones data source (`ShardedZonesDataSource`): what is not served from the cache is sent through it. */
  readonly inner: GraphQLDataSource;
  /** Which service hosts which zone when the request carries no shard map of its own (as the inner data source routes). */
  readonly registry: ZoneServiceRegistry;
  readonly versions: ZoneVersions;
  readonly store: EntityStore;
  readonly observer?: ZoneReadCacheObserver;
}

/** One representation of the fetch, where it is served from. */
type Slot =
  | { readonly kind: 'cached'; readonly entity: unknown }
  | { readonly kind: 'store'; readonly key: string; readonly service: string; readonly zoneId: string; readonly version: string }
  | { readonly kind: 'send'; readonly zoneId: string | null };

interface Routed {
  readonly zoneId: string | null;
  readonly service: ZoneServiceEntry | undefined;
}

/**
 * The zone-read cache, around the zones data source. An `_entities` read asks each hosting
 * service for the current data version of its zones (batched), serves each entity stored
 * under its zone's current version, and sends the others in one call to the inner data
 * source; an answer is stored under the version read BEFORE it was fetched, so what is
 * stored is never older than its label. Versions change in the same transaction as any
 * write, whoever writes, so no write is missed. Everything else passes through; a zone
 * mutation drops its zone's entries once answered.
 */
export class ZoneReadCacheDataSource implements GraphQLDataSource {
  private readonly inner: GraphQLDataSource;
  private readonly registry: ZoneServiceRegistry;
  private readonly versions: ZoneVersions;
  private readonly store: EntityStore;
  private readonly observer: ZoneReadCacheObserver | undefined;

  constructor({ inner, registry, versions, store, observer }: ZoneReadCacheDataSourceOptions) {
    this.inner = inner;
    this.registry = registry;
    this.versions = versions;
    this.store = store;
    this.observer = observer;
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
      // The version check alone keeps reads fresh; this only frees what will not be read again.
      this.store.dropZone(mutatedZone);
    }
  }

  private async processRead(options: GraphQLDataSourceProcessOptions, representations: readonly unknown[]): Promise<DataSourceResponse> {
    const context = options.context as Partial<GatewayContext>;
    const shardMap = context.shardMap ?? this.registry;
    const routed = representations.map((representation): Routed => {
      const zoneId = zoneOfRepresentation(representation);
      return { zoneId, service: zoneId === null ? undefined : shardMap.serviceForZone(zoneId) };
    });
    const versions = await this.currentVersions(routed);
    const fetchScope = fetchScopeOf(options.request, context.principal);
    const slots = routed.map(({ zoneId, service }, index): Slot => {
      const version = service && zoneId !== null ? versions.get(service)?.get(zoneId) : undefined;
      if (!service || zoneId === null || version === undefined) return { kind: 'send', zoneId };
      const serviceId = serviceIdOf(service);
      const key = entryKeyOf({ fetchScope, service: serviceId, zoneId, version, representation: representations[index] });
      const json = this.store.get(key);
      return json === undefined ? { kind: 'store', key, service: serviceId, zoneId, version } : { kind: 'cached', entity: JSON.parse(json) as unknown };
    });
    this.count(slots);
    const sentIndices = slots.flatMap((slot, index) => (slot.kind === 'cached' ? [] : [index]));
    if (sentIndices.length === 0) return { data: { _entities: slots.map((slot) => (slot.kind === 'cached' ? slot.entity : null)) } };
    const sendsAll = sentIndices.length === representations.length;
    const request = sendsAll
      ? options
      : {
          ...options,
          request: { ...options.request, variables: { ...options.request.variables, representations: sentIndices.map((i) => representations[i]) } },
        };
    const response = await this.inner.process(request);
    this.storeAnswers(
      response,
      sentIndices.map((i) => slots[i]!),
    );
    if (sendsAll) return response;
    const cached = new Map(slots.flatMap((slot, index) => (slot.kind === 'cached' ? [[index, slot.entity] as const] : [])));
    return mergeEntities(representations.length, cached, sentIndices, response);
  }

  /** Every routed zone's version, asked of its service (one batched request per service). */
  private async currentVersions(routed: readonly Routed[]): Promise<Map<ZoneServiceEntry, ReadonlyMap<string, string>>> {
    const zonesByService = new Map<ZoneServiceEntry, Set<string>>();
    for (const { zoneId, service } of routed) {
      if (!service || zoneId === null) continue;
      let zones = zonesByService.get(service);
      if (!zones) {
        zones = new Set();
        zonesByService.set(service, zones);
      }
      zones.add(zoneId);
    }
    const answers = await Promise.all([...zonesByService].map(async ([service, zones]) => [service, await this.versions.versionsOf(service, zones)] as const));
    return new Map(answers);
  }

  /** Stores each entity sent whose zone the answer reported no error for; `sent[i]` is the slot of entity `i`. */
  private storeAnswers(response: DataSourceResponse, sent: readonly Slot[]): void {
    const entities: unknown = response.data?._entities;
    if (!Array.isArray(entities) || entities.length !== sent.length) return;
    const failedZones = zonesWithErrors(
      response,
      sent.map((slot) => (slot.kind === 'cached' ? null : slot.zoneId)),
    );
    if (failedZones === 'all') return;
    sent.forEach((slot, i) => {
      if (slot.kind !== 'store' || failedZones.has(slot.zoneId)) return;
      this.store.set(slot.key, { service: slot.service, zoneId: slot.zoneId }, slot.version, JSON.stringify(entities[i] ?? null));
    });
  }

  private count(slots: readonly Slot[]): void {
    if (!this.observer) return;
    let hits = 0;
    let misses = 0;
    for (const slot of slots) {
      if (slot.kind === 'cached') hits += 1;
      else if (slot.kind === 'store') misses += 1;
    }
    this.observer.served('hit', hits);
    this.observer.served('miss', misses);
    this.observer.served('bypass', slots.length - hits - misses);
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
