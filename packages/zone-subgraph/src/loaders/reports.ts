import type { DataSource } from 'typeorm';
import type { IndicatorReportRow } from '../db/entities';
import type { ZoneVersionMemo } from './zoneVersionMemo';

/** One zone's reported figures, for these codes only (every code when null). */
export interface ReportsKey {
  readonly zoneId: string;
  readonly codes: readonly string[] | null;
}

/** A zone's reported figures as of one data version (null: the zone does not exist). */
export interface ZoneReports {
  readonly dataVersion: string | null;
  readonly reports: IndicatorReportRow[];
}

/** A report row as read, with its zone's data version: report columns are null on a zone without reports, or whose reports are held. */
type ReportAtVersion = { readonly versionOfZone: string; readonly zoneDataVersion: string } & (
  IndicatorReportRow | { readonly [column in keyof IndicatorReportRow]: null }
);

/** Each zone's reported figures (every code, ordered by code, period and id) as read at one data version. */
export type ReportsMemo = ZoneVersionMemo<readonly IndicatorReportRow[]>;

/** Report rows a zone service keeps across requests, at most (the zones read longest ago give theirs up first). */
export const REPORTS_MEMO_ROWS = 50_000;

/**
 * Each key's reported figures, ordered by code, period and id, and its zone's data version in the
 * same snapshot: one statement for the batch, read as plain rows through `columns` (`plainSelectList`
 * of IndicatorReportRow with the table as `r`). A zone whose reports `memo` holds at its current
 * version sends back its version alone, and its reports come from the memo; any other zone's
 * reports, every code, are read and kept. A report row also carries the two version columns;
 * nothing reads them. Rows are frozen: they are shared by every request that reads them.
 */
async function readReports(dataSource: DataSource, columns: string, memo: ReportsMemo, keys: readonly ReportsKey[]): Promise<ZoneReports[]> {
  const zoneIds = [...new Set(keys.map((key) => key.zoneId))];
  const held = memo.snapshot(zoneIds);
  const rows: ReportAtVersion[] = await dataSource.query(
    `SELECT v.zone_id AS "versionOfZone", v.version::text AS "zoneDataVersion", ${columns}
       FROM zone_data_version v
       LEFT JOIN unnest($2::text[], $3::bigint[]) AS held(zone_id, version) ON held.zone_id = v.zone_id
       LEFT JOIN indicator_report r ON r.zone_id = v.zone_id AND held.version IS DISTINCT FROM v.version
      WHERE v.zone_id = ANY($1)
      ORDER BY r.code, r.period, r.id`,
    [zoneIds, held.zoneIds, held.versions],
  );
  const versions = new Map<string, string>();
  const read = new Map<string, IndicatorReportRow[]>();
  for (const row of rows) {
    versions.set(row.versionOfZone, row.zoneDataVersion);
    if (row.id === null) continue;
    const zone = read.get(row.zoneId);
    if (zone) zone.push(Object.freeze(row));
    else read.set(row.zoneId, [Object.freeze(row)]);
  }
  const reportsAt = new Map<string, readonly IndicatorReportRow[]>();
  for (const [zoneId, version] of versions) {
    const kept = held.values.get(zoneId);
    if (kept?.dataVersion === version) {
      reportsAt.set(zoneId, kept.value);
      continue;
    }
    const reports = Object.freeze(read.get(zoneId) ?? []);
    memo.set(zoneId, version, reports, Math.max(1, reports.length));
    reportsAt.set(zoneId, reports);
  }
  return keys.map((key) => ({ dataVersion: versions.get(key.zoneId) ?? null, reports: ofCodes(reportsAt.get(key.zoneId) ?? [], key.codes) }));
}

function ofCodes(reports: readonly IndicatorReportRow[], codes: readonly string[] | null): IndicatorReportRow[] {
  if (codes === null) return [...reports];
  const wanted = new Set(codes);
  return reports.filter((row) => wanted.has(row.code));
}

/**
 * Each key's reported figures and its zone's data version. A zone whose version this request has
 * already read (`known`: the zone rows' statement reads it) and whose reports `memo` holds at that
 * version is answered from memory, without a statement; the others are read as `readReports` says.
 */
export async function reportsOfZones(
  dataSource: DataSource,
  columns: string,
  memo: ReportsMemo,
  keys: readonly ReportsKey[],
  known: ReadonlyMap<string, string> = new Map(),
): Promise<ZoneReports[]> {
  const answers = new Array<ZoneReports>(keys.length);
  const unread: number[] = [];
  keys.forEach((key, index) => {
    const version = known.get(key.zoneId);
    const reports = version === undefined ? undefined : memo.get(key.zoneId, version);
    if (version !== undefined && reports) answers[index] = { dataVersion: version, reports: ofCodes(reports, key.codes) };
    else unread.push(index);
  });
  if (unread.length > 0) {
    const read = await readReports(
      dataSource,
      columns,
      memo,
      unread.map((index) => keys[index]!),
    );
    unread.forEach((index, i) => (answers[index] = read[i]!));
  }
  return answers;
}
