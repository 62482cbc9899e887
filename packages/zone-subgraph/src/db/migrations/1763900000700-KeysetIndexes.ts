import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Page-order indexes for the party-organization orders that had none, so that
 * a page after a cursor (and an offset page) reads its rows in order from the
 * index instead of sorting the zone: MEMBERS_DESC, and TYPE (type, name, id).
 * The enterprise orders already have theirs (PagingIndexes; NAME_DESC scans
 * enterprise_page_name backward and sorts only rows tied on the name).
 */
export class KeysetIndexes1763900000700 implements MigrationInterface {
  name = 'KeysetIndexes1763900000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX party_organization_page_members ON party_organization (zone_id, member_count DESC NULLS LAST, id)`);
    await q.query(`CREATE INDEX party_organization_page_type ON party_organization (zone_id, type, name_zh, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS party_organization_page_type`);
    await q.query(`DROP INDEX IF EXISTS party_organization_page_members`);
  }
}
