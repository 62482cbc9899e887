import type { MigrationInterface, QueryRunner } from 'typeorm';

const BUMP = (remember: string) => `
  CREATE OR REPLACE FUNCTION zone_data_bump(changed text[]) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    bumped text[] := coalesce(nullif(current_setting('devzone.zone_data_bumped', true), ''), '{}')::text[];
    fresh text[];
    done text[];
  BEGIN
    SELECT array_agg(DISTINCT id ORDER BY id) INTO fresh FROM unnest(changed) AS id WHERE id IS NOT NULL AND id <> ALL (bumped);
    IF fresh IS NULL THEN
      RETURN;
    END IF;
    -- Zones created by this very statement (the zone trigger) get their row here.
    INSERT INTO zone_data_version (zone_id, version)
      SELECT z.id, nextval('zone_data_version_seq') FROM zone z
       WHERE z.id = ANY (fresh) AND NOT EXISTS (SELECT 1 FROM zone_data_version v WHERE v.zone_id = z.id)
       ORDER BY z.id
      ON CONFLICT (zone_id) DO NOTHING;
    PERFORM 1 FROM zone_data_version WHERE zone_id = ANY (fresh) ORDER BY zone_id FOR UPDATE;
    WITH updated AS (UPDATE zone_data_version SET version = nextval('zone_data_version_seq') WHERE zone_id = ANY (fresh) RETURNING zone_id)
    SELECT array_agg(zone_id) INTO done FROM updated;
    PERFORM set_config('devzone.zone_data_bumped', (bumped || ${remember})::text, true);
  END $$`;

/**
 * A transaction remembers only the zones whose version row it did change. Before, it remembered
 * every zone id a write named, so a zone named before it existed (an audit row, or a zone deleted
 * and created again in one transaction) was skipped when created, and got no version row.
 */
export class ZoneDataBumpedOnly1763900000900 implements MigrationInterface {
  name = 'ZoneDataBumpedOnly1763900000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(BUMP(`coalesce(done, '{}')`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(BUMP('fresh'));
  }
}
