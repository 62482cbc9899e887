import type { DataSource } from 'typeorm';
import type { IndicatorReportRow } from '../db/entities';
import { groupByKey } from './groupBy';

/** One zone's reported figures, for these codes only (every code when null). */
export interface ReportsKey {
  readonly zoneId: string;
  readonly codes: readonly string[] | null;
}

/**
 * Each key's reported figures, ordered by code, period and id: one statement for the batch, over
 * the union of the keys' codes (every code when a key asks for all), read as plain rows through
 * `columns` (`plainSelectList` of IndicatorReportRow).
 */
export async function reportsOfZones(dataSource: DataSource, columns: string, keys: readonly ReportsKey[]): Promise<IndicatorReportRow[][]> {
  const zoneIds = [...new Set(keys.map((key) => key.zoneId))];
  const everyCode = keys.some((key) => key.codes === null);
  const codes = everyCode ? null : [...new Set(keys.flatMap((key) => key.codes ?? []))];
  const rows: IndicatorReportRow[] = await dataSource.query(
    `SELECT ${columns} FROM indicator_report WHERE zone_id = ANY($1)${codes ? ' AND code = ANY($2)' : ''} ORDER BY code, period, id`,
    codes ? [zoneIds, codes] : [zoneIds],
  );
  const byZone = groupByKey(
    keys.map((key) => key.zoneId),
    rows,
    (row) => row.zoneId,
  );
  return keys.map((key, i) => {
    const wanted = key.codes ? new Set(key.codes) : null;
    return wanted ? byZone[i]!.filter((row) => wanted.has(row.code)) : byZone[i]!;
  });
}
