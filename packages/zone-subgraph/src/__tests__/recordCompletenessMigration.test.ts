import { openServiceDatabase } from '@devzone/database';
import { createTestDatabase, pgTargets, type TestDatabase } from '@devzone/testkit';
import { zoneMigrations } from '../db/migrations';
import { ZoneRecordCompleteness1763900000400 } from '../db/migrations/1763900000400-ZoneRecordCompleteness';

describe.each(pgTargets())('migration ZoneRecordCompleteness on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `completeness_migration_${label}`);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('backfills zones stored before it (named only, synthetic ones complete, no date) and then requires completeness on write', async () => {
    const before = await openServiceDatabase({
      url: database.url,
      entities: [],
      migrations: zoneMigrations.slice(0, zoneMigrations.indexOf(ZoneRecordCompleteness1763900000400)),
    });
    await before.dataSource.query(
      `INSERT INTO zone (id, name_zh, name_en, synthetic) VALUES ('article', '文章开发区', 'Article Zone', false), ('gen', '合成开发区', 'Generated Zone', true)`,
    );
    await before.close();

    const after = await openServiceDatabase({ url: database.url, entities: [], migrations: zoneMigrations });
    try {
      const rows = await after.dataSource.query(
        `SELECT id, enterprises_completeness, party_organizations_completeness, honors_completeness, alliances_completeness, service_stations_completeness, records_as_of
         FROM zone ORDER BY id`,
      );
      const named = {
        enterprises_completeness: 'named_only',
        party_organizations_completeness: 'named_only',
        honors_completeness: 'named_only',
        alliances_completeness: 'named_only',
        service_stations_completeness: 'named_only',
      };
      const complete = Object.fromEntries(Object.keys(named).map((k) => [k, 'complete']));
      expect(rows).toEqual([
        { id: 'article', ...named, records_as_of: null },
        { id: 'gen', ...complete, records_as_of: null },
      ]);
      await expect(after.dataSource.query(`INSERT INTO zone (id, name_zh, name_en) VALUES ('silent', '无声', 'Silent')`)).rejects.toThrow(
        /null value in column "\w+_completeness"/,
      );
      await expect(
        after.dataSource.query(
          `INSERT INTO zone (id, name_zh, name_en, enterprises_completeness, party_organizations_completeness, honors_completeness, alliances_completeness, service_stations_completeness, records_as_of)
           VALUES ('bad', '坏', 'Bad', 'partial', 'complete', 'complete', 'complete', 'complete', '2023')`,
        ),
      ).rejects.toThrow(/check constraint/);
    } finally {
      await after.close();
    }
  });
});
