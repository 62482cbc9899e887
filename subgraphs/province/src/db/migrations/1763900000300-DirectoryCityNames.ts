import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Seed spellings before the directory's city convention (full official name with 市/县/区) and what they become. */
const RENAMED: readonly (readonly [zoneId: string, before: string, after: string])[] = [
  ['feixi', '肥西', '肥西县'],
  ['ningguo', '宁国', '宁国市'],
  ['dangtu', '当涂', '当涂县'],
  ['suixi', '濉溪', '濉溪县'],
];

/**
 * Databases seeded before the convention keep their rows (seeding never
 * overwrites), so the old spellings are renamed here; a value someone edited
 * since is left alone.
 */
export class DirectoryCityNames1763900000300 implements MigrationInterface {
  name = 'DirectoryCityNames1763900000300';

  async up(q: QueryRunner): Promise<void> {
    for (const [zoneId, before, after] of RENAMED) {
      await q.query(`UPDATE directory_zone SET city = $3 WHERE id = $1 AND city = $2`, [zoneId, before, after]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [zoneId, before, after] of RENAMED) {
      await q.query(`UPDATE directory_zone SET city = $2 WHERE id = $1 AND city = $3`, [zoneId, before, after]);
    }
  }
}
