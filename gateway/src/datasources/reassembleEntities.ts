import type { GraphQLFormattedError } from 'graphql';
import type { PartOutcome } from './readEntitiesAnswer';
import type { ShardPlan, ShardService } from './shardPlan';
import { zoneNotRoutedError, zoneUnavailableError } from './zoneErrors';

export interface ReassembledEntities {
  /** One entry per original representation, in the original order; null where unavailable. */
  readonly entities: unknown[];
  readonly errors: GraphQLFormattedError[];
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
  plan.parts.forEach((part, p) => {
    const outcome = outcomes[p] ?? { status: 'failed', reason: 'was not asked' };
    if (outcome.status === 'failed') {
      for (const [zoneId, index] of part.firstIndexOfZone) {
        errors.push(zoneUnavailableError(zoneId, part.service.name, outcome.reason, index, outcome.breaker));
      }
      return;
    }
    part.originalIndices.forEach((original, i) => {
      entities[original] = outcome.entities[i] ?? null;
    });
    errors.push(...outcome.errors.map((error) => renumberErrorPath(error, part.originalIndices)));
  });
  for (const { zoneId, firstIndex } of plan.unrouted) errors.push(zoneNotRoutedError(zoneId, firstIndex));
  return { entities, errors };
}
