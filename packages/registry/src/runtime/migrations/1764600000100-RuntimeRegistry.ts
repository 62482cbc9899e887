import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The runtime registry: every accepted state (what gateways serve), every change
 * tried (accepted or refused), and what each gateway replica last saw of each service.
 * The province runs this migration on its own database; gateways read it.
 */
export class RuntimeRegistry1764600000100 implements MigrationInterface {
  name = 'RuntimeRegistry1764600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE registry_state (
        version integer PRIMARY KEY CHECK (version > 0),
        services jsonb NOT NULL,
        supergraph_sdl text NOT NULL,
        supergraph_hash text NOT NULL CHECK (supergraph_hash ~ '^[0-9a-f]{64}$'),
        accepted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE registry_change (
        id serial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL CHECK (length(actor) BETWEEN 1 AND 300),
        action text NOT NULL CHECK (action IN ('register', 'update', 'deregister', 'rollback', 'recompose')),
        service_name text,
        outcome text NOT NULL CHECK (outcome IN ('accepted', 'refused')),
        problems jsonb NOT NULL DEFAULT '[]',
        changes jsonb NOT NULL DEFAULT '[]',
        state_version integer REFERENCES registry_state (version),
        supergraph_hash text,
        forced boolean NOT NULL DEFAULT false,
        payload jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX registry_change_service ON registry_change (service_name, id DESC)`);
    await q.query(`
      CREATE TABLE registry_health (
        service_name text NOT NULL,
        replica text NOT NULL,
        state text NOT NULL CHECK (state IN ('up', 'degraded', 'down')),
        last_seen timestamptz,
        checked_at timestamptz NOT NULL,
        detail text,
        PRIMARY KEY (service_name, replica)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS registry_health`);
    await q.query(`DROP TABLE IF EXISTS registry_change`);
    await q.query(`DROP TABLE IF EXISTS registry_state`);
  }
}
