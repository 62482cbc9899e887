import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialZoneSchema1763900000000 implements MigrationInterface {
  name = 'InitialZoneSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE zone (
        id text PRIMARY KEY,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        synthetic boolean NOT NULL DEFAULT false,
        seeded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE enterprise (
        id text PRIMARY KEY,
        zone_id text NOT NULL REFERENCES zone(id),
        name_zh text NOT NULL,
        name_en text,
        credit_code text,
        industry text,
        flags text[] NOT NULL DEFAULT '{}',
        employees integer CHECK (employees >= 0),
        employees_qualifier text CHECK (employees_qualifier IN ('exact', 'at_least', 'about')),
        output_value double precision CHECK (output_value >= 0),
        tax double precision CHECK (tax >= 0),
        invention_patents integer CHECK (invention_patents >= 0),
        utility_patents integer CHECK (utility_patents >= 0),
        source_document text,
        source_passage text,
        synthetic boolean NOT NULL DEFAULT false,
        CHECK (synthetic OR (source_document IS NOT NULL AND source_passage IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX enterprise_zone_name ON enterprise (zone_id, name_zh)`);
    await q.query(`CREATE INDEX enterprise_zone_industry ON enterprise (zone_id, industry)`);
    await q.query(`
      CREATE TABLE party_organization (
        id text PRIMARY KEY,
        zone_id text NOT NULL REFERENCES zone(id),
        name_zh text NOT NULL,
        type text NOT NULL CHECK (type IN ('working_committee', 'secondary_committee', 'committee', 'general_branch', 'branch', 'joint_branch', 'functional_branch')),
        parent_id text REFERENCES party_organization(id),
        member_count integer CHECK (member_count >= 0),
        member_count_qualifier text CHECK (member_count_qualifier IN ('exact', 'at_least', 'about')),
        founded_on text,
        star_rating smallint CHECK (star_rating BETWEEN 1 AND 5),
        brand text,
        source_document text,
        source_passage text,
        synthetic boolean NOT NULL DEFAULT false,
        CHECK (synthetic OR (source_document IS NOT NULL AND source_passage IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX party_organization_zone_type ON party_organization (zone_id, type)`);
    await q.query(`CREATE INDEX party_organization_parent ON party_organization (parent_id)`);
    await q.query(`
      CREATE TABLE organization_coverage (
        organization_id text NOT NULL REFERENCES party_organization(id),
        enterprise_id text NOT NULL REFERENCES enterprise(id),
        PRIMARY KEY (organization_id, enterprise_id)
      )`);
    await q.query(`CREATE INDEX organization_coverage_enterprise ON organization_coverage (enterprise_id)`);
    await q.query(`
      CREATE TABLE honor (
        id text PRIMARY KEY,
        zone_id text NOT NULL REFERENCES zone(id),
        title text NOT NULL,
        level text NOT NULL CHECK (level IN ('national', 'provincial', 'municipal', 'county', 'zone')),
        year integer,
        awarded_by text,
        holder_kind text NOT NULL CHECK (holder_kind IN ('zone', 'enterprise', 'party_organization')),
        holder_id text NOT NULL,
        source_document text,
        source_passage text,
        synthetic boolean NOT NULL DEFAULT false,
        CHECK (synthetic OR (source_document IS NOT NULL AND source_passage IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX honor_zone ON honor (zone_id)`);
    await q.query(`CREATE INDEX honor_holder ON honor (holder_id)`);
    await q.query(`
      CREATE TABLE alliance (
        id text PRIMARY KEY,
        zone_id text NOT NULL REFERENCES zone(id),
        name_zh text NOT NULL,
        description text,
        source_document text,
        source_passage text,
        synthetic boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX alliance_zone ON alliance (zone_id)`);
    await q.query(`
      CREATE TABLE alliance_member (
        alliance_id text NOT NULL REFERENCES alliance(id),
        member_id text NOT NULL,
        member_kind text NOT NULL CHECK (member_kind IN ('enterprise', 'party_organization')),
        PRIMARY KEY (alliance_id, member_id)
      )`);
    await q.query(`
      CREATE TABLE service_station (
        id text PRIMARY KEY,
        zone_id text NOT NULL REFERENCES zone(id),
        name_zh text NOT NULL,
        kind text NOT NULL,
        host_enterprise_id text REFERENCES enterprise(id),
        area_sqm double precision,
        source_document text,
        source_passage text,
        synthetic boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX service_station_zone ON service_station (zone_id)`);
    await q.query(`
      CREATE TABLE indicator_report (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        zone_id text NOT NULL REFERENCES zone(id),
        code text NOT NULL,
        period text NOT NULL,
        period_basis text NOT NULL,
        value double precision NOT NULL,
        qualifier text NOT NULL CHECK (qualifier IN ('exact', 'at_least', 'about')),
        unit text NOT NULL,
        note text,
        source_document text,
        source_passage text,
        synthetic boolean NOT NULL DEFAULT false,
        CHECK (synthetic OR (source_document IS NOT NULL AND source_passage IS NOT NULL)),
        UNIQUE (zone_id, code, period, source_document)
      )`);
    await q.query(`CREATE INDEX indicator_report_zone_code ON indicator_report (zone_id, code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'indicator_report',
      'service_station',
      'alliance_member',
      'alliance',
      'honor',
      'organization_coverage',
      'party_organization',
      'enterprise',
      'zone',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
