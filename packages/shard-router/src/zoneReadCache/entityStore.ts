import { klona as copyOf } from 'klona/json';
import { LRUCache } from 'lru-cache';

export interface EntityStoreOptions {
  /** Entities kept at most. */
  readonly maxEntries: number;
  /** Their estimated memory at most: 2 bytes per character of their JSON and key (about what V8 holds a parsed entity in). */
  readonly maxBytes: number;
}

interface StoredEntity {
  readonly zoneId: string;
  /** The entity as answered, a copy nobody else holds: readers get copies of it (the gateway merges answers in place). */
  readonly entity: unknown;
  /** Characters of the entity's JSON: what its memory is estimated from. */
  readonly jsonLength: number;
}

/**
 * The zone-read cache's memory: entities by key (`entryKeyOf`), least recently used
 * dropped first, bounded by count and bytes. It also remembers the last version each
 * service answered for each zone: entries are stored only under that version, and a zone
 * whose version moves (forwards, or backwards when its database was replaced) loses its entries.
 */
export class EntityStore {
  private readonly entries: LRUCache<string, StoredEntity>;
  private readonly keysByZone = new Map<string, Set<string>>();
  private readonly versionSeen = new Map<string, string>();

  constructor({ maxEntries, maxBytes }: EntityStoreOptions) {
    this.entries = new LRUCache<string, StoredEntity>({
      max: maxEntries,
      maxSize: maxBytes,
      sizeCalculation: (stored, key) => 2 * (stored.jsonLength + key.length),
      dispose: (entity, key) => this.unindex(entity.zoneId, key),
    });
  }

  /** A copy of the entity stored under `key`, the caller's own, if any. */
  get(key: string): unknown {
    const stored = this.entries.get(key);
    return stored === undefined ? undefined : copyOf(stored.entity);
  }

  /** Stores a copy of an entity read under `version`, unless the service has answered another version of the zone since. */
  set(key: string, serviceZone: ServiceZone, version: string, entity: unknown): void {
    if (this.versionSeen.get(serviceZoneId(serviceZone)) !== version) return;
    this.entries.set(key, { zoneId: serviceZone.zoneId, entity: copyOf(entity), jsonLength: JSON.stringify(entity).length });
    // An entity larger than the byte bound is not stored at all.
    if (!this.entries.has(key)) return;
    let keys = this.keysByZone.get(serviceZone.zoneId);
    if (!keys) {
      keys = new Set();
      this.keysByZone.set(serviceZone.zoneId, keys);
    }
    keys.add(key);
  }

  /** Records the version a service answered for a zone; a different one than before drops the zone's entries. */
  noteVersion(serviceZone: ServiceZone, version: string): void {
    const id = serviceZoneId(serviceZone);
    const previous = this.versionSeen.get(id);
    if (previous === version) return;
    this.versionSeen.set(id, version);
    if (previous !== undefined) this.dropZone(serviceZone.zoneId);
  }

  /** Forgets every entity of a zone (after a mutation of it passed through this gateway). */
  dropZone(zoneId: string): void {
    const keys = this.keysByZone.get(zoneId);
    if (!keys) return;
    for (const key of [...keys]) this.entries.delete(key);
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize };
  }

  private unindex(zoneId: string, key: string): void {
    const keys = this.keysByZone.get(zoneId);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByZone.delete(zoneId);
  }
}

/** A zone as one service hosts it: versions are per database, so a zone moved to another service starts over. */
export interface ServiceZone {
  readonly service: string;
  readonly zoneId: string;
}

function serviceZoneId({ service, zoneId }: ServiceZone): string {
  return `${service}\n${zoneId}`;
}
