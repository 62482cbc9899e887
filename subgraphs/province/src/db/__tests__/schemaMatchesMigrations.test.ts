import { openServiceDatabase } from '@devzone/database';
import { createTestDatabase, pgTargets, type TestDatabase } from '@devzone/testkit';
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

  // Foreign keys and checks live in the migrations only (the entities hold no relations), so
  // TypeORM would drop them; everything else (tables, columns, types, indexes) must agree.
  it('declare the same tables, columns and indexes: after every migration, TypeORM would change nothing else', async () => {
    const opened = await openServiceDatabase({ url: database.url, entities: provinceEntities, migrations: provinceMigrations });
    try {
      const pending = await opened.dataSource.driver.createSchemaBuilder().log();
      const constraintOnly = /^ALTER TABLE "[a-z_]+" DROP CONSTRAINT "[a-z_]+"$/;
      expect(pending.upQueries.map((query) => query.query).filter((query) => !constraintOnly.test(query))).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
