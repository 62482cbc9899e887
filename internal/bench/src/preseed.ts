import { performance } from 'node:perf_hooks';
import { openServiceDatabase } from '@devzone/database';
import { writeZoneSeeds, zoneEntities, zoneMigrations, type WritableZoneSeed } from '@devzone/zone-subgraph';
import { every, note, secondsSince } from './progress';

/**
 * Seeds one zone service's database before the service starts, printing
 * progress (zones written, SQL statements sent so far) every two seconds.
 * startZoneService then finds every zone present and skips seeding: the same
 * writer (`writeZoneSeeds`, one transaction per zone), only observable.
 */
export async function preseedService(label: string, databaseUrl: string, seeds: readonly WritableZoneSeed[]): Promise<void> {
  const database = await openServiceDatabase({ url: databaseUrl, entities: zoneEntities, migrations: zoneMigrations });
  const start = performance.now();
  let done = 0;
  const rows = seeds.reduce((sum, s) => sum + s.enterprises.length, 0);
  const stop = every(2000, () =>
    note(`seeding ${label}: ${done}/${seeds.length} zones, ${database.statements.statements.toLocaleString('en-US')} statements sent, ${secondsSince(start)}`),
  );
  try {
    for (const seed of seeds) {
      await writeZoneSeeds(database.dataSource, [seed], { synthetic: true });
      done += 1;
    }
  } finally {
    stop();
    await database.close();
  }
  note(`seeded ${label}: ${seeds.length} zones, ${rows.toLocaleString('en-US')} enterprises in ${secondsSince(start)}`);
}
