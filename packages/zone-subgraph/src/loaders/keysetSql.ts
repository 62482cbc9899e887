import type { PageOrder, SortKey } from '../paging/pageOrders';

const collate = (bytewise: boolean) => (bytewise ? ' COLLATE "C"' : '');
const keySql = <R>(alias: string, key: SortKey<R>) => `${alias}.${key.column}${collate(key.bytewise)}`;
const idSql = <R>(alias: string, order: PageOrder<R>) => `${alias}.id${collate(order.bytewiseId)}`;

/** `ORDER BY` of an order, exactly as its paging index is built (`e.tax DESC NULLS LAST, e.id COLLATE "C" ASC`). */
export function orderBySql<R>(order: PageOrder<R>, alias: string): string {
  const keys = order.keys.map((key) => `${keySql(alias, key)} ${key.descending ? 'DESC' : 'ASC'}${key.nullable ? ' NULLS LAST' : ''}`);
  return [...keys, `${idSql(alias, order)} ASC`].join(', ');
}

/**
 * The rows after a position (its key values and id given as SQL expressions),
 * among rows whose keys are not null. An all-ascending order is one row
 * comparison, `(k1, k2, id) > ($k1, $k2, $id)`, which the index reads as a
 * start position on every column. Otherwise each key bounds the scan in turn:
 * `k <= $k AND (k < $k OR id > $id)` for a descending key, so a deep page
 * starts where the previous one ended and only rows tied with the position
 * on the key are read and dropped.
 */
export function afterSql<R>(order: PageOrder<R>, alias: string, keyRefs: readonly string[], idRef: string): string {
  if (order.keys.every((key) => !key.descending && !key.nullable)) {
    const columns = [...order.keys.map((key) => keySql(alias, key)), idSql(alias, order)];
    return `(${columns.join(', ')}) > (${[...keyRefs, idRef].join(', ')})`;
  }
  const level = (i: number): string => {
    const key = order.keys[i];
    if (!key) return `${idSql(alias, order)} > ${idRef}`;
    const column = keySql(alias, key);
    const ref = keyRefs[i];
    return `${column} ${key.descending ? '<=' : '>='} ${ref} AND (${column} ${key.descending ? '<' : '>'} ${ref} OR ${level(i + 1)})`;
  };
  return level(0);
}

/** The rows whose single, nullable key is null and whose id comes after `idRef` (the null part of a DESC NULLS LAST order). */
export function nullTailAfterSql<R>(order: PageOrder<R>, alias: string, idRef: string): string {
  const [key, ...rest] = order.keys;
  if (!key?.nullable || rest.length > 0) throw new Error('a null tail exists only for an order of one nullable key');
  return `${alias}.${key.column} IS NULL AND ${idSql(alias, order)} > ${idRef}`;
}

/** Whether an order has a null tail to read apart: its one key is nullable. */
export function hasNullTail<R>(order: PageOrder<R>): boolean {
  if (order.keys.some((key, i) => key.nullable && (i > 0 || order.keys.length > 1))) throw new Error('only an order of one key may have a nullable key');
  return order.keys[0]?.nullable ?? false;
}
