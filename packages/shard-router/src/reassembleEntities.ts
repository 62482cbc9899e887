import type { GraphQLFormattedError } from 'graphql';
import type { PartOutcome } from './readEntitiesAnswer';
import type { ShardPlan, ShardService } from './shardPlan';
import { zoneNotRoutedError, zoneUnavailableError } from './zoneErrors';

/**
 * A zone none of whose entities could be read: its service failed (`service` named) or no
 * service hosts it (`service` null; `zoneId` null when a representation carries no `id`).
 */
export interface ZoneFailure {
  readonly zoneId: string | null;
  readonly service: string | null;
  /** The message of the zone's `ZONE_UNAVAILABLE` or `ZONE_NOT_ROUTED` error. */
  readonly message: string;
  /** Why, without naming zone or service: the service's failure, or that no service hosts the zone. */
  readonly reason: string;
  /** The codes of the errors the service answered instead of entities, if it did. */
  readonly serviceCodes?: readonly string[];
}

export interface ReassembledEntities {
  /** One entry per original representation, in the original order; null where unavailable. */
  readonly entities: unknown[];
  readonly errors: GraphQLFormattedError[];
  /** One per zone that failed as a whole, each also one of `errors`. */
  readonly failures: ZoneFailure[];
}

/**
 * Moves an error's `["_entities", i, ...]` path from the part's numbering back to
 * the original request's. Errors with another path are returned unchanged; an index
 * outside the part drops the path (it cannot be placed).
 */
export function renumberErrorPath(error: GraphQLFormattedError, originalIndices: readonly number[]): GraphQLFormattedError {
  const path = error.path;
  if (!path || path[0] !== '_entities' || typeof path[1] !== 'number') return error;
  const original = originalIndices[path[1]];
  if (original === undefined) {
    const { path: _dropped, ...rest } = error;
    return rest;
  }
  return { ...error, path: ['_entities', original, ...path.slice(2)] };
}

/**
 * Puts the parts' answers back into the original order and count. A failed part
 * leaves its entities null and adds one ZONE_UNAVAILABLE error per zone it carried;
 * an unrouted zone adds one ZONE_NOT_ROUTED error.
 */
export function reassembleEntities<S extends ShardService>(plan: ShardPlan<S>, outcomes: readonly PartOutcome[]): ReassembledEntities {
  const entities: unknown[] = new Array<unknown>(plan.total).fill(null);
  const errors: GraphQLFormattedError[] = [];
  const failures: ZoneFailure[] = [];
  plan.parts.forEach((part, p) => {
    const outcome = outcomes[p] ?? { status: 'failed', reason: 'was not asked' };
    if (outcome.status === 'failed') {
      for (const [zoneId, index] of part.firstIndexOfZone) {
        const { breaker, serviceCodes } = outcome;
        const error = zoneUnavailableError(zoneId, part.service.name, outcome.reason, index, { breaker, serviceCodes });
        errors.push(error);
        failures.push({ zoneId, service: part.service.name, message: error.message, reason: outcome.reason, ...(serviceCodes ? { serviceCodes } : {}) });
      }
      return;
    }
    part.originalIndices.forEach((original, i) => {
      entities[original] = outcome.entities[i] ?? null;
    });
    errors.push(...outcome.errors.map((error) => renumberErrorPath(error, part.originalIndices)));
  });
  for (const { zoneId, firstIndex } of plan.unrouted) {
    const error = zoneNotRoutedError(zoneId, firstIndex);
    errors.push(error);
    failures.push({ zoneId, service: null, message: error.message, reason: zoneId === null ? 'no id to route on' : 'no registered zone service hosts it' });
  }
  return { entities, errors, failures };
}
