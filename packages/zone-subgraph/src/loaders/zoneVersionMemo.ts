/** Data versions are bigint counters read as text. */
export const isOlderVersion = (version: string, than: string): boolean => BigInt(version) < BigInt(than);

/**
 * What a memo held for some zones when a statement was sent: `values` is what a zone found at
 * `dataVersion` is answered with (taken before the statement, so whatever other requests keep
 * meanwhile, what is used is what was asked about); `zoneIds` and `versions` are the statement's
 * `unnest($n::text[], $m::bigint[])` parameters.
 */
export interface HeldSnapshot<T> {
  readonly values: ReadonlyMap<string, { readonly dataVersion: string; readonly value: T }>;
  readonly zoneIds: string[];
  readonly versions: string[];
}

interface Held<T> {
  readonly dataVersion: string;
  readonly value: T;
  readonly weight: number;
}

/**
 * One value per zone, as read at the zone's latest data version seen (its row, its reports). A
 * value read at a version never changes: the version moves, in the same transaction, with every
 * write the zone's records see (`zone_data_version`), so a hit needs no invalidation, only a bound.
 * A later version replaces the zone's value; a value at an earlier version than the one held is
 * not kept. Once the weights held pass `capacity`, the zones kept longest give theirs up first.
 */
export class ZoneVersionMemo<T> {
  private readonly zones = new Map<string, Held<T>>();
  private weights = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new Error(`ZoneVersionMemo capacity must be a whole number ≥ 0, got ${capacity}`);
  }

  /** The weight held, over all zones. */
  get size(): number {
    return this.weights;
  }

  /** The zone's value and the version it was read at, if any: a read asks the database whether that version is still current. */
  held(zoneId: string): { readonly dataVersion: string; readonly value: T } | undefined {
    return this.zones.get(zoneId);
  }

  /** What is held for these zones now, and the parameters that ask the database whether it is still current. */
  snapshot(zoneIds: readonly string[]): HeldSnapshot<T> {
    const values = new Map<string, Held<T>>();
    for (const zoneId of zoneIds) {
      const kept = this.zones.get(zoneId);
      if (kept) values.set(zoneId, kept);
    }
    return { values, zoneIds: [...values.keys()], versions: [...values.values()].map((kept) => kept.dataVersion) };
  }

  get(zoneId: string, dataVersion: string): T | undefined {
    const held = this.zones.get(zoneId);
    return held?.dataVersion === dataVersion ? held.value : undefined;
  }

  /** Keeps `value` as the zone's at `dataVersion`; `weight` is what it counts against the capacity (e.g. its rows). */
  set(zoneId: string, dataVersion: string, value: T, weight = 1): void {
    if (weight > this.capacity) return;
    const held = this.zones.get(zoneId);
    if (held) {
      if (isOlderVersion(dataVersion, held.dataVersion)) return;
      this.zones.delete(zoneId);
      this.weights -= held.weight;
    }
    this.zones.set(zoneId, { dataVersion, value, weight });
    this.weights += weight;
    while (this.weights > this.capacity) this.forgetOldest();
  }

  private forgetOldest(): void {
    const oldest = this.zones.entries().next();
    if (oldest.done) return;
    const [zoneId, held] = oldest.value;
    this.zones.delete(zoneId);
    this.weights -= held.weight;
  }
}
