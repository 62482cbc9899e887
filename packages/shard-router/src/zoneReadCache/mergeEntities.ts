import type { GraphQLFormattedError } from 'graphql';
import { renumberErrorPath } from '../reassembleEntities';

/** An `_entities` answer: the entities in the order asked (null when the answer has no list), and its errors. */
export interface EntitiesAnswer {
  readonly entities: readonly unknown[] | null;
  readonly errors: readonly GraphQLFormattedError[];
}

/** The entities of a read, one per representation asked, and the errors that go with them. */
export interface MergedEntities {
  readonly entities: unknown[];
  readonly errors: GraphQLFormattedError[];
}

/**
 * One `_entities` answer for every representation asked, in the original order: those
 * served from the cache (`cached`, by original index) and those fetched for `sentIndices`
 * (the fetched entity `i` is original index `sentIndices[i]`; its error paths are
 * renumbered the same way). A position left unanswered is null.
 */
export function mergeEntities(total: number, cached: ReadonlyMap<number, unknown>, sentIndices: readonly number[], fetched: EntitiesAnswer): MergedEntities {
  const entities: unknown[] = new Array<unknown>(total).fill(null);
  for (const [index, entity] of cached) entities[index] = entity;
  if (fetched.entities) sentIndices.forEach((original, i) => (entities[original] = fetched.entities?.[i] ?? null));
  return { entities, errors: fetched.errors.map((error) => renumberErrorPath(error, sentIndices)) };
}

/**
 * The zones an answer reported an error for, by the zone of each representation sent
 * (`zoneOfSent[i]` for entity `i`): an error placed on `["_entities", i, ...]`, or naming
 * `extensions.zoneId`. `'all'` when an error names neither: nothing of the answer is stored.
 */
export function zonesWithErrors(errors: readonly GraphQLFormattedError[], zoneOfSent: readonly (string | null)[]): ReadonlySet<string> | 'all' {
  const zones = new Set<string>();
  for (const error of errors) {
    const path = error.path;
    const zoneAtPath = path && path[0] === '_entities' && typeof path[1] === 'number' ? zoneOfSent[path[1]] : undefined;
    const namedZone = error.extensions?.zoneId;
    if (typeof zoneAtPath === 'string') zones.add(zoneAtPath);
    if (typeof namedZone === 'string') zones.add(namedZone);
    if (typeof zoneAtPath !== 'string' && typeof namedZone !== 'string') return 'all';
  }
  return zones;
}
