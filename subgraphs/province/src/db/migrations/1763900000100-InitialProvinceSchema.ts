import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialProvinceSchema1763900000100 implements MigrationInterface {
  name = 'InitialProvinceSchema1763900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE province (code text PRIMARY KEY, name_zh text NOT NULL, name_en text NOT NULL)`);
    await q.query(`
      CREATE TABLE directory_zone (
        id text PRIMARY KEY,
        province_code text NOT NULL REFERENCES province(code),
        name_zh text NOT NULL,
        name_en text NOT NULL,
        city text,
        level text NOT NULL CHECK (level IN ('national', 'provincial', 'unknown')),
        source_document text,
        source_passage text
      )`);
    await q.query(`CREATE INDEX directory_zone_province ON directory_zone (province_code)`);
    await q.query(`
      CREATE TABLE onsite_meeting (
        id text PRIMARY KEY,
        province_code text NOT NULL REFERENCES province(code),
        title text NOT NULL,
        period text NOT NULL,
        precision text NOT NULL CHECK (precision IN ('exact_year', 'within_period', 'announced')),
        source_document text NOT NULL,
        source_passage text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE onsite_meeting_host (
        meeting_id text NOT NULL REFERENCES onsite_meeting(id),
        zone_id text NOT NULL REFERENCES directory_zone(id),
        PRIMARY KEY (meeting_id, zone_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['onsite_meeting_host', 'onsite_meeting', 'directory_zone', 'province']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
