import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BenchmarkPresetsAndRuns1763900000200 implements MigrationInterface {
  name = 'BenchmarkPresetsAndRuns1763900000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE benchmark_preset (
        code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*$'),
        name_zh text NOT NULL,
        name_en text NOT NULL,
        purpose text NOT NULL,
        settings jsonb NOT NULL,
        justification text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE selection_run (
        id uuid PRIMARY KEY,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        engine_version text NOT NULL,
        settings jsonb NOT NULL,
        snapshot jsonb NOT NULL,
        result jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX selection_run_created_at ON selection_run (created_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS selection_run`);
    await q.query(`DROP TABLE IF EXISTS benchmark_preset`);
  }
}
