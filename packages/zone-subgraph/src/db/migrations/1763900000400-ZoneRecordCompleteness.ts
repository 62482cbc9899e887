import type { MigrationInterface, QueryRunner } from 'typeorm';

const COMPLETENESS_COLUMNS = [
  'enterprises_completeness',
  'party_organizations_completeness',
  'honors_completeness',
  'alliances_completeness',
  'service_stations_completeness',
] as const;

/**
 * How complete each kind of a zone's records is (`complete`: the zone's full
 * register; `named_only`: only what a source names) and the date the records
 * are as of. Zones stored before this are backfilled `named_only` (it never
 * overstates), synthetic ones `complete` (the generator writes whole zones);
 * their records date stays null and computed figures fall back to seeded_at.
 * The defaults are dropped afterwards so that every write states completeness.
 */
export class ZoneRecordCompleteness1763900000400 implements MigrationInterface {
  name = 'ZoneRecordCompleteness1763900000400';

  async up(q: QueryRunner): Promise<void> {
    for (const column of COMPLETENESS_COLUMNS) {
      await q.query(`ALTER TABLE zone ADD COLUMN ${column} text NOT NULL DEFAULT 'named_only' CHECK (${column} IN ('complete', 'named_only'))`);
    }
    await q.query(`ALTER TABLE zone ADD COLUMN records_as_of text CHECK (records_as_of ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')`);
    await q.query(`UPDATE zone SET ${COMPLETENESS_COLUMNS.map((c) => `${c} = 'complete'`).join(', ')} WHERE synthetic`);
    for (const column of COMPLETENESS_COLUMNS) {
      await q.query(`ALTER TABLE zone ALTER COLUMN ${column} DROP DEFAULT`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['records_as_of', ...COMPLETENESS_COLUMNS]) {
      await q.query(`ALTER TABLE zone DROP COLUMN ${column}`);
    }
  }
}
