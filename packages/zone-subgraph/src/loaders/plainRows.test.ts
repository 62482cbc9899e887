import type { DataSource } from 'typeorm';
import { plainSelectList } from './plainRows';

/** Only the metadata plainSelectList reads: which columns an entity has (no database involved). */
function withColumns(columns: { propertyName: string; databaseName: string; type: unknown }[]): DataSource {
  return { getMetadata: () => ({ name: 'Row', columns }) } as unknown as DataSource;
}

describe('plainSelectList', () => {
  it('aliases every column to its property name', () => {
    const list = plainSelectList(
      withColumns([
        { propertyName: 'id', databaseName: 'id', type: 'text' },
        { propertyName: 'zoneId', databaseName: 'zone_id', type: 'text' },
        { propertyName: 'enteredAt', databaseName: 'entered_at', type: 'timestamptz' },
        { propertyName: 'value', databaseName: 'value', type: 'double precision' },
      ]),
      'Row',
    );
    expect(list).toBe('"id" AS "id", "zone_id" AS "zoneId", "entered_at" AS "enteredAt", "value" AS "value"');
  });

  it.each(['date', 'numeric', 'bigint'])('refuses a %s column, which plain rows would read differently from TypeORM', (type) => {
    expect(() => plainSelectList(withColumns([{ propertyName: 'day', databaseName: 'day', type }]), 'Row')).toThrow(
      `Row.day: column type ${type} is not read as a plain row`,
    );
  });
});
