import type { Principal } from '@devzone/auth';
import { zoneOfRepresentation } from '../shardPlan';
import { entryKeyOf, fetchScopeOf } from './cacheKey';
import type { EntityStore } from './entityStore';
import { mergeEntities, zonesWithErrors, type EntitiesAnswer, type MergedEntities } from './mergeEntities';
import type { VersionedService } from './versionBatcher';
import { serviceIdOf, type ZoneReadCacheObserver, type ZoneVersions } from './zoneVersions';

/** One `_entities` read, as `ShardRouter.fetchEntities` is asked it. */
export interface ZoneRead<S extends VersionedService> {
  readonly query: string;
  readonly representations: readonly unknown[];
  /** Variables besides `representations`. */
  readonly variables?: Readonly<Record<string, unknown>> | undefined;
  /** The service hosting a zone (the shard map the read routes by). */
  readonly serviceForZone: (zoneId: string) => S | undefined;
  /** The caller the zone services answer for: answers depend on its scope. */
  readonly principal: Principal | null | undefined;
}

/** Fetches the entities of the given representations (a subset of the read's, in its order). */
export type FetchEntities = (representations: readonly unknown[]) => Promise<EntitiesAnswer>;

/** The read's entities and errors, and how many representations were fetched (the rest came from the cache). */
export interface CachedRead extends MergedEntities {
  readonly fetchedCount: number;
}

export interface ZoneReadCacheOptions {
  readonly versions: ZoneVersions;
  readonly store: EntityStore;
  readonly observer?: ZoneReadCacheObserver | undefined;
}

/** One representation of the read, where it is served from. */
type Slot =
  | { readonly kind: 'cached'; readonly entity: unknown }
  | { readonly kind: 'store'; readonly key: string; readonly service: string; readonly zoneId: string; readonly version: string }
  | { readonly kind: 'send'; readonly zoneId: string | null };

interface Routed<S> {
  readonly zoneId: string | null;
  readonly service: S | undefined;
}

/**
 * The zone-read cache. An `_entities` read asks each hosting service for the current data
 * version of its zones (batched), serves each entity stored under its zone's current
 * version, and fetches the others in one call; an answer is stored under the version read
 * BEFORE it was fetched, so what is stored is never older than its label. Versions change
 * in the same transaction as any write, whoever writes, so no write is missed.
 */
export class ZoneReadCache {
  private readonly versions: ZoneVersions;
  private readonly store: EntityStore;
  private readonly observer: ZoneReadCacheObserver | undefined;

  constructor({ versions, store, observer }: ZoneReadCacheOptions) {
    this.versions = versions;
    this.store = store;
    this.observer = observer;
  }

  async read<S extends VersionedService>(read: ZoneRead<S>, fetch: FetchEntities): Promise<CachedRead> {
    const { representations } = read;
    const routed = representations.map((representation): Routed<S> => {
      const zoneId = zoneOfRepresentation(representation);
      return { zoneId, service: zoneId === null ? undefined : read.serviceForZone(zoneId) };
    });
    const versions = await this.currentVersions(routed);
    const fetchScope = fetchScopeOf(read, read.principal);
    const slots = routed.map(({ zoneId, service }, index): Slot => {
      const version = service && zoneId !== null ? versions.get(service)?.get(zoneId) : undefined;
      if (!service || zoneId === null || version === undefined) return { kind: 'send', zoneId };
      const serviceId = serviceIdOf(service);
      const key = entryKeyOf({ fetchScope, service: serviceId, zoneId, version, representation: representations[index] });
      const json = this.store.get(key);
      return json === undefined ? { kind: 'store', key, service: serviceId, zoneId, version } : { kind: 'cached', entity: JSON.parse(json) as unknown };
    });
    this.count(slots);
    const cached = new Map(slots.flatMap((slot, index) => (slot.kind === 'cached' ? [[index, slot.entity] as const] : [])));
    const sentIndices = slots.flatMap((slot, index) => (slot.kind === 'cached' ? [] : [index]));
    if (sentIndices.length === 0) return { ...mergeEntities(representations.length, cached, [], { entities: [], errors: [] }), fetchedCount: 0 };
    const answer = await fetch(sentIndices.map((i) => representations[i]));
    this.storeAnswers(
      answer,
      sentIndices.map((i) => slots[i]!),
    );
    return { ...mergeEntities(representations.length, cached, sentIndices, answer), fetchedCount: sentIndices.length };
  }

  /** Forgets every entity of a zone (after a write to it passed through this process: the version check alone keeps reads fresh). */
  dropZone(zoneId: string): void {
    this.store.dropZone(zoneId);
  }

  /** Every routed zone's version, asked of its service (one batched request per service). */
  private async currentVersions<S extends VersionedService>(routed: readonly Routed<S>[]): Promise<Map<S, ReadonlyMap<string, string>>> {
    const zonesByService = new Map<S, Set<string>>();
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
  private storeAnswers(answer: EntitiesAnswer, sent: readonly Slot[]): void {
    const { entities } = answer;
    if (!entities || entities.length !== sent.length) return;
    const failedZones = zonesWithErrors(
      answer.errors,
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
