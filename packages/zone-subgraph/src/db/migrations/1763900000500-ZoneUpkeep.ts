import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The kinds of record a zone system keeps current: they carry who entered their values. */
const UPKEPT_TABLES = ['enterprise', 'party_organization', 'honor', 'indicator_report'] as const;

/**
 * Zone data upkeep (docs/zone-data.md):
 * - who entered a record's current values through the upkeep mutations (`entered_by`, the principal's
 *   subject, and `entered_at`); such a row needs no source article, so the "synthetic or sourced"
 *   check of the initial schema becomes "synthetic, entered or sourced";
 * - a figure's scope (part of the zone it is about; '' for the whole zone) and the document it cites;
 * - natural keys held by unique indexes where the data allows it: a credit code once per zone, a
 *   zone system's figure once per (code, period, scope);
 * - `upkeep_audit`: every change, who, when, before and after;
 * - `applied_seed`: which content of each seed file was applied, so that a file edited later is
 *   reported at start instead of silently ignored.
 */
export class ZoneUpkeep1763900000500 implements MigrationInterface {
  name = 'ZoneUpkeep1763900000500';

  async up(q: QueryRunner): Promise<void> {
    for (const table of UPKEPT_TABLES) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN entered_by text, ADD COLUMN entered_at timestamptz`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_entered CHECK ((entered_by IS NULL) = (entered_at IS NULL))`);
      // The initial schema's check is unnamed: find it by what it says.
      const [sourced] = (await q.query(
        `SELECT conname FROM pg_constraint
          WHERE conrelid = $1::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%synthetic OR%source_document IS NOT NULL%'`,
        [table],
      )) as { conname: string }[];
      if (sourced) await q.query(`ALTER TABLE ${table} DROP CONSTRAINT "${sourced.conname}"`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_provenance CHECK (synthetic OR entered_by IS NOT NULL OR (source_document IS NOT NULL AND source_passage IS NOT NULL))`,
      );
    }
    await q.query(`
      ALTER TABLE indicator_report
        ADD COLUMN scope text NOT NULL DEFAULT '',
        ADD COLUMN citation_title text,
        ADD COLUMN citation_url text,
        ADD COLUMN citation_date text,
        ADD CONSTRAINT indicator_report_citation CHECK (citation_title IS NOT NULL OR (citation_url IS NULL AND citation_date IS NULL))`);
    await q.query(`CREATE UNIQUE INDEX indicator_report_entered_key ON indicator_report (zone_id, code, period, scope) WHERE entered_by IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX enterprise_zone_credit_code ON enterprise (zone_id, credit_code) WHERE credit_code IS NOT NULL`);
    await q.query(`
      CREATE TABLE upkeep_audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        zone_id text NOT NULL,
        entity_kind text NOT NULL CHECK (entity_kind IN ('zone', 'enterprise', 'party_organization', 'honor', 'indicator_report', 'alliance', 'service_station')),
        natural_key text NOT NULL,
        record_id text,
        action text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        before jsonb,
        after jsonb,
        import_id uuid,
        CHECK ((before IS NULL) = (action = 'create') AND (after IS NULL) = (action = 'delete'))
      )`);
    await q.query(`CREATE INDEX upkeep_audit_zone ON upkeep_audit (zone_id, id DESC)`);
    await q.query(`CREATE INDEX upkeep_audit_import ON upkeep_audit (import_id) WHERE import_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE applied_seed (
        zone_id text PRIMARY KEY REFERENCES zone(id),
        file_name text NOT NULL,
        content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        content jsonb NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        applied_by text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS applied_seed`);
    await q.query(`DROP TABLE IF EXISTS upkeep_audit`);
    await q.query(`DROP INDEX IF EXISTS enterprise_zone_credit_code`);
    await q.query(`DROP INDEX IF EXISTS indicator_report_entered_key`);
    await q.query(`
      ALTER TABLE indicator_report
        DROP CONSTRAINT indicator_report_citation,
        DROP COLUMN citation_date,
        DROP COLUMN citation_url,
        DROP COLUMN citation_title,
        DROP COLUMN scope`);
    for (const table of UPKEPT_TABLES) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_provenance, DROP CONSTRAINT ${table}_entered`);
      // NOT VALID: rows a zone system entered have no source article, and going back must not lose them.
      await q.query(`ALTER TABLE ${table} ADD CHECK (synthetic OR (source_document IS NOT NULL AND source_passage IS NOT NULL)) NOT VALID`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN entered_at, DROP COLUMN entered_by`);
    }
  }
}
