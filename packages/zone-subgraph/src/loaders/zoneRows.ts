import type { DataSource } from 'typeorm';
import type { ZoneRow } from '../db/entities';
import type { ZoneVersionMemo } from './zoneVersionMemo';

/** Zone rows as read at their zone's data version. */
export type ZoneRowsMemo = ZoneVersionMemo<ZoneRow>;

/** Zone rows a zone service keeps across requests, at most. */
export const ZONE_ROWS_MEMO = 10_000;

/** A zone row as read, with its data version: the zone's columns are null where its row is held at that version. */
type ZoneRowAtVersion = { readonly askedId: string; readonly zoneDataVersion: string | null } & (ZoneRow | { readonly [column in keyof ZoneRow]: null });

/**
 * The zones' rows (null for a zone without one), one statement for the batch, read as plain rows
 * through `columns` (`plainSelectList` of ZoneRow with the table as `z`). A zone whose row `memo`
 * holds at its current data version sends back its version alone, and its row comes from the memo:
 * a read of a hundred zones' figures does not parse a hundred rows it only checks exist. Rows are
 * frozen: they are shared by every request that reads them. `versionsRead` gets each zone's version
 * as read: the request's figure reads start from it.
 */
export async function zoneRowsOf(
  dataSource: DataSource,
  columns: string,
  memo: ZoneRowsMemo,
  ids: readonly string[],
  versionsRead?: Map<string, string>,
): Promise<(ZoneRow | null)[]> {
  const held = memo.snapshot(ids);
  const rows: ZoneRowAtVersion[] = await dataSource.query(
    `SELECT asked.id AS "askedId", v.version::text AS "zoneDataVersion", ${columns}
       FROM unnest($1::text[]) AS asked(id)
       LEFT JOIN zone_data_version v ON v.zone_id = asked.id
       LEFT JOIN unnest($2::text[], $3::bigint[]) AS held(zone_id, version) ON held.zone_id = asked.id
       LEFT JOIN zone z ON z.id = asked.id AND (v.version IS NULL OR held.version IS DISTINCT FROM v.version)`,
    [ids, held.zoneIds, held.versions],
  );
  const byId = new Map<string, ZoneRow | null>();
  for (const { askedId, zoneDataVersion, ...columnsRead } of rows) {
    if (zoneDataVersion !== null) versionsRead?.set(askedId, zoneDataVersion);
    const kept = held.values.get(askedId);
    if (zoneDataVersion !== null && kept?.dataVersion === zoneDataVersion) {
      byId.set(askedId, kept.value);
      continue;
    }
    if (columnsRead.id === null) {
      byId.set(askedId, null);
      continue;
    }
    const row = Object.freeze(columnsRead as ZoneRow);
    if (zoneDataVersion !== null) memo.set(askedId, zoneDataVersion, row);
    byId.set(askedId, row);
  }
  return ids.map((id) => byId.get(id) ?? null);
}
