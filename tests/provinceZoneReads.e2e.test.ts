import { resolve } from 'node:path';
import type { RunningStack } from '@devzone/stack';
import { generateZones } from '@devzone/synthetic';
import { createTestDatabase, postGraphQL, postSignedGraphQL, startTestStack } from '@devzone/testkit';
import { loadZoneSeedFile, startZoneService } from '@devzone/zone-subgraph';

/**
 * The province reads zone data straight from the zone services through the shard router
 * (issue #11): a comparison costs the gateway one request, the caller's; a zone moved at
 * runtime is read from its new service. Directory data is held in memory: a warm
 * directory read runs no SQL, and a registration's new zone is listed at once.
 */
jest.setTimeout(120_000);

let stack: RunningStack;
const started: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  stack = await startTestStack();
});

afterAll(async () => {
  for (const service of started.reverse()) await service.stop().catch(() => undefined);
  await stack?.stop();
});

/** POST /graphql requests the gateway has answered, from its own `/metrics` (readable from this machine). */
async function gatewayGraphQLRequests(): Promise<number> {
  const metrics = await (await fetch(new URL('/metrics', stack.gatewayUrl))).text();
  let count = 0;
  for (const line of metrics.split('\n')) {
    if (line.startsWith('http_server_request_duration_seconds_count{') && line.includes('http_route="/graphql"')) count += Number(line.split(' ').pop());
  }
  return count;
}

interface Comparison {
  rows: { zone: { id: string }; cells: { code: string; status: string; value: number | null }[] }[];
  failedZones: { zoneId: string; service: string | null; message: string }[];
}

async function compare(zoneIds: readonly string[], codes: readonly string[]): Promise<Comparison> {
  const body = await postGraphQL<{ compareZones: Comparison }>(
    stack.gatewayUrl,
    'query ($ids: [ID!], $codes: [String!]!) { compareZones(zoneIds: $ids, indicators: $codes) { rows { zone { id } cells { code status value } } failedZones { zoneId service message } } }',
    { ids: zoneIds, codes },
  );
  expect(body.errors).toBeUndefined();
  return body.data!.compareZones;
}

/** Reported figures of zones as the gateway serves them to any analyst. */
async function reportedThroughGateway(zoneIds: readonly string[], code: string): Promise<Record<string, number | null>> {
  const body = await postGraphQL<{ zones: { id: string; indicators: { value: number; provenance: { kind: string } }[] }[] }>(
    stack.gatewayUrl,
    'query ($ids: [ID!], $codes: [String!]) { zones(ids: $ids) { id indicators(codes: $codes) { value provenance { kind } } } }',
    { ids: zoneIds, codes: [code] },
  );
  expect(body.errors).toBeUndefined();
  return Object.fromEntries(body.data!.zones.map((zone) => [zone.id, zone.indicators.find((f) => f.provenance.kind === 'REPORTED')?.value ?? null]));
}

const ANHUI = ['changfeng', 'chuzhou', 'dangtu', 'feixi', 'ningguo', 'suixi'];

describe('compareZones reads the zone services directly', () => {
  it('sends no request back into the gateway, and answers the figures the gateway serves', async () => {
    await compare(['chuzhou'], ['party_org.count']); // warm: the caller's API key is looked up once
    const before = await gatewayGraphQLRequests();
    const comparison = await compare(ANHUI, ['party_org.count']);
    const after = await gatewayGraphQLRequests();
    expect(after - before).toBe(1);

    expect(comparison.failedZones).toEqual([]);
    const expected = await reportedThroughGateway(ANHUI, 'party_org.count');
    const compared = Object.fromEntries(comparison.rows.map((row) => [row.zone.id, row.cells[0]!.status === 'PRESENT' ? row.cells[0]!.value : null]));
    expect(compared).toEqual(expected);
    expect(Object.values(compared).filter((value) => value !== null).length).toBeGreaterThan(0);
  });
});

describe("a zone's figure sheet (the province's figure read)", () => {
  const FIELDS = /* GraphQL */ `
    query ($representations: [_Any!]!, $codes: [String!]) {
      _entities(representations: $representations) {
        ... on Zone {
          id
          indicators(codes: $codes) {
            code
            value
            unit
            qualifier
            period
            periodBasis
            note
            provenance {
              kind
              document
              passage
              computation
              recordCompleteness
              recordCount
            }
          }
          unassessedIndicators(codes: $codes) {
            code
            reason
          }
        }
      }
    }
  `;
  const SHEETS =
    'query ($representations: [_Any!]!, $codes: [String!], $withText: Boolean!) { _entities(representations: $representations) { ... on Zone { id figureSheet(codes: $codes, withText: $withText) } } }';
  type Figure = { periodBasis: string | null; note: string | null; provenance: { passage: string | null; computation: string | null } };
  type Entity = { id: string; indicators: Figure[]; unassessedIndicators: unknown[] };
  const withoutTexts = (figure: Figure): Figure => ({
    ...figure,
    periodBasis: null,
    note: null,
    provenance: { ...figure.provenance, passage: null, computation: null },
  });
  const representations = ANHUI.map((id) => ({ __typename: 'Zone', id }));

  it.each([
    ['every code', null],
    ['some codes', ['party_org.count', 'org_coverage.rate', 'honor.count']],
  ])('holds, for %s, what indicators and unassessedIndicators answer field by field, in their order, texts null unless asked', async (_name, codes) => {
    const anhui = stack.zoneServices.find((service) => service.name === 'anhui')!;
    const ask = <T>(query: string, variables: Record<string, unknown>) => postSignedGraphQL<{ _entities: T[] }>(anhui.url, stack.signingKeys, query, variables);
    const fields = await ask<Entity>(FIELDS, { representations, codes });
    const withText = await ask<{ id: string; figureSheet: unknown }>(SHEETS, { representations, codes, withText: true });
    const textless = await ask<{ id: string; figureSheet: unknown }>(SHEETS, { representations, codes, withText: false });
    for (const body of [fields, withText, textless]) expect(body.errors).toBeUndefined();
    const expected = fields.data!._entities;
    expect(expected.flatMap((zone) => zone.indicators).some((figure) => figure.provenance.passage !== null)).toBe(true);
    expect(expected.flatMap((zone) => zone.unassessedIndicators).length).toBeGreaterThan(0);
    expect(withText.data!._entities).toEqual(
      expected.map(({ id, indicators, unassessedIndicators }) => ({ id, figureSheet: { indicators, unassessedIndicators } })),
    );
    expect(textless.data!._entities).toEqual(
      expected.map(({ id, indicators, unassessedIndicators }) => ({ id, figureSheet: { indicators: indicators.map(withoutTexts), unassessedIndicators } })),
    );
  });

  it("is what the province asks for once it has read the zone service's schema (in the background, after its first read there)", async () => {
    const anhui = stack.zoneServices.find((service) => service.name === 'anhui')!;
    anhui.stats.reset();
    // Codes read by no other test here, alternated: a read answered from the zone-read cache sends nothing.
    const codes = [['party_member.count'], ['party_member.new.count']];
    for (let attempt = 0; attempt < 50 && anhui.stats.lastOperationName !== 'ProvinceReadsFigures'; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      await compare(ANHUI, codes[attempt % 2]!);
    }
    expect(anhui.stats.lastOperationName).toBe('ProvinceReadsFigures');
  });

  it('is not part of the API: the gateway refuses a query for it', async () => {
    const body = await postGraphQL(stack.gatewayUrl, '{ zone(id: "chuzhou") { figureSheet } }');
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(body.errors?.[0]?.message).toContain('figureSheet');
  });
});

describe('compareZones asks the zone services for texts only when it shows them', () => {
  const CELL_TEXTS = 'periodBasis note provenance { kind passage computation }';
  const compareWith = async (cellFields: string) => {
    const body = await postGraphQL<{ compareZones: { rows: { zone: { id: string }; cells: Record<string, unknown>[] }[] } }>(
      stack.gatewayUrl,
      `query ($ids: [ID!], $codes: [String!]!) { compareZones(zoneIds: $ids, indicators: $codes) { rows { zone { id } cells { code status value ${cellFields} } } } }`,
      { ids: ANHUI, codes: ['party_org.count', 'enterprise.count'] },
    );
    expect(body.errors).toBeUndefined();
    return body.data!.compareZones.rows;
  };
  const anhui = () => stack.zoneServices.find((service) => service.name === 'anhui')!;

  it('reads values alone for a comparison of values, texts for one that shows them, the same values either way', async () => {
    const values = await compareWith('');
    expect(anhui().stats.lastVariables).toMatchObject({ withText: false });
    const withTexts = await compareWith(CELL_TEXTS);
    expect(anhui().stats.lastVariables).toMatchObject({ withText: true });
    expect(withTexts.map((row) => ({ zone: row.zone, cells: row.cells.map(({ code, status, value }) => ({ code, status, value })) }))).toEqual(values);
    const cells = withTexts.flatMap((row) => row.cells) as { periodBasis: string | null; provenance: { kind: string; passage: string | null } | null }[];
    expect(cells.some((cell) => cell.provenance?.kind === 'REPORTED' && cell.provenance.passage && cell.periodBasis)).toBe(true);
  });
});

describe('selectBenchmarkSites asks the zone services for texts only when it shows them', () => {
  const FIGURE_TEXTS = 'figure { periodBasis provenance { kind passage } }';
  // Codes no other test here reads, so that neither read is answered from the zone-read cache.
  const CRITERIA = [{ indicator: 'party_member.count' }, { indicator: 'honor.count' }];
  const anhui = () => stack.zoneServices.find((service) => service.name === 'anhui')!;
  /** The ranking, and the variables of the one read Anhui's zone service received for it. */
  const selectWith = async (breakdownFields: string) => {
    anhui().stats.reset();
    const body = await postGraphQL<{
      selectBenchmarkSites: { ranked: { zone: { id: string }; rank: number; score: number; breakdown: Record<string, unknown>[] }[] };
    }>(
      stack.gatewayUrl,
      `query ($input: BenchmarkSelectionInput!) { selectBenchmarkSites(input: $input) { ranked { zone { id } rank score breakdown { indicator raw ${breakdownFields} } } } }`,
      { input: { zoneIds: ANHUI, criteria: CRITERIA, missing: { policy: 'IMPUTE' } } },
    );
    expect(body.errors).toBeUndefined();
    expect(anhui().stats.requests).toBe(1);
    return { ranked: body.data!.selectBenchmarkSites.ranked, variables: anhui().stats.lastVariables };
  };

  it('reads values alone for a ranking of values, texts for one that shows them, the same ranking either way', async () => {
    const values = await selectWith('');
    expect(values.variables).toMatchObject({ withText: false });
    const texts = await selectWith(FIGURE_TEXTS);
    expect(texts.variables).toMatchObject({ withText: true });
    const withoutTexts = texts.ranked.map(({ zone, rank, score, breakdown }) => ({
      zone,
      rank,
      score,
      breakdown: breakdown.map(({ indicator, raw }) => ({ indicator, raw })),
    }));
    expect(withoutTexts).toEqual(values.ranked);
    const figures = texts.ranked.flatMap((site) => site.breakdown.map((part) => part.figure)) as {
      periodBasis: string | null;
      provenance: { kind: string; passage: string | null } | null;
    }[];
    expect(figures.some((figure) => figure.provenance?.kind === 'REPORTED' && figure.provenance.passage && figure.periodBasis)).toBe(true);
  });

  it('keeps the texts of a saved run, whatever its answer shows', async () => {
    anhui().stats.reset();
    const body = await postGraphQL<{ saveSelectionRun: { id: string } }>(
      stack.gatewayUrl,
      'mutation ($input: BenchmarkSelectionInput!) { saveSelectionRun(title: "texts kept", input: $input) { id } }',
      { input: { zoneIds: ANHUI, criteria: [{ indicator: 'org_coverage.rate' }], missing: { policy: 'IMPUTE' } } },
    );
    expect(body.errors).toBeUndefined();
    expect(anhui().stats.requests).toBe(1);
    expect(anhui().stats.lastVariables).toMatchObject({ withText: true });
  });
});

describe('peerSuggestions asks the zone services for texts only when it shows them', () => {
  const GAP_TEXTS = 'periodBasis note provenance { kind passage computation }';
  const anhui = () => stack.zoneServices.find((service) => service.name === 'anhui')!;
  /** The suggestions, and the variables of the one read Anhui's zone service received for them. */
  const suggestWith = async (figureFields: string) => {
    anhui().stats.reset();
    const body = await postGraphQL<{
      peerSuggestions: {
        peers: {
          zone: { id: string };
          rank: number;
          score: number;
          gaps: { indicator: string; own: Record<string, unknown>; peer: Record<string, unknown> }[];
        }[];
      };
    }>(
      stack.gatewayUrl,
      `{ peerSuggestions(zoneId: "ningguo", criteria: [{ indicator: "party_org.count" }, { indicator: "org_coverage.rate" }], provinces: ["ANHUI"], limit: 20, computedOverNamedOnly: true) {
           peers { zone { id } rank score gaps { indicator own { value ${figureFields} } peer { value ${figureFields} } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(anhui().stats.requests).toBe(1);
    return { peers: body.data!.peerSuggestions.peers, variables: anhui().stats.lastVariables };
  };

  it('reads values alone for suggestions of values, texts for ones that show them, the same suggestions either way', async () => {
    const values = await suggestWith('');
    expect(values.variables).toMatchObject({ withText: false });
    expect(values.peers.length).toBeGreaterThan(0);
    const texts = await suggestWith(GAP_TEXTS);
    expect(texts.variables).toMatchObject({ withText: true });
    const withoutTexts = texts.peers.map(({ zone, rank, score, gaps }) => ({
      zone,
      rank,
      score,
      gaps: gaps.map(({ indicator, own, peer }) => ({ indicator, own: { value: own.value }, peer: { value: peer.value } })),
    }));
    expect(withoutTexts).toEqual(values.peers);
    const figures = texts.peers.flatMap((peer) => peer.gaps.flatMap((gap) => [gap.own, gap.peer])) as {
      periodBasis: string | null;
      provenance: { kind: string; passage: string | null } | null;
    }[];
    expect(figures.some((figure) => figure.provenance?.kind === 'REPORTED' && figure.provenance.passage && figure.periodBasis)).toBe(true);
  });
});

describe('the directory in memory', () => {
  const zoneIds = async (): Promise<string[]> => {
    const body = await postGraphQL<{ zones: { id: string }[] }>(stack.gatewayUrl, '{ zones { id } }');
    expect(body.errors).toBeUndefined();
    return body.data!.zones.map((zone) => zone.id);
  };

  it('answers a warm `zones { id }` without a province SQL statement', async () => {
    await zoneIds();
    const before = stack.province.database.statements.statements;
    expect(await zoneIds()).toContain('chuzhou');
    expect(stack.province.database.statements.statements - before).toBe(0);
  });

  it("lists a registration's new zone in the very next request", async () => {
    const [seed] = generateZones({ zones: 1, enterprisesPerZone: 3, seed: 11, prefix: 'newpark' });
    const database = await createTestDatabase(process.env.EMBEDDED_PG_ADMIN_URL!, 'newpark');
    const service = await startZoneService({
      name: 'newpark',
      databaseUrl: database.url,
      seeds: [seed!],
      synthetic: true,
      port: 0,
      host: '127.0.0.1',
      signingKeys: stack.signingKeys,
    });
    started.push({ stop: async () => (await service.stop(), await database.drop()) });
    const zone = { id: seed!.zone.id, nameZh: seed!.zone.nameZh, nameEn: 'New park', provinceCode: 'anhui', city: '铜陵市', level: 'national' };
    expect(await zoneIds()).not.toContain(zone.id);

    const registered = await postGraphQL<{ registerZoneService: { outcome: string; problems: unknown[] } }>(
      stack.gatewayUrl,
      'mutation ($input: ZoneServiceRegistrationInput!) { registerZoneService(input: $input) { outcome problems { check message } } }',
      { input: { name: 'newpark', url: service.url, contact: { name: 'Directory test', email: 'directory-test@example.cn' }, zones: [zone] } },
    );
    expect(registered.data?.registerZoneService).toEqual({ outcome: 'ACCEPTED', problems: [] });
    expect(await zoneIds()).toContain(zone.id);
  });
});

describe('a zone moved at runtime', () => {
  it('is read from its new service: with its old service stopped, it still answers and the old service’s zones are reported failed', async () => {
    const seed = loadZoneSeedFile(resolve(__dirname, '../subgraphs/anhui/seed/ningguo.json'));
    const database = await createTestDatabase(process.env.EMBEDDED_PG_ADMIN_URL!, 'ningguo_moved');
    const own = await startZoneService({
      name: 'ningguo-own',
      databaseUrl: database.url,
      seeds: [seed],
      port: 0,
      host: '127.0.0.1',
      signingKeys: stack.signingKeys,
    });
    started.push({ stop: async () => (await own.stop(), await database.drop()) });
    const [before] = (await compare(['ningguo'], ['party_org.count'])).rows;

    const ningguo = {
      id: 'ningguo',
      nameZh: '宁国经济技术开发区',
      nameEn: 'Ningguo Economic and Technological Development Zone',
      provinceCode: 'anhui',
      city: '宁国市',
      level: 'national',
    };
    const moved = await postGraphQL<{ registerZoneService: { outcome: string } }>(
      stack.gatewayUrl,
      'mutation ($input: ZoneServiceRegistrationInput!, $moveZones: [ID!]) { registerZoneService(input: $input, moveZones: $moveZones) { outcome } }',
      { input: { name: 'ningguo-own', url: own.url, contact: { name: 'Move test', email: 'move-test@example.cn' }, zones: [ningguo] }, moveZones: ['ningguo'] },
    );
    expect(moved.data?.registerZoneService.outcome).toBe('ACCEPTED');
    await stack.stopZoneService('anhui');

    const after = await compare(['ningguo', 'chuzhou'], ['party_org.count']);
    expect(after.rows.find((row) => row.zone.id === 'ningguo')).toEqual(before);
    expect(before!.cells[0]!.status).toBe('PRESENT');
    expect(after.failedZones).toEqual([
      { zoneId: 'chuzhou', service: 'anhui', message: expect.stringContaining('Zone "chuzhou" (service "anhui") is unavailable') },
    ]);
  });
});
