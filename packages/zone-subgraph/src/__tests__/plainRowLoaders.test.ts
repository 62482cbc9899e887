import { createTestDatabase, generateSigningKeys, pgTargets, type TestDatabase } from '@devzone/testkit';
import { In } from 'typeorm';
import { IndicatorReportRow, ZoneRow } from '../db/entities';
import { createLoaders, sharedLoaderState } from '../loaders/createLoaders';
import type { WritableZoneSeed } from '../seed/seedSchema';
import { startZoneService, type RunningZoneService } from '../service/startZoneService';

const source = { document: 'https://example.org/article', passage: '…' };
const every = { enterprises: 'complete', partyOrganizations: 'complete', honors: 'complete', alliances: 'complete', serviceStations: 'complete' } as const;

function zone(id: string, indicators: WritableZoneSeed['indicators']): WritableZoneSeed {
  return {
    zone: { id, nameZh: `${id}开发区`, nameEn: `${id} Zone`, recordCompleteness: every, recordsAsOf: '2024-06-30' },
    enterprises: [],
    partyOrganizations: [],
    honors: [],
    alliances: [],
    serviceStations: [],
    indicators,
  };
}

const report = (code: string, period: string, value: number): WritableZoneSeed['indicators'][number] => ({
  code,
  period,
  periodBasis: 'stated',
  value,
  qualifier: 'exact',
  unit: code.endsWith('.rate') ? 'percent' : 'count',
  source,
});

/** Two zones with reports of several codes and periods; one report entered by a zone system (a timestamp, a citation). */
const SEEDS = [
  zone('alpha', [
    report('party_org.count', '2023', 40),
    report('party_org.count', '2022', 35),
    report('enterprise.count', '2023', 400),
    report('org_coverage.rate', '2023', 90),
  ]),
  zone('beta', [report('enterprise.count', '2023', 120), report('party_org.count', '2023', 12)]),
  zone('gamma', []),
];

describe.each(pgTargets())('plain-row loaders on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let service: RunningZoneService;

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `plain_rows_${label}`);
    service = await startZoneService({ name: 'plain-rows', databaseUrl: database.url, seeds: SEEDS, signingKeys: generateSigningKeys() });
    await service.database.dataSource.query(
      `UPDATE indicator_report SET entered_by = 'key:alpha', entered_at = '2024-07-01T08:00:00Z', citation_title = '年报', note = 'n'
        WHERE zone_id = 'alpha' AND code = 'enterprise.count'`,
    );
  });

  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });

  it('reads zones as TypeORM would hydrate them, null for a zone without a row', async () => {
    const dataSource = service.database.dataSource;
    const hydrated = await dataSource.getRepository(ZoneRow).findBy({ id: In(['alpha', 'beta']) });
    const plain = await createLoaders(dataSource).zoneById.loadMany(['beta', 'missing', 'alpha']);
    expect(plain).toEqual([hydrated.find((z) => z.id === 'beta'), null, hydrated.find((z) => z.id === 'alpha')]);
    expect((plain[2] as ZoneRow).seededAt).toBeInstanceOf(Date);
  });

  it("reads each key's reports, only its codes, in TypeORM's order and values, in one statement per batch", async () => {
    const dataSource = service.database.dataSource;
    const all = await dataSource.getRepository(IndicatorReportRow).find({ order: { code: 'ASC', period: 'ASC', id: 'ASC' } });
    // A plain row also carries its zone's data version (two columns nothing reads).
    const of = (zoneId: string, codes: string[] | null) =>
      all
        .filter((r) => r.zoneId === zoneId && (codes === null || codes.includes(r.code)))
        .map((r) => ({ ...r, versionOfZone: zoneId, zoneDataVersion: expect.stringMatching(/^[0-9]+$/) as unknown }));
    // Warm the computed figures in the service's memory: a batch then sends the reports' statement only.
    const shared = sharedLoaderState(dataSource);
    await createLoaders(dataSource, shared).indicatorFiguresByZone.loadMany(['alpha', 'beta', 'gamma'].map((zoneId) => ({ zoneId, codes: null })));
    const warm = createLoaders(dataSource, shared);
    const before = service.database.statements.statements;
    const answers = (
      await Promise.all([
        warm.indicatorFiguresByZone.load({ zoneId: 'alpha', codes: ['party_org.count', 'enterprise.count'] }),
        warm.indicatorFiguresByZone.load({ zoneId: 'beta', codes: null }),
        warm.indicatorFiguresByZone.load({ zoneId: 'alpha', codes: ['org_coverage.rate'] }),
        warm.indicatorFiguresByZone.load({ zoneId: 'gamma', codes: null }),
        warm.indicatorFiguresByZone.load({ zoneId: 'beta', codes: ['honor.count'] }),
      ])
    ).map((figures) => figures.reports);
    expect(service.database.statements.statements - before).toBe(1);
    expect(answers).toEqual([of('alpha', ['party_org.count', 'enterprise.count']), of('beta', null), of('alpha', ['org_coverage.rate']), [], []]);
    expect(answers[0]!.map((r) => `${r.code} ${r.period}`)).toEqual(['enterprise.count 2023', 'party_org.count 2022', 'party_org.count 2023']);
    const entered = answers[0]![0]!;
    expect(entered).toMatchObject({ enteredBy: 'key:alpha', citationTitle: '年报', note: 'n', value: 400, synthetic: false });
    expect(entered.enteredAt).toEqual(new Date('2024-07-01T08:00:00Z'));
  });

  it('asks with codes in any order as one key', async () => {
    const loaders = createLoaders(service.database.dataSource);
    const [a, b] = await Promise.all([
      loaders.indicatorFiguresByZone.load({ zoneId: 'alpha', codes: ['party_org.count', 'enterprise.count'] }),
      loaders.indicatorFiguresByZone.load({ zoneId: 'alpha', codes: ['enterprise.count', 'party_org.count'] }),
    ]);
    expect(a).toBe(b);
  });

  describe('kept across requests at the data version they were read at', () => {
    /** The loaders' data source, recording how many rows each reports statement sent back. */
    const counting = () => {
      const dataSource = service.database.dataSource;
      const rowsSent: number[] = [];
      const proxy = new Proxy(dataSource, {
        get(target, property, receiver) {
          if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
          return async (sql: string, parameters?: unknown[]) => {
            const rows = (await target.query(sql, parameters)) as unknown[];
            if (sql.includes('LEFT JOIN indicator_report r')) rowsSent.push(rows.length);
            return rows;
          };
        },
      });
      return { proxy, rowsSent };
    };
    /** A statement's answer rows that carry a column's value (not null). */
    const filled = (rows: Record<string, unknown>[], column: string) => rows.filter((row) => row[column] !== null).length;

    it("reads a zone's row once per version: warm, the statement sends the version alone, and a write is seen at once", async () => {
      const dataSource = service.database.dataSource;
      const shared = sharedLoaderState(dataSource);
      const cold = await createLoaders(dataSource, shared).zoneById.loadMany(['alpha', 'missing', 'beta']);
      let sent: Record<string, unknown>[] = [];
      const watching = new Proxy(dataSource, {
        get(target, property, receiver) {
          if (property !== 'query') return Reflect.get(target, property, receiver) as unknown;
          return async (sql: string, parameters?: unknown[]) => {
            sent = (await target.query(sql, parameters)) as Record<string, unknown>[];
            return sent;
          };
        },
      });
      const warm = await createLoaders(watching, shared).zoneById.loadMany(['alpha', 'missing', 'beta']);
      expect(warm).toEqual(cold);
      expect(warm[0]).toBe(cold[0]);
      expect(sent).toHaveLength(3);
      expect(filled(sent, 'nameZh')).toBe(0);
      expect(Object.isFrozen(warm[0])).toBe(true);

      await dataSource.query(`UPDATE zone SET records_as_of = '2025-01-31' WHERE id = 'alpha'`);
      try {
        const [written, unwritten] = (await createLoaders(watching, shared).zoneById.loadMany(['alpha', 'beta'])) as ZoneRow[];
        expect(written!.recordsAsOf).toBe('2025-01-31');
        expect(unwritten).toBe(cold[2]);
        expect(filled(sent, 'nameZh')).toBe(1);
      } finally {
        await dataSource.query(`UPDATE zone SET records_as_of = '2024-06-30' WHERE id = 'alpha'`);
      }
    });

    it("reads a zone's reports once per version, every code: warm, versions alone, and a new report is seen at once", async () => {
      const dataSource = service.database.dataSource;
      const shared = sharedLoaderState(dataSource);
      const keys = [
        { zoneId: 'alpha', codes: ['party_org.count'] },
        { zoneId: 'beta', codes: null },
      ];
      const reportsOf = async (source: typeof dataSource) =>
        (await createLoaders(source, shared).indicatorFiguresByZone.loadMany(keys)).map((figures) => {
          if (figures instanceof Error) throw figures;
          return figures.reports.map((r) => `${r.zoneId} ${r.code} ${r.period} ${r.value}`);
        });
      const cold = await reportsOf(dataSource);
      expect(cold).toEqual([
        ['alpha party_org.count 2022 35', 'alpha party_org.count 2023 40'],
        ['beta enterprise.count 2023 120', 'beta party_org.count 2023 12'],
      ]);
      // Every code of alpha was read and kept: another code is answered without reading a report.
      const { proxy, rowsSent } = counting();
      expect(await reportsOf(proxy)).toEqual(cold);
      expect(rowsSent).toEqual([2]);
      const other = await createLoaders(proxy, shared).indicatorFiguresByZone.load({ zoneId: 'alpha', codes: ['org_coverage.rate'] });
      expect(other.reports.map((r) => r.value)).toEqual([90]);
      expect(rowsSent).toEqual([2, 1]);

      await dataSource.query(
        `INSERT INTO indicator_report (zone_id, code, period, period_basis, value, qualifier, unit, synthetic)
         VALUES ('alpha', 'party_org.count', '2024', 'stated', 44, 'exact', 'count', true)`,
      );
      try {
        const [alpha, beta] = await reportsOf(proxy);
        expect(alpha).toEqual([...cold[0]!, 'alpha party_org.count 2024 44']);
        expect(beta).toEqual(cold[1]);
        // alpha's five reports, every code, and beta's version alone.
        expect(rowsSent.at(-1)).toBe(6);
      } finally {
        await dataSource.query(`DELETE FROM indicator_report WHERE zone_id = 'alpha' AND period = '2024'`);
      }
    });
  });
});
