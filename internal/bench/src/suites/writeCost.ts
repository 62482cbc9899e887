import { openServiceDatabase, type ServiceDatabase } from '@devzone/database';
import { zoneEntities, zoneMigrations } from '@devzone/zone-subgraph';
import type { BenchContext, Suite } from '../context';
import { formatRatio, ratioTo, summarizeRounds } from '../sideBySide/rounds';
import { formatMs, renderTable, type Cell } from '../table';

type DataSource = ServiceDatabase['dataSource'];

const ZONES = 4;

/** Time of `task`, ms. */
async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await task();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Zones whose every required column is filled: the writes below need them as parents. */
async function addZones(db: DataSource): Promise<void> {
  const required: { c: string }[] = await db.query(
    `SELECT column_name AS c FROM information_schema.columns
      WHERE table_name = 'zone' AND is_nullable = 'NO' AND column_default IS NULL AND column_name NOT IN ('id', 'name_zh', 'name_en')`,
  );
  const columns = required.map((r) => `, ${r.c}`).join('');
  const values = required.map(() => `, 'complete'`).join('');
  for (let z = 0; z < ZONES; z += 1) await db.query(`INSERT INTO zone (id, name_zh, name_en${columns}) VALUES ($1, $1, $1${values})`, [`w${z}`]);
}

/** One round's times, ms: the bulk insert, and one one-row insert and update on average. */
interface RoundTimes {
  readonly bulk: number;
  readonly insert: number;
  readonly update: number;
}

/** One round with the `enterprise` table's own triggers on or off: a bulk insert, then single-row inserts and updates, each its own statement. */
async function round(db: DataSource, triggers: boolean, rows: number, singles: number): Promise<RoundTimes> {
  await db.query(`ALTER TABLE enterprise ${triggers ? 'ENABLE' : 'DISABLE'} TRIGGER USER`);
  await db.query('DELETE FROM enterprise');
  await db.query('VACUUM enterprise');
  const bulk = await timed(() =>
    db.query(
      `INSERT INTO enterprise (id, zone_id, name_zh, employees, synthetic)
       SELECT 'w' || (g % ${ZONES}) || ':e' || g, 'w' || (g % ${ZONES}), 'E' || g, g % 500, true FROM generate_series(1, $1::int) g`,
      [rows],
    ),
  );
  const insert = await timed(async () => {
    for (let i = 0; i < singles; i += 1) {
      await db.query(`INSERT INTO enterprise (id, zone_id, name_zh, synthetic) VALUES ($1, $2, 'x', true)`, [`w${i % ZONES}:s${i}`, `w${i % ZONES}`]);
    }
  });
  const update = await timed(async () => {
    for (let g = 1; g <= singles; g += 1) {
      // TypeORM answers an UPDATE with its rows and the count of rows changed.
      const [, changed] = (await db.query(`UPDATE enterprise SET employees = $1 WHERE id = $2`, [g, `w${g % ZONES}:e${g}`])) as [unknown, number];
      if (changed !== 1) throw new Error(`write-cost: the update of enterprise w${g % ZONES}:e${g} changed ${changed} rows`);
    }
  });
  return { bulk, insert: insert / singles, update: update / singles };
}

/**
 * 7. What the zone database's triggers cost a write: they bump the zone's data version, which the
 * zone-read cache keys on and the kept computed figures are refreshed by, in the write's transaction.
 * The same writes with the `enterprise` table's own triggers on and off (`DISABLE TRIGGER USER`;
 * its foreign key's stay), rounds alternating which goes first.
 */
export const writeCostSuite: Suite = {
  name: 'write-cost',
  title: "Write cost of the zone database's data-version triggers",
  run: async (ctx: BenchContext) => {
    const { rows, singles, rounds } = ctx.sizes.writeCost;
    const databases = ctx.pg.forStack();
    const database = await openServiceDatabase({ url: await databases.databaseFor('write_cost'), entities: zoneEntities, migrations: zoneMigrations });
    try {
      const db = database.dataSource;
      await addZones(db);
      const measured: Record<'on' | 'off', RoundTimes[]> = { on: [], off: [] };
      const versionBefore: { v: string }[] = await db.query(`SELECT version::text AS v FROM zone_data_version WHERE zone_id = 'w0'`);
      for (let r = 0; r < rounds; r += 1) {
        for (const on of r % 2 === 0 ? [true, false] : [false, true]) measured[on ? 'on' : 'off'].push(await round(db, on, rows, singles));
      }
      await db.query('ALTER TABLE enterprise ENABLE TRIGGER USER');
      const versionAfter: { v: string }[] = await db.query(`SELECT version::text AS v FROM zone_data_version WHERE zone_id = 'w0'`);
      const line = (what: string, pick: (times: RoundTimes) => number): Cell[] => {
        const [on, off] = [summarizeRounds(measured.on.map(pick)).median, summarizeRounds(measured.off.map(pick)).median];
        return [what, formatMs(off), formatMs(on), formatRatio(ratioTo(on, off))];
      };
      ctx.print(
        renderTable(
          "Write cost of the zone database's data-version triggers, ms",
          ['write', 'triggers off', 'triggers on', 'on / off'],
          [
            line(`one INSERT of ${rows.toLocaleString('en')} enterprises (${ZONES} zones)`, (m) => m.bulk),
            line('one-row INSERT, its own transaction', (m) => m.insert),
            line('one-row UPDATE, its own transaction', (m) => m.update),
          ],
          [
            `median of ${rounds} rounds (on and off alternating which goes first); one-row writes: ${singles} each per round, ms per write.`,
            `the triggers ran: zone w0's data version went from ${versionBefore[0]?.v ?? '?'} to ${versionAfter[0]?.v ?? '?'} over the rounds (one sequence for every zone: each write with the triggers on takes a number).`,
          ],
        ),
      );
    } finally {
      await database.close();
      await databases.dropAll();
    }
  },
};
