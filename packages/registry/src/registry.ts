import { parseOrThrow } from '@devzone/errors';
import { zoneServiceListSchema, type ZoneServiceEntry } from './model';

/**
 * Which service hosts which zone. The gateway routes with it and the province
 * directory reports it. Static configuration today; runtime registration
 * replaces the implementation, not the interface.
 */
export interface ZoneServiceRegistry {
  services(): readonly ZoneServiceEntry[];
  serviceForZone(zoneId: string): ZoneServiceEntry | undefined;
  /** Called with the new list whenever it changes. Returns an unsubscribe function. */
  onChange(listener: (services: readonly ZoneServiceEntry[]) => void): () => void;
}

export class StaticZoneServiceRegistry implements ZoneServiceRegistry {
  private readonly byZone: ReadonlyMap<string, ZoneServiceEntry>;
  private readonly entries: readonly ZoneServiceEntry[];

  constructor(entries: readonly ZoneServiceEntry[]) {
    this.entries = parseOrThrow(zoneServiceListSchema, entries, 'zone service registry');
    this.byZone = new Map(this.entries.flatMap((entry) => entry.zoneIds.map((zoneId) => [zoneId, entry] as const)));
  }

  /** Reads `ZONE_SERVICES`: a JSON array of `{ name, url, zoneIds }`. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env, variable = 'ZONE_SERVICES'): StaticZoneServiceRegistry {
    const raw = env[variable];
    if (!raw) throw new Error(`${variable} is not set: expected a JSON array of { name, url, zoneIds }`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw new Error(`${variable} is not valid JSON: ${(error as Error).message}`);
    }
    return new StaticZoneServiceRegistry(parseOrThrow(zoneServiceListSchema, parsed, variable));
  }

  services(): readonly ZoneServiceEntry[] {
    return this.entries;
  }

  serviceForZone(zoneId: string): ZoneServiceEntry | undefined {
    return this.byZone.get(zoneId);
  }

  onChange(): () => void {
    return () => undefined;
  }
}

/**
 * A registry whose list is replaced at runtime (the runtime registry's accepted states).
 * Each list is held as an immutable `StaticZoneServiceRegistry`: `snapshot()` gives the
 * one a request started with, so a request finishes on the shard map it began on.
 */
export class MutableZoneServiceRegistry implements ZoneServiceRegistry {
  private current: StaticZoneServiceRegistry;
  private readonly listeners = new Set<(services: readonly ZoneServiceEntry[]) => void>();

  constructor(entries: readonly ZoneServiceEntry[] = []) {
    this.current = new StaticZoneServiceRegistry(entries);
  }

  /** Validates and swaps in a new list; listeners are told after the swap. Throws (keeping the old list) when the list is invalid. */
  replace(entries: readonly ZoneServiceEntry[]): void {
    this.current = new StaticZoneServiceRegistry(entries);
    const services = this.current.services();
    for (const listener of this.listeners) listener(services);
  }

  snapshot(): StaticZoneServiceRegistry {
    return this.current;
  }

  services(): readonly ZoneServiceEntry[] {
    return this.current.services();
  }

  serviceForZone(zoneId: string): ZoneServiceEntry | undefined {
    return this.current.serviceForZone(zoneId);
  }

  onChange(listener: (services: readonly ZoneServiceEntry[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
