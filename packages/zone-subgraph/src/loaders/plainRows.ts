import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Column types whose values node-postgres already parses as TypeORM would hydrate them
 * (text, numbers, booleans, timestamps as Date, json), so a plain row equals the entity's.
 * `date`, `numeric` or `bigint` would differ (pg gives a Date or a string where TypeORM gives others).
 */
const PLAIN_TYPES = new Set<unknown>(['text', 'integer', 'int', 'boolean', 'double precision', 'timestamptz', 'json', 'jsonb', String, Number, Boolean]);

/**
 * The SELECT list (`"zone_id" AS "zoneId", …`) that reads an entity's rows as plain objects with
 * its property names: hot list reads skip TypeORM's query building and hydration, which cost more
 * than the statement itself on a batch of a hundred zones. Throws for an entity with a column
 * type plain rows would read differently. `table`: the alias the statement gives the entity's table.
 */
export function plainSelectList<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, table?: string): string {
  const metadata = dataSource.getMetadata(entity);
  return metadata.columns
    .map((column) => {
      if (!PLAIN_TYPES.has(column.type))
        throw new Error(`${metadata.name}.${column.propertyName}: column type ${String(column.type)} is not read as a plain row`);
      return `${table ? `${table}.` : ''}"${column.databaseName}" AS "${column.propertyName}"`;
    })
    .join(', ');
}
