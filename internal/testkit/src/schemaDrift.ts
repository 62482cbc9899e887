import { openServiceDatabase, type ServiceDatabaseOptions } from '@devzone/database';

/** Dropping a foreign key or a check: those live in the migrations only (the entities hold no relations). */
const CONSTRAINT_ONLY = /^ALTER TABLE "[a-z_]+" DROP CONSTRAINT "[a-z_]+"$/;

/**
 * What TypeORM would change, after every migration has run on the database at `url`, to make it
 * match the entities: tables, columns, types, defaults and indexes (not foreign keys and checks,
 * which the entities do not declare). Empty when entities and migrations agree.
 */
export async function schemaDriftFromMigrations(options: Pick<ServiceDatabaseOptions, 'url' | 'entities' | 'migrations'>): Promise<string[]> {
  const opened = await openServiceDatabase(options);
  try {
    const pending = await opened.dataSource.driver.createSchemaBuilder().log();
    return pending.upQueries.map((query) => query.query).filter((query) => !CONSTRAINT_ONLY.test(query));
  } finally {
    await opened.close();
  }
}
