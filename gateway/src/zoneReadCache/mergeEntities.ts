import { renumberErrorPath } from '@devzone/shard-router';
import type { DataSourceResponse } from '../datasources/types';

/**
 * One `_entities` answer for every representation asked, in the original order: those
 * served from the cache (`cached`, by original index) and those the inner data source
 * answered for `sentIndices` (its entity `i` is original index `sentIndices[i]`; its
 * error paths are renumbered the same way). A position it left unanswered is null.
 */
export function mergeEntities(
  total: number,
  cached: ReadonlyMap<number, unknown>,
  sentIndices: readonly number[],
  response: DataSourceResponse,
): DataSourceResponse {
  const entities: unknown[] = new Array<unknown>(total).fill(null);
  for (const [index, entity] of cached) entities[index] = entity;
  const fetched: unknown = response.data?._entities;
  if (Array.isArray(fetched)) sentIndices.forEach((original, i) => (entities[original] = fetched[i] ?? null));
  const errors = response.errors?.map((error) => renumberErrorPath(error, sentIndices));
  return { ...response, data: { ...response.data, _entities: entities }, ...(errors ? { errors } : {}) };
}

/**
 * The zones an answer reported an error for, by the zone of each representation sent
 * (`zoneOfSent[i]` for entity `i`): an error placed on `["_entities", i, ...]`, or naming
 * `extensions.zoneId`. `'all'` when an error names neither: nothing of the answer is stored.
 */
export function zonesWithErrors(response: DataSourceResponse, zoneOfSent: readonly (string | null)[]): ReadonlySet<string> | 'all' {
  const zones = new Set<string>();
  for (const error of response.errors ?? []) {
    const path = error.path;
    const zoneAtPath = path && path[0] === '_entities' && typeof path[1] === 'number' ? zoneOfSent[path[1]] : undefined;
    const namedZone = error.extensions?.zoneId;
    if (typeof zoneAtPath === 'string') zones.add(zoneAtPath);
    if (typeof namedZone === 'string') zones.add(namedZone);
    if (typeof zoneAtPath !== 'string' && typeof namedZone !== 'string') return 'all';
  }
  return zones;
}
