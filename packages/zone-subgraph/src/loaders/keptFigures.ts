import type { DataSource } from 'typeorm';
import type { ComputedFigure } from '../computed/assessZone';

/** What the rules gave for one zone and code: a figure, or the reason there is none. */
export type CodeOutcome = { readonly figure: ComputedFigure } | { readonly unassessed: string };

/** A zone's current data version and the outcomes kept for it at that version (under these rules). */
export interface KeptZone {
  readonly dataVersion: string;
  readonly outcomes: Map<string, CodeOutcome>;
}

export interface KeptOutcome {
  readonly zoneId: string;
  readonly code: string;
  readonly dataVersion: string;
  readonly outcome: CodeOutcome;
}

interface VersionRow {
  zone_id: string;
  version: string;
}

interface KeptRow {
  zone_id: string;
  data_version: string;
  code: string;
  figure: ComputedFigure | null;
  unassessed: string | null;
}

/** Each existing zone's current data version (a zone missing from the answer does not exist): one statement. */
export async function readDataVersions(dataSource: DataSource, zoneIds: readonly string[]): Promise<Map<string, string>> {
  const rows: VersionRow[] = await dataSource.query(`SELECT zone_id, version::text AS version FROM zone_data_version WHERE zone_id = ANY($1)`, [zoneIds]);
  return new Map(rows.map((row) => [row.zone_id, row.version]));
}

/**
 * The outcomes of `codes` kept for these zones under `rules`, each with the version it was computed
 * at (at most one per zone and code; the caller drops those of an earlier version): one statement,
 * a plain scan of the primary key.
 */
export async function readKeptOutcomes(dataSource: DataSource, zoneIds: readonly string[], codes: readonly string[], rules: string): Promise<KeptOutcome[]> {
  const rows: KeptRow[] = await dataSource.query(
    `SELECT zone_id, data_version::text AS data_version, code, figure, unassessed
       FROM computed_figure WHERE zone_id = ANY($1) AND code = ANY($2) AND rules = $3`,
    [zoneIds, codes, rules],
  );
  // The table's check holds exactly one of figure and unassessed (written by keepFigures only).
  return rows.map((row) => ({
    zoneId: row.zone_id,
    code: row.code,
    dataVersion: row.data_version,
    outcome: row.figure ? { figure: row.figure } : { unassessed: row.unassessed ?? '' },
  }));
}

/**
 * Keeps outcomes at the data version they were computed at: one statement, rows in key order (two
 * readers keeping the same zone lock in the same order). An outcome never replaces one kept at a
 * later version, which a reader that saw a later write may already have stored.
 */
export async function keepFigures(dataSource: DataSource, kept: readonly KeptOutcome[], rules: string): Promise<void> {
  if (kept.length === 0) return;
  const rows = [...kept]
    .sort((a, b) => (a.zoneId === b.zoneId ? (a.code < b.code ? -1 : 1) : a.zoneId < b.zoneId ? -1 : 1))
    .map(({ zoneId, code, dataVersion, outcome }) => ({
      zone_id: zoneId,
      code,
      data_version: dataVersion,
      figure: 'figure' in outcome ? outcome.figure : null,
      unassessed: 'unassessed' in outcome ? outcome.unassessed : null,
    }));
  await dataSource.query(
    `INSERT INTO computed_figure (zone_id, code, data_version, rules, figure, unassessed)
     SELECT r.zone_id, r.code, r.data_version, $2, r.figure, r.unassessed
       FROM jsonb_to_recordset($1::jsonb) AS r(zone_id text, code text, data_version bigint, figure json, unassessed text)
     ON CONFLICT (zone_id, code) DO UPDATE
        SET data_version = EXCLUDED.data_version, rules = EXCLUDED.rules, figure = EXCLUDED.figure, unassessed = EXCLUDED.unassessed
      WHERE computed_figure.data_version <= EXCLUDED.data_version`,
    [JSON.stringify(rows), rules],
  );
}
