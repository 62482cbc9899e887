/** The columns of the side-by-side table, in print order; the first is the reference of every ratio. */
export const COLUMNS = ['direct', 'ours', 'oursNoDedup', 'oursCached', 'apollo', 'hiveOff', 'hiveOn', 'floor'] as const;
export type Column = (typeof COLUMNS)[number];

export const COLUMN_TITLES: Readonly<Record<Column, string>> = {
  direct: 'zone service directly',
  ours: 'this gateway',
  oursNoDedup: 'this gateway dedup off',
  oursCached: 'this gateway, caches on',
  apollo: 'plain @apollo/gateway',
  hiveOff: 'Hive Gateway dedup off',
  hiveOn: 'Hive Gateway dedup on',
  floor: 'forwarding proxy (floor)',
};
