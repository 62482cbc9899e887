import type { DataSource } from 'typeorm';
import type { IndicatorReportRow } from '../db/entities';
import { groupByKey } from './groupBy';

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

/** A report row as read, with its zone's data version: report columns are null on a zone without reports. */
type ReportAtVersion = { readonly versionOfZone: string; readonly zoneDataVersion: string } & (
  IndicatorReportRow | { readonly [column in keyof IndicatorReportRow]: null }
);

/**
 * Each key's reported figures, ordered by code, period and id, and its zone's data version in the
 * same snapshot: one statement for the batch, over the union of the keys' codes (every code when a
 * key asks for all), read as plain rows through `columns` (`plainSelectList` of IndicatorReportRow
 * with the table as `r`). A report row also carries the two version columns; nothing reads them.
 */
export async function reportsOfZones(dataSource: DataSource, columns: string, keys: readonly ReportsKey[]): Promise<ZoneReports[]> {
  const zoneIds = [...new Set(keys.map((key) => key.zoneId))];
  const everyCode = keys.some((key) => key.codes === null);
  const codes = everyCode ? null : [...new Set(keys.flatMap((key) => key.codes ?? []))];
  const rows: ReportAtVersion[] = await dataSource.query(
    `SELECT v.zone_id AS "versionOfZone", v.version::text AS "zoneDataVersion", ${columns}
       FROM zone_data_version v LEFT JOIN indicator_report r ON r.zone_id = v.zone_id${codes ? ' AND r.code = ANY($2)' : ''}
      WHERE v.zone_id = ANY($1)
      ORDER BY r.code, r.period, r.id`,
    codes ? [zoneIds, codes] : [zoneIds],
  );
  const versions = new Map<string, string>();
  const reports: IndicatorReportRow[] = [];
  for (const row of rows) {
    versions.set(row.versionOfZone, row.zoneDataVersion);
    if (row.id !== null) reports.push(row);
  }
  const byZone = groupByKey(
    keys.map((key) => key.zoneId),
    reports,
    (row) => row.zoneId,
  );
  return keys.map((key, i) => {
    const wanted = key.codes ? new Set(key.codes) : null;
    return { dataVersion: versions.get(key.zoneId) ?? null, reports: wanted ? byZone[i]!.filter((row) => wanted.has(row.code)) : byZone[i]! };
  });
}
