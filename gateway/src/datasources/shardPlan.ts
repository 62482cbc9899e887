import { zoneIdOf } from '@devzone/registry';

/** What the plan needs to know of a zone service. */
export interface ShardService {
  readonly name: string;
}

/** The representations of one `_entities` request that go to one service. */
export interface ShardPart<S extends ShardService> {
  readonly service: S;
  /** Index, in the original request, of each representation of this part (part order). */
  readonly originalIndices: readonly number[];
  readonly representations: readonly unknown[];
  /** Each zone of this part with the original index of its first representation. */
  readonly firstIndexOfZone: ReadonlyMap<string, number>;
}

/** A zone that no service hosts (zoneId `null`: the representation carries no string `id`). */
export interface UnroutedZone {
  readonly zoneId: string | null;
  readonly firstIndex: number;
}

export interface ShardPlan<S extends ShardService> {
  /** Number of representations in the original request. */
  readonly total: number;
  /** One part per service, in order of first appearance. */
  readonly parts: readonly ShardPart<S>[];
  readonly unrouted: readonly UnroutedZone[];
}

/** The zone an entity representation belongs to: the prefix of its global `id`. */
export function zoneOfRepresentation(representation: unknown): string | null {
  if (typeof representation !== 'object' || representation === null) return null;
  const id = (representation as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? zoneIdOf(id) : null;
}

interface PartBuilder<S extends ShardService> {
  service: S;
  originalIndices: number[];
  representations: unknown[];
  firstIndexOfZone: Map<string, number>;
}

/**
 * Splits the representations of one `_entities` request into one part per hosting
 * service, whatever the number of zones the service hosts.
 */
export function planShards<S extends ShardService>(representations: readonly unknown[], serviceForZone: (zoneId: string) => S | undefined): ShardPlan<S> {
  const parts = new Map<string, PartBuilder<S>>();
  const unrouted = new Map<string | null, UnroutedZone>();
  representations.forEach((representation, index) => {
    const zoneId = zoneOfRepresentation(representation);
    const service = zoneId === null ? undefined : serviceForZone(zoneId);
    if (zoneId === null || !service) {
      if (!unrouted.has(zoneId)) unrouted.set(zoneId, { zoneId, firstIndex: index });
      return;
    }
    let part = parts.get(service.name);
    if (!part) {
      part = { service, originalIndices: [], representations: [], firstIndexOfZone: new Map() };
      parts.set(service.name, part);
    }
    part.originalIndices.push(index);
    part.representations.push(representation);
    if (!part.firstIndexOfZone.has(zoneId)) part.firstIndexOfZone.set(zoneId, index);
  });
  return { total: representations.length, parts: [...parts.values()], unrouted: [...unrouted.values()] };
}
