import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKeys } from '@devzone/auth';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { CHECKED_ID, DEFAULT_MAX_RESPONSE_BYTES, GraphQLHttpClient, Resilience, ShardRouter } from '@devzone/shard-router';
import { createRequestSigner, type FigureSheet } from '@devzone/subgraph-kit';
import { DirectZoneReader } from './DirectZoneReader';
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

/** A stand-in zone service answering each zone's entity with `sheets[zoneId]` (and the id the router checks). */
async function serve(sheets: Record<string, unknown>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const { variables } = JSON.parse(raw) as { variables: { representations: { id: string }[] } };
      const entities = variables.representations.map(({ id }) => ({ [CHECKED_ID]: id, id, figureSheet: sheets[id] }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { _entities: entities } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe('DirectZoneReader.figures', () => {
  let server: Server;
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it("reads each zone's sheet, and fails a zone whose sheet is malformed, naming the field, while the others answer", async () => {
    const malformed = { ...SHEET, indicators: [{ ...SHEET.indicators[0]!, value: 'twelve' }] };
    const served = await serve({ yongkang: SHEET, chuzhou: malformed });
    server = served.server;
    const resilience = new Resilience({ timeoutMs: 5_000, retryMaxJitterMs: null });
    const reader = new DirectZoneReader({
      router: new ShardRouter({ resilience }),
      shardMap: new StaticZoneServiceRegistry([{ name: 'stand-in', url: served.url, zoneIds: ['yongkang', 'chuzhou'] }]),
      send: signedZoneServiceSender(new GraphQLHttpClient(), createRequestSigner(KEYS, null), DEFAULT_MAX_RESPONSE_BYTES),
      budget: resilience.budgets.forOperation(undefined),
    });

    const read = await reader.figures(['yongkang', 'chuzhou'], ['party_org.count', 'honor.count']);

    expect(read.answered).toEqual(['yongkang']);
    expect(read.figures).toEqual([{ zoneId: 'yongkang', ...SHEET.indicators[0] }]);
    expect(read.unassessed).toEqual([{ zoneId: 'yongkang', code: 'honor.count', reason: 'no honor records' }]);
    expect(read.failures).toEqual([
      { zoneId: 'chuzhou', service: null, message: expect.stringContaining('Zone "chuzhou" answered a malformed figure sheet: indicators[0].value:') },
    ]);
  });
});
