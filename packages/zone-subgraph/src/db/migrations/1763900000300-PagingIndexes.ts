import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that match the page orders of `loaders/pageQueries.ts` exactly
 * (including COLLATE "C" and the id tie-breaker), so a page of a large zone
 * reads its rows in order and stops after `offset + first` instead of sorting
 * the whole zone.
 */
export class PagingIndexes1763900000300 implements MigrationInterface {
  name = 'PagingIndexes1763900000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX enterprise_page_name ON enterprise (zone_id, name_zh COLLATE "C", id COLLATE "C")`);
    await q.query(`CREATE INDEX enterprise_page_employees ON enterprise (zone_id, employees DESC NULLS LAST, id COLLATE "C")`);
    await q.query(`CREATE INDEX enterprise_page_output ON enterprise (zone_id, output_value DESC NULLS LAST, id COLLATE "C")`);
    await q.query(`CREATE INDEX enterprise_page_tax ON enterprise (zone_id, tax DESC NULLS LAST, id COLLATE "C")`);
    await q.query(`CREATE INDEX party_organization_page_name ON party_organization (zone_id, name_zh, id)`);
    await q.query(`DROP INDEX IF EXISTS enterprise_zone_name`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX enterprise_zone_name ON enterprise (zone_id, name_zh)`);
    for (const index of [
      'party_organization_page_name',
      'enterprise_page_tax',
      'enterprise_page_output',
      'enterprise_page_employees',
      'enterprise_page_name',
    ]) {
      await q.query(`DROP INDEX IF EXISTS ${index}`);
    }
  }
}
