import type { ServiceDatabase } from '@devzone/database';

type DataSource = ServiceDatabase['dataSource'];

/**
 * Tables a read may fill without storing anything: a zone service keeps the figures it computed
 * for a read, per zone, code and data version (docs/zone-data.md).
 */
const READ_CACHES = ['computed_figure'];

/** Rows of every table of one service database (read caches left out), by table name. */
export async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables = (await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1)) ORDER BY table_name`,
    [READ_CACHES],
  )) as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM "${name}"`)) as { n: number }[];
    counts[name] = n;
  }
  return counts;
}

/** Row counts of every table of every database, keyed `<service>.<table>`. */
export async function allRowCounts(databases: readonly { service: string; dataSource: DataSource }[]): Promise<Record<string, number>> {
  const all: Record<string, number> = {};
  for (const { service, dataSource } of databases) {
    for (const [table, n] of Object.entries(await rowCounts(dataSource))) all[`${service}.${table}`] = n;
  }
  return all;
}
