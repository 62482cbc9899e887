import { createTestDatabase, pgTargets, schemaDriftFromMigrations, type TestDatabase } from '@devzone/testkit';
import { zoneEntities } from '../db/entities';
import { zoneMigrations } from '../db/migrations';

describe.each(pgTargets())('zone entities and migrations on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `schema_drift_${label}`);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('declare the same tables, columns and indexes: after every migration, TypeORM would change nothing (foreign keys and checks aside)', async () => {
    expect(await schemaDriftFromMigrations({ url: database.url, entities: zoneEntities, migrations: zoneMigrations })).toEqual([]);
  });
});
