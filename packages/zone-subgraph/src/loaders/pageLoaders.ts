import DataLoader from 'dataloader';
import type { KeysetPosition } from '../paging/pageOrders';
import type { PageRequest, ZonePage, ZoneSlice } from './pageQueries';

/** One zone's page: the arguments of the field, and the position of its cursor (none: from `offset`). */
export interface PageKey<F, O> extends PageRequest<F, O> {
  zoneId: string;
  after?: KeysetPosition | null;
}

/** A zone's count of the rows a filter selects. */
export interface CountKey<F> {
  zoneId: string;
  filter?: F;
}

const argumentsOf = <F, O>({ filter, orderBy, first, offset }: PageKey<F, O>) => JSON.stringify({ filter, orderBy, first, offset });

/** Positions of the keys, grouped by what `groupOf` gives for each. */
function indicesBy<K>(keys: readonly K[], groupOf: (key: K) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const group = groups.get(groupOf(key));
    if (group) group.push(i);
    else groups.set(groupOf(key), [i]);
  });
  return groups;
}

/**
 * Batches page keys that share their arguments (cursors apart: each zone
 * brings its own) into one fetch per distinct argument set.
 */
export function pageLoader<F, O, R>(
  fetch: (zones: readonly ZoneSlice[], request: PageRequest<F, O>) => Promise<ZonePage<R>[]>,
): DataLoader<PageKey<F, O>, ZonePage<R>, string> {
  return new DataLoader(
    async (keys) => {
      const groups = indicesBy(keys, argumentsOf);
      const results: ZonePage<R>[] = new Array<ZonePage<R>>(keys.length);
      await Promise.all(
        [...groups.values()].map(async (members) => {
          const { filter, orderBy, first, offset } = keys[members[0]!]!;
          const pages = await fetch(
            members.map((i) => ({ zoneId: keys[i]!.zoneId, after: keys[i]!.after ?? null })),
            { filter, orderBy, first, offset },
          );
          pages.forEach((page, j) => (results[members[j]!] = page));
        }),
      );
      return results;
    },
    { cacheKeyFn: (key) => `${key.zoneId}|${argumentsOf(key)}|${JSON.stringify(key.after ?? null)}` },
  );
}

/** Batches counts by filter: one statement per distinct filter, whatever the number of zones. */
export function countLoader<F>(count: (zoneIds: readonly string[], filter: F | undefined) => Promise<number[]>): DataLoader<CountKey<F>, number, string> {
  const filterOf = (key: CountKey<F>) => JSON.stringify(key.filter ?? null);
  return new DataLoader(
    async (keys) => {
      const groups = indicesBy(keys, filterOf);
      const results: number[] = new Array<number>(keys.length);
      await Promise.all(
        [...groups.values()].map(async (members) => {
          const totals = await count(
            members.map((i) => keys[i]!.zoneId),
            keys[members[0]!]!.filter,
          );
          totals.forEach((total, j) => (results[members[j]!] = total));
        }),
      );
      return results;
    },
    { cacheKeyFn: (key) => `${key.zoneId}|${filterOf(key)}` },
  );
}
