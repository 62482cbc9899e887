import type { DataSource } from 'typeorm';

/**
 * The data version of each zone asked that the database holds, as decimal strings (bigint), from
 * committed state: one statement outside any transaction.
 */
export async function readDataVersions(dataSource: DataSource, zoneIds: readonly string[]): Promise<Map<string, string>> {
  const rows: { zone_id: string; version: string }[] = await dataSource.query(
    `SELECT zone_id, version::text AS version FROM zone_data_version WHERE zone_id = ANY($1) ORDER BY zone_id`,
    [zoneIds],
  );
  return new Map(rows.map((r) => [r.zone_id, r.version]));
}
