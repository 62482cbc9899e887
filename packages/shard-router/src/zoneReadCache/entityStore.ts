import { LRUCache } from 'lru-cache';

export interface EntityStoreOptions {
  /** Entities kept at most. */
  readonly maxEntries: number;
  /** Their estimated memory at most: 2 bytes per character of JSON and key. */
  readonly maxBytes: number;
}

interface StoredEntity {
  readonly zoneId: string;
  /** The entity as answered, as JSON: every reader parses its own copy (the gateway merges answers in place). */
  readonly json: string;
}

/**
 * The zone-read cache's memory: entities by hashed key (`entryKeyOf`), least recently used
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
      sizeCalculation: (entity, key) => 2 * (entity.json.length + key.length),
      dispose: (entity, key) => this.unindex(entity.zoneId, key),
    });
  }

  /** The JSON of the entity stored under `key`, if any. */
  get(key: string): string | undefined {
    return this.entries.get(key)?.json;
  }

  /** Stores an entity read under `version`, unless the service has answered another version of the zone since. */
  set(key: string, serviceZone: ServiceZone, version: string, json: string): void {
    if (this.versionSeen.get(serviceZoneId(serviceZone)) !== version) return;
    this.entries.set(key, { zoneId: serviceZone.zoneId, json });
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
