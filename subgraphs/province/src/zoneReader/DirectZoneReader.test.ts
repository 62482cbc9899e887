import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKeys } from '@devzone/auth';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { CHECKED_ID, DEFAULT_MAX_RESPONSE_BYTES, GraphQLHttpClient, Resilience, ShardRouter } from '@devzone/shard-router';
import { createRequestSigner, type FigureSheet } from '@devzone/subgraph-kit';
import { HttpZoneServiceProbe } from '../registry/httpZoneServiceProbe';
import { DirectZoneReader } from './DirectZoneReader';
import { FigureSheetSupport } from './figureSheetSupport';
import { signedZoneServiceSender } from './signedZoneServiceSender';

const KEYS = generateSigningKeys();

const SHEET: FigureSheet = {
  indicators: [
    {
      code: 'party_org.count',
      value: 12,
      unit: 'count',
      qualifier: 'EXACT',
      period: '2023-12-31',
      periodBasis: null,
      note: null,
      provenance: { kind: 'COMPUTED', document: null, passage: null, computation: null, recordCompleteness: 'COMPLETE', recordCount: 40 },
    },
  ],
  unassessedIndicators: [{ code: 'honor.count', reason: 'no honor records' }],
};

type Asked = 'sheets' | 'fields' | 'schema';

/**
 * A stand-in zone service answering each zone's entity with `sheets[zoneId]` (and the id the
 * router checks), as a sheet or field by field; one that `predatesSheets` refuses a sheet as
 * an older zone service does and publishes a schema without it; one that `failsSheetsOnce` answers
 * its first sheet read with a server error naming the field; one with `nullSheets` has the field
 * but answers it null (a zone system that does not fill it). `asked` records each request.
 */
async function serve(
  sheets: Record<string, unknown>,
  options: { predatesSheets?: boolean; failsSheetsOnce?: boolean; nullSheets?: boolean } = {},
): Promise<{ url: string; server: Server; asked: Asked[] }> {
  let sheetFailures = options.failsSheetsOnce ? 1 : 0;
  const asked: Asked[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const { query, variables } = JSON.parse(raw) as { query?: string; variables: { representations?: { id: string }[] } };
      const answer = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (query === undefined) {
        answer(200, { errors: [{ message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }] });
        return;
      }
      if (query.includes('_service')) {
        asked.push('schema');
        const field = options.predatesSheets ? '' : ' figureSheet(codes: [String!], withText: Boolean! = true): FigureSheet';
        answer(200, {
          data: { _service: { sdl: `scalar FigureSheet type Zone @key(fields: "id") { id: ID! indicators(codes: [String!]): [String]${field} }` } },
        });
        return;
      }
      const bySheet = query.includes('figureSheet');
      asked.push(bySheet ? 'sheets' : 'fields');
      if (bySheet && sheetFailures > 0) {
        sheetFailures -= 1;
        answer(500, {
          errors: [{ message: '"figureSheet" could not be resolved: the figures view is locked', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
        return;
      }
      if (bySheet && options.predatesSheets) {
        answer(400, { errors: [{ message: 'Cannot query field "figureSheet" on type "Zone".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
        return;
      }
      const entities = variables.representations!.map(({ id }) => {
        const sheet = sheets[id] as FigureSheet;
        if (!bySheet) return { [CHECKED_ID]: id, id, ...sheet };
        return { [CHECKED_ID]: id, id, figureSheet: options.nullSheets ? null : sheet };
      });
      answer(200, { data: { _entities: entities } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, asked };
}

/**
 * A reader per province request, as the province makes them: a fresh request budget each time,
 * the process's router (its breakers) and figure-sheet support shared.
 */
function readersOf(services: { name: string; url: string; zoneIds: string[] }[], figureSheets?: FigureSheetSupport): () => DirectZoneReader {
  const resilience = new Resilience({ timeoutMs: 5_000, retryMaxJitterMs: null });
  const router = new ShardRouter({ resilience });
  const send = signedZoneServiceSender(new GraphQLHttpClient(), createRequestSigner(KEYS, null), DEFAULT_MAX_RESPONSE_BYTES);
  const shardMap = new StaticZoneServiceRegistry(services);
  return () => new DirectZoneReader({ router, shardMap, send, budget: resilience.budgets.forOperation(undefined), ...(figureSheets ? { figureSheets } : {}) });
}

describe('DirectZoneReader.figures', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });
  const start = async (...args: Parameters<typeof serve>) => {
    const served = await serve(...args);
    servers.push(served.server);
    return served;
  };
  /**
   * A service whose schema shows `figureSheet`, read three times: field by field before its schema
   * is known, by sheet once it is (a read `options` make fail), and once more.
   */
  const readAfterAFailedSheet = async (options: Parameters<typeof serve>[1]) => {
    const service = await start({ chuzhou: SHEET }, options);
    const figureSheets = new FigureSheetSupport(async () => 'type Zone { id: ID! figureSheet: String }');
    const reader = readersOf([{ name: 'stand-in', url: service.url, zoneIds: ['chuzhou'] }], figureSheets);
    await reader().figures(['chuzhou'], ['party_org.count']);
    await figureSheets.settled();
    const failed = await reader().figures(['chuzhou'], ['party_org.count']);
    const next = await reader().figures(['chuzhou'], ['party_org.count']);
    return { failed, next, asked: service.asked };
  };

  it("reads each zone's sheet, and fails a zone whose sheet is malformed, naming the field, while the others answer", async () => {
    const malformed = { ...SHEET, indicators: [{ ...SHEET.indicators[0]!, value: 'twelve' }] };
    const served = await start({ yongkang: SHEET, chuzhou: malformed });
    const reader = readersOf([{ name: 'stand-in', url: served.url, zoneIds: ['yongkang', 'chuzhou'] }]);

    const read = await reader().figures(['yongkang', 'chuzhou'], ['party_org.count', 'honor.count']);

    expect(read.answered).toEqual(['yongkang']);
    expect(read.figures).toEqual([{ zoneId: 'yongkang', ...SHEET.indicators[0] }]);
    expect(read.unassessed).toEqual([{ zoneId: 'yongkang', code: 'honor.count', reason: 'no honor records' }]);
    expect(read.failures).toEqual([
      { zoneId: 'chuzhou', service: null, message: expect.stringContaining('Zone "chuzhou" answered a malformed figure sheet: indicators[0].value:') },
    ]);
  });

  it('reads a service field by field until its schema shows figureSheet, and an older service field by field always, with the same figures', async () => {
    const current = await start({ yongkang: SHEET });
    const older = await start({ chuzhou: SHEET }, { predatesSheets: true });
    const httpSchemas = new HttpZoneServiceProbe(createRequestSigner(KEYS, null), 5_000);
    const figureSheets = new FigureSheetSupport((url) => httpSchemas.fetchSdl(url));
    const reader = readersOf(
      [
        { name: 'current', url: current.url, zoneIds: ['yongkang'] },
        { name: 'older', url: older.url, zoneIds: ['chuzhou'] },
      ],
      figureSheets,
    );
    const expected = {
      answered: ['yongkang', 'chuzhou'],
      figures: [
        { zoneId: 'yongkang', ...SHEET.indicators[0] },
        { zoneId: 'chuzhou', ...SHEET.indicators[0] },
      ],
      failures: [],
    };

    expect(await reader().figures(['yongkang', 'chuzhou'], ['party_org.count'])).toMatchObject(expected);
    await figureSheets.settled();
    expect(await reader().figures(['yongkang', 'chuzhou'], ['party_org.count'])).toMatchObject(expected);

    expect(current.asked.filter((asked) => asked !== 'schema')).toEqual(['fields', 'sheets']);
    expect(older.asked.filter((asked) => asked !== 'schema')).toEqual(['fields', 'fields']);
    expect(current.asked.filter((asked) => asked === 'schema')).toHaveLength(1);
  });

  it.each([
    {
      title: 'reads a service that refuses a sheet (rolled back to before it) field by field from the next read on, naming the refusal meanwhile',
      service: { predatesSheets: true },
      message: 'Cannot query field "figureSheet"',
      asked: ['fields', 'sheets', 'fields'],
    },
    {
      title: 'keeps reading sheets from a service whose sheet read failed otherwise than as invalid, even with a message naming the field',
      service: { failsSheetsOnce: true },
      message: '"figureSheet" could not be resolved: the figures view is locked',
      asked: ['fields', 'sheets', 'sheets'],
    },
  ])('$title', async ({ service, message, asked: expected }) => {
    const { failed, next, asked } = await readAfterAFailedSheet(service);
    expect(failed.answered).toEqual([]);
    expect(failed.failures[0]?.message).toContain(message);
    expect(next.answered).toEqual(['chuzhou']);
    expect(asked).toEqual(expected);
  });

  it('reads a zone whose sheet came null (its service does not fill the field) field by field in the same read, and its service so from then on', async () => {
    const { failed: second, next: third, asked } = await readAfterAFailedSheet({ nullSheets: true });
    const answeredAsSheets = { answered: ['chuzhou'], figures: [{ zoneId: 'chuzhou', ...SHEET.indicators[0] }], failures: [] };
    expect(second).toMatchObject(answeredAsSheets);
    expect(third).toMatchObject(answeredAsSheets);
    expect(asked).toEqual(['fields', 'sheets', 'fields', 'fields']);
  });

  it('fails a zone whose service answers its figures but no enterprises when the industry profile is asked, saying so', async () => {
    const served = await start({ chuzhou: SHEET });
    const reader = readersOf([{ name: 'stand-in', url: served.url, zoneIds: ['chuzhou'] }]);
    const read = await reader().figures(['chuzhou'], ['party_org.count'], { industryProfiles: true });
    expect(read.answered).toEqual([]);
    expect(read.failures).toEqual([{ zoneId: 'chuzhou', service: null, message: 'Zone "chuzhou" answered no enterprises (its industry profile needs them)' }]);
  });
});
