import type { Principal } from '@devzone/auth';
import type { GraphQLFormattedError } from 'graphql';
import { klona as copyOf } from 'klona/json';
import { renumberErrorPath } from '../reassembleEntities';
import { zoneOfRepresentation } from '../shardPlan';
import { entryKeyOf, fetchScopeOf } from './cacheKey';
import type { EntityStore } from './entityStore';
import { mergeEntities, zonesWithErrors, type EntitiesAnswer, type MergedEntities } from './mergeEntities';
import type { VersionedService } from './versionBatcher';
import type { VersionsSeen } from './versionsSeen';
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
  /** The versions the read's request has read already (used instead of asking again) and where it notes the ones this read asks. */
  readonly seen?: VersionsSeen | undefined;
}

/** Fetches the entities of the given representations (a subset of the read's, in its order). */
export type FetchEntities = (representations: readonly unknown[]) => Promise<EntitiesAnswer>;

/** A zone's data version a read was served at, on the service hosting it then. */
export interface ZoneVersionUsed<S extends VersionedService = VersionedService> {
  readonly service: S;
  readonly zoneId: string;
  readonly version: string;
}

/** The read's entities and errors, and how many representations were fetched (the rest came from the cache). */
export interface CachedRead<S extends VersionedService = VersionedService> extends MergedEntities {
  readonly fetchedCount: number;
  /**
   * Each zone the read served at a known version (read before anything was fetched), once; undefined
   * when some representation was served without one (no zone, no version): the read is then not
   * repeatable by versions alone.
   */
  readonly versionsUsed: readonly ZoneVersionUsed<S>[] | undefined;
}

export interface ZoneReadCacheOptions {
  readonly versions: ZoneVersions;
  readonly store: EntityStore;
  readonly observer?: ZoneReadCacheObserver | undefined;
}

/** What a fetch in flight hands a read that joined it for one entity: the entity (nobody's: each asker takes its own copy) and its errors, placed at index 0. */
interface SharedEntity {
  readonly entity: unknown;
  readonly errors: readonly GraphQLFormattedError[];
}

interface InFlightEntity {
  readonly answer: Promise<SharedEntity>;
  settle(outcome: { readonly entity: SharedEntity } | { readonly error: unknown }): void;
}

/** An entry a read opened for a key it fetches. */
interface OwnFetch {
  readonly key: string;
  readonly zoneId: string;
  readonly entry: InFlightEntity;
}

/** One representation of the read, where it is served from. */
type Slot =
  | { readonly kind: 'cached'; readonly entity: unknown }
  | { readonly kind: 'joined'; readonly answer: Promise<SharedEntity> }
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
 *
 * Concurrent misses with the same entry key share one fetch: the key holds the zone's
 * version just read, so a read whose version check saw a write has another key and never
 * joins a fetch labelled with the version before it. Each asker gets its own copy.
 */
export class ZoneReadCache {
  private readonly versions: ZoneVersions;
  private readonly store: EntityStore;
  private readonly observer: ZoneReadCacheObserver | undefined;
  /** Misses being fetched, by entry key: a read missing the same key joins instead of fetching again. */
  private readonly inFlight = new Map<string, InFlightEntity>();

  constructor({ versions, store, observer }: ZoneReadCacheOptions) {
    this.versions = versions;
    this.store = store;
    this.observer = observer;
  }

  /**
   * Forgets what is reported of a service that left the registry (its version requests' series,
   * and what a version request to it still under way would report).
   * Its entries age out of the store; its versions were kept by name and URL, so a service of
   * the same name registered later starts over.
   */
  forgetService(name: string): void {
    this.versions.forgetService(name);
  }

  async read<S extends VersionedService>(read: ZoneRead<S>, fetch: FetchEntities): Promise<CachedRead<S>> {
    const { representations } = read;
    const routed = representations.map((representation): Routed<S> => {
      const zoneId = zoneOfRepresentation(representation);
      return { zoneId, service: zoneId === null ? undefined : read.serviceForZone(zoneId) };
    });
    const versions = await this.currentVersions(routed, read.seen);
    const fetchScope = fetchScopeOf(read, read.principal);
    const slots = routed.map(({ zoneId, service }, index): Slot => {
      const version = service && zoneId !== null ? versions.get(service)?.get(zoneId) : undefined;
      if (!service || zoneId === null || version === undefined) return { kind: 'send', zoneId };
      const serviceId = serviceIdOf(service);
      const key = entryKeyOf({ fetchScope, service: serviceId, zoneId, version, representation: representations[index] });
      const entity = this.store.get(key);
      if (entity !== undefined) return { kind: 'cached', entity };
      const fetching = this.inFlight.get(key);
      return fetching ? { kind: 'joined', answer: fetching.answer } : { kind: 'store', key, service: serviceId, zoneId, version };
    });
    this.count(slots);
    const sentIndices = slots.flatMap((slot, index) => (slot.kind === 'store' || slot.kind === 'send' ? [index] : []));
    const sent = sentIndices.map((i) => slots[i]!);
    const ownFetches = this.startFetches(sent);
    let answer: EntitiesAnswer = { entities: [], errors: [] };
    if (sentIndices.length > 0) {
      try {
        answer = await fetch(sentIndices.map((i) => representations[i]));
      } catch (error) {
        this.settleFetches(ownFetches, { error });
        throw error;
      }
      this.storeAnswers(answer, sent);
      this.settleFetches(ownFetches, answer);
    }
    const cached = new Map<number, unknown>();
    const joinedErrors = new Set<GraphQLFormattedError>();
    const renumbered: GraphQLFormattedError[] = [];
    for (const [index, slot] of slots.entries()) {
      if (slot.kind === 'cached') cached.set(index, slot.entity);
      if (slot.kind !== 'joined') continue;
      const shared = await slot.answer;
      cached.set(index, copyOf(shared.entity));
      for (const error of shared.errors) {
        if (joinedErrors.has(error)) continue;
        joinedErrors.add(error);
        renumbered.push(renumberErrorPath(error, [index]));
      }
    }
    const merged = mergeEntities(representations.length, cached, sentIndices, answer);
    return {
      entities: merged.entities,
      errors: [...merged.errors, ...structuredClone(renumbered)],
      fetchedCount: sentIndices.length,
      versionsUsed: slots.some((slot) => slot.kind === 'send') ? undefined : versionsUsedOf(routed, versions),
    };
  }

  /**
   * Whether every zone is still at the version given, on the same service (asked of the
   * services now, batched as reads are): what makes an answer built from those reads still
   * the answer. False as soon as one zone has moved, changed or gone unanswered.
   */
  async stillCurrent<S extends VersionedService>(
    used: readonly ZoneVersionUsed<S>[],
    serviceForZone: (zoneId: string) => S | undefined,
    seen?: VersionsSeen,
  ): Promise<boolean> {
    const routed: Routed<S>[] = [];
    for (const { service, zoneId } of used) {
      const now = serviceForZone(zoneId);
      if (!now || serviceIdOf(now) !== serviceIdOf(service)) return false;
      routed.push({ zoneId, service: now });
    }
    const versions = await this.currentVersions(routed, seen);
    return used.every(({ zoneId, version }, i) => versions.get(routed[i]!.service!)?.get(zoneId) === version);
  }

  /** Forgets every entity of a zone (after a write to it passed through this process: the version check alone keeps reads fresh). */
  dropZone(zoneId: string): void {
    this.store.dropZone(zoneId);
  }

  /** Opens an in-flight entry for each key this read fetches (the first of a key in the read; a repeat joins it like another read). */
  private startFetches(sent: readonly Slot[]): Map<number, OwnFetch> {
    const own = new Map<number, OwnFetch>();
    sent.forEach((slot, i) => {
      if (slot.kind !== 'store' || this.inFlight.has(slot.key)) return;
      const entry = inFlightEntity();
      this.inFlight.set(slot.key, entry);
      own.set(i, { key: slot.key, zoneId: slot.zoneId, entry });
    });
    return own;
  }

  /** Hands each joined key its entity of the answer (`own` by position in the fetch), or the fetch's failure, and closes the entries. */
  private settleFetches(own: ReadonlyMap<number, OwnFetch>, outcome: EntitiesAnswer | { readonly error: unknown }): void {
    for (const [i, { key, zoneId, entry }] of own) {
      if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
      if ('error' in outcome) entry.settle({ error: outcome.error });
      else entry.settle({ entity: { entity: copyOf(outcome.entities?.[i] ?? null), errors: errorsOfEntity(outcome.errors, i, zoneId) } });
    }
  }

  /**
   * Every routed zone's version: the one `seen` holds for its service, else asked of the service
   * (one batched request per service) and noted in `seen`.
   */
  private async currentVersions<S extends VersionedService>(routed: readonly Routed<S>[], seen?: VersionsSeen): Promise<Map<S, ReadonlyMap<string, string>>> {
    const known = new Map<S, Map<string, string>>();
    const zonesByService = new Map<S, Set<string>>();
    for (const { zoneId, service } of routed) {
      if (!service || zoneId === null) continue;
      const version = seen?.versionOf(service, zoneId);
      if (version !== undefined) {
        mapOf(known, service).set(zoneId, version);
        continue;
      }
      let zones = zonesByService.get(service);
      if (!zones) {
        zones = new Set();
        zonesByService.set(service, zones);
      }
      zones.add(zoneId);
    }
    const answers = await Promise.all([...zonesByService].map(async ([service, zones]) => [service, await this.versions.versionsOf(service, zones)] as const));
    for (const [service, versions] of answers) {
      const ofService = mapOf(known, service);
      for (const [zoneId, version] of versions) {
        ofService.set(zoneId, version);
        seen?.note(service, zoneId, version);
      }
    }
    return known;
  }

  /** Stores each entity sent whose zone the answer reported no error for; `sent[i]` is the slot of entity `i`. */
  private storeAnswers(answer: EntitiesAnswer, sent: readonly Slot[]): void {
    const { entities } = answer;
    if (!entities || entities.length !== sent.length) return;
    const failedZones = zonesWithErrors(
      answer.errors,
      sent.map((slot) => (slot.kind === 'store' || slot.kind === 'send' ? slot.zoneId : null)),
    );
    if (failedZones === 'all') return;
    sent.forEach((slot, i) => {
      if (slot.kind !== 'store' || failedZones.has(slot.zoneId)) return;
      this.store.set(slot.key, { service: slot.service, zoneId: slot.zoneId }, slot.version, entities[i] ?? null);
    });
  }

  private count(slots: readonly Slot[]): void {
    if (!this.observer) return;
    let hits = 0;
    let misses = 0;
    for (const slot of slots) {
      if (slot.kind === 'cached') hits += 1;
      else if (slot.kind === 'store' || slot.kind === 'joined') misses += 1;
    }
    this.observer.served('hit', hits);
    this.observer.served('miss', misses);
    this.observer.served('bypass', slots.length - hits - misses);
  }
}

/** Each routed zone once, with the version its service answered (every slot had one). */
function versionsUsedOf<S extends VersionedService>(routed: readonly Routed<S>[], versions: ReadonlyMap<S, ReadonlyMap<string, string>>): ZoneVersionUsed<S>[] {
  const used = new Map<string, ZoneVersionUsed<S>>();
  for (const { zoneId, service } of routed) {
    const version = service && zoneId !== null ? versions.get(service)?.get(zoneId) : undefined;
    if (service && zoneId !== null && version !== undefined && !used.has(zoneId)) used.set(zoneId, { service, zoneId, version });
  }
  return [...used.values()];
}

/**
 * The errors of a fetch that concern its entity `i` of zone `zoneId`: those placed on it
 * (renumbered to index 0), those placed on no entity that name its zone, and those that name
 * no zone either.
 */
function errorsOfEntity(errors: readonly GraphQLFormattedError[], i: number, zoneId: string): GraphQLFormattedError[] {
  return errors.flatMap((error) => {
    const path = error.path;
    if (path && path[0] === '_entities' && typeof path[1] === 'number') return path[1] === i ? [{ ...error, path: ['_entities', 0, ...path.slice(2)] }] : [];
    const namedZone = error.extensions?.zoneId;
    return namedZone === undefined || namedZone === zoneId ? [error] : [];
  });
}

function inFlightEntity(): InFlightEntity {
  let settle: InFlightEntity['settle'] = () => undefined;
  const answer = new Promise<SharedEntity>((resolve, reject) => {
    settle = (outcome) => ('error' in outcome ? reject(outcome.error) : resolve(outcome.entity));
  });
  // Nobody may have joined: a failed fetch is its sender's to report.
  answer.catch(() => undefined);
  return { answer, settle };
}

function mapOf<S>(maps: Map<S, Map<string, string>>, service: S): Map<string, string> {
  let map = maps.get(service);
  if (!map) {
    map = new Map();
    maps.set(service, map);
  }
  return map;
}
