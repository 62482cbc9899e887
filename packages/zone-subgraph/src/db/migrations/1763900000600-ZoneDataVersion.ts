import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each table a zone's GraphQL answers read reaches its zone: the zone ids of a transition table
 * (`{rows}`: `new_rows` or `old_rows`). The other tables (`applied_seed`, this migration's own) are
 * read by no GraphQL answer; `dataVersions.test.ts` fails when a table is in neither group.
 */
const ZONE_DATA_TABLES: readonly (readonly [table: string, zones: string])[] = Object.entries({
  zone: 'SELECT id FROM {rows}',
  enterprise: 'SELECT zone_id FROM {rows}',
  party_organization: 'SELECT zone_id FROM {rows}',
  // A coverage link belongs to the organization's zone and to the covered enterprise's (the coverage rate).
  organization_coverage: `SELECT o.zone_id FROM party_organization o WHERE o.id IN (SELECT organization_id FROM {rows})
      UNION SELECT e.zone_id FROM enterprise e WHERE e.id IN (SELECT enterprise_id FROM {rows})`,
  honor: 'SELECT zone_id FROM {rows}',
  alliance: 'SELECT zone_id FROM {rows}',
  alliance_member: 'SELECT a.zone_id FROM alliance a WHERE a.id IN (SELECT alliance_id FROM {rows})',
  service_station: 'SELECT zone_id FROM {rows}',
  indicator_report: 'SELECT zone_id FROM {rows}',
  upkeep_audit: 'SELECT zone_id FROM {rows}',
});

/**
 * One trigger function per table: statements with static SQL keep their plans, which matters for the
 * row-by-row writes of an upkeep batch. A branch naming a transition table the event lacks is never run.
 */
function changedFunction(table: string, zones: string): string {
  const zonesOf = (rows: 'new_rows' | 'old_rows') => zones.replaceAll('{rows}', rows);
  return `
    CREATE FUNCTION zone_data_changed_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM zone_data_bump(ARRAY(${zonesOf('new_rows')}));
      ELSIF TG_OP = 'UPDATE' THEN
        PERFORM zone_data_bump(ARRAY(${zonesOf('new_rows')} UNION ${zonesOf('old_rows')}));
      ELSE
        PERFORM zone_data_bump(ARRAY(${zonesOf('old_rows')}));
      END IF;
      RETURN NULL;
    END $$`;
}

/**
 * Each zone's data version (`zone_data_version`): a number that changes, in the same transaction,
 * whenever anything a GraphQL answer about the zone reads is inserted, updated, deleted or truncated,
 * whoever writes (upkeep mutations, imports, seeds, `pnpm zone-data apply-seeds`, plain SQL).
 *
 * - Statement-level triggers with transition tables: a statement writing 100,000 rows bumps each of
 *   its zones once, not once per row.
 * - Once per transaction: the zones a transaction bumped are kept in a transaction-local setting
 *   (rolled back with a savepoint, as the bump is), so an upkeep batch's row-by-row writes take one
 *   bump per zone; the version row stays locked until commit, so a zone's versions increase in
 *   commit order.
 * - Versions come from one sequence: never reused, even by a zone deleted and created again. Zones
 *   are locked in id order, so two transactions bumping the same zones cannot deadlock on them.
 * - A zone's row is created with the zone (and removed with it); zones stored before are backfilled.
 */
export class ZoneDataVersion1763900000600 implements MigrationInterface {
  name = 'ZoneDataVersion1763900000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE zone_data_version_seq AS bigint`);
    await q.query(`
      CREATE TABLE zone_data_version (
        zone_id text PRIMARY KEY REFERENCES zone(id) ON DELETE CASCADE,
        version bigint NOT NULL
      )`);
    await q.query(`INSERT INTO zone_data_version (zone_id, version) SELECT id, nextval('zone_data_version_seq') FROM zone ORDER BY id`);
    await q.query(`
      CREATE FUNCTION zone_data_bump(changed text[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        bumped text[] := coalesce(nullif(current_setting('devzone.zone_data_bumped', true), ''), '{}')::text[];
        fresh text[];
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
        UPDATE zone_data_version SET version = nextval('zone_data_version_seq') WHERE zone_id = ANY (fresh);
        PERFORM set_config('devzone.zone_data_bumped', (bumped || fresh)::text, true);
      END $$`);
    await q.query(`
      CREATE FUNCTION zone_data_changed_everywhere() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM zone_data_bump(ARRAY(SELECT zone_id FROM zone_data_version));
        RETURN NULL;
      END $$`);
    for (const [table, zones] of ZONE_DATA_TABLES) {
      await q.query(changedFunction(table, zones));
      const changed = `EXECUTE FUNCTION zone_data_changed_${table}()`;
      await q.query(`CREATE TRIGGER zone_data_inserted AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT ${changed}`);
      await q.query(
        `CREATE TRIGGER zone_data_updated AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT ${changed}`,
      );
      await q.query(`CREATE TRIGGER zone_data_deleted AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT ${changed}`);
      await q.query(`CREATE TRIGGER zone_data_truncated AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION zone_data_changed_everywhere()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of ZONE_DATA_TABLES) {
      for (const trigger of ['zone_data_inserted', 'zone_data_updated', 'zone_data_deleted', 'zone_data_truncated']) {
        await q.query(`DROP TRIGGER IF EXISTS ${trigger} ON ${table}`);
      }
      await q.query(`DROP FUNCTION IF EXISTS zone_data_changed_${table}()`);
    }
    await q.query(`DROP FUNCTION IF EXISTS zone_data_changed_everywhere()`);
    await q.query(`DROP FUNCTION IF EXISTS zone_data_bump(text[])`);
    await q.query(`DROP TABLE IF EXISTS zone_data_version`);
    await q.query(`DROP SEQUENCE IF EXISTS zone_data_version_seq`);
  }
}
