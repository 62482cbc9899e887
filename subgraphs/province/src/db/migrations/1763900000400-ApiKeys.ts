import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys issued by an administrator, stored as sha256 hashes with the principal they grant. */
export class ApiKeys1763900000400 implements MigrationInterface {
  name = 'ApiKeys1763900000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_key (
        key_id text PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{16}$'),
        key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
        roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['ADMIN', 'ANALYST', 'ZONE_SYSTEM', 'BI_READER']),
        provinces text[],
        zone_ids text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        revoked_at timestamptz,
        revoked_by text,
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`);
    await q.query(`CREATE INDEX api_key_created_at ON api_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS api_key`);
  }
}
