import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The principal that saved the run (`created_by` = Principal.subject); runs saved before owners existed belong to `legacy`, which only administrators see. */
export class SelectionRunOwner1763900000500 implements MigrationInterface {
  name = 'SelectionRunOwner1763900000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE selection_run ADD COLUMN created_by text`);
    await q.query(`UPDATE selection_run SET created_by = 'legacy'`);
    await q.query(`ALTER TABLE selection_run ALTER COLUMN created_by SET NOT NULL`);
    await q.query(`ALTER TABLE selection_run ADD CONSTRAINT selection_run_created_by CHECK (length(created_by) BETWEEN 1 AND 300)`);
    await q.query(`CREATE INDEX selection_run_owner ON selection_run (created_by, created_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS selection_run_owner`);
    await q.query(`ALTER TABLE selection_run DROP COLUMN IF EXISTS created_by`);
  }
}
