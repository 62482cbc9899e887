import { createTestDatabase, pgTargets, schemaDriftFromMigrations, type TestDatabase } from '@devzone/testkit';
import { provinceEntities } from '../entities';
import { provinceMigrations } from '../migrations';

describe.each(pgTargets())('province entities and migrations on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `province_schema_drift_${label}`);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('declare the same tables, columns and indexes: after every migration, TypeORM would change nothing (foreign keys and checks aside)', async () => {
    expect(await schemaDriftFromMigrations({ url: database.url, entities: provinceEntities, migrations: provinceMigrations })).toEqual([]);
  });
});
