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
});
