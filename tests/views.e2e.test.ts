import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { RunningStack } from '@devzone/stack';
import { postGraphQL, startTestStack } from '@devzone/testkit';
import ExcelJS from 'exceljs';

/**
 * The BI views end to end over HTTP against the seeded stack: each view in each format,
 * parameters, credentials and scope as for GraphQL, the OpenAPI document against the
 * answers, and (last, as it stops a zone service) a failed zone as a marked row.
 */
type Headers = Record<string, string>;
type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

interface Answer {
  status: number;
  headers: Headers;
  body: Buffer;
}

let stack: RunningStack;
let admin: Headers;
let anhuiAnalyst: Headers;
let anhuiBiReader: Headers;
let runId: string;
let openApi: { paths: Record<string, { get: { 'x-columns': ({ name: string } | { group: string; columns: { name: string }[] })[] } }> };
let ajv: Ajv2020;

const ANHUI = ['changfeng', 'chuzhou', 'dangtu', 'feixi', 'ningguo', 'suixi'];
const ALL_ZONES = [...ANHUI, 'chengxi', 'jinjiang', 'yongkang'].sort();
const OUTSIDE_ANHUI = ['yongkang', 'chengxi', 'jinjiang', '永康', '城西', '晋江'];
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function get(path: string, headers: Headers = admin): Promise<Answer> {
  const response = await fetch(new URL(path, stack.gatewayUrl), { headers });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) };
}

const json = (answer: Answer) => JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
const table = (answer: Answer) => json(answer) as { view: string; columns: { name: string; type: string }[]; rows: Row[] };

async function issueKey(input: Record<string, unknown>): Promise<Headers> {
  const body = await postGraphQL<{ issueApiKey: { key: string } }>(
    stack.gatewayUrl,
    `mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key } }`,
    { input },
  );
  expect(body.errors).toBeUndefined();
  return { authorization: `ApiKey ${body.data!.issueApiKey.key}` };
}

/** Reads CSV by RFC 4180, requiring CRLF between records (a bare LF is allowed only inside quotes). */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        while (!(text[i] === '"' && text[i + 1] !== '"')) {
          if (i >= text.length) throw new Error('unterminated quoted field');
          field += text[i];
          i += text[i] === '"' ? 2 : 1;
        }
        i++;
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') field += text[i++];
      }
      fields.push(field);
      if (text[i] === ',') i++;
      else if (text[i] === '\r' && text[i + 1] === '\n') {
        i += 2;
        break;
      } else throw new Error(`record ${records.length + 1} does not end with CRLF: ${JSON.stringify(text.slice(i, i + 20))}`);
    }
    records.push(fields);
  }
  return records;
}

/** The CSV text of an answer, after checking its byte-order mark. */
function csvRecords(answer: Answer): string[][] {
  expect(answer.body.subarray(0, 3).equals(BOM)).toBe(true);
  return readCsv(answer.body.subarray(3).toString('utf8'));
}

/** Column names as documented for CSV/XLSX, groups expanded over the keys the JSON answer has. */
function documentedColumns(view: string, answerColumns: readonly string[]): string[] {
  const listed = openApi.paths[`/views/${view}.csv`].get['x-columns'];
  return listed.flatMap((part) => {
    if (!('group' in part)) return [part.name];
    const first = part.columns[0].name;
    const [before, after] = first.split('{key}');
    const keys = answerColumns
      .filter((name) => name.startsWith(before) && name.endsWith(after))
      .map((name) => name.slice(before.length, name.length - after.length));
    return keys.flatMap((key) => part.columns.map((column) => column.name.replace('{key}', key)));
  });
}

let validators: Record<string, ValidateFunction>;

beforeAll(async () => {
  stack = await startTestStack();
  admin = { authorization: stack.credential };
  anhuiAnalyst = await issueKey({ label: 'views: Anhui analyst', roles: ['ANALYST'], provinces: ['anhui'] });
  anhuiBiReader = await issueKey({ label: 'views: Anhui BI', roles: ['BI_READER'], provinces: ['anhui'] });
  const saved = await postGraphQL<{ saveSelectionRun: { id: string } }>(
    stack.gatewayUrl,
    `mutation { saveSelectionRun(title: "views: quality", input: { preset: "party_building_quality", robustness: { seed: 7, monteCarloDraws: 200 } }) { id } }`,
  );
  expect(saved.errors).toBeUndefined();
  runId = saved.data!.saveSelectionRun.id;
  const document = await get('/views/openapi.json', {});
  expect(document.status).toBe(200);
  openApi = json(document) as typeof openApi;
  ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  ajv.addSchema({ ...openApi, $id: 'views' });
  validators = {};
});

afterAll(async () => {
  await stack?.stop();
});

const pascal = (name: string) => name.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
const validatorOf = (view: string) => (validators[view] ??= ajv.getSchema(`views#/components/schemas/${pascal(view)}Table`)!);

const VIEW_CASES: [string, () => string][] = [
  ['zones', () => ''],
  ['indicators', () => 'province=anhui&codes=party_org.count,org_coverage.rate'],
  ['comparison', () => 'indicators=party_org.count,party_member.count,org_coverage.rate,derived.members_per_org'],
  ['enterprises', () => 'first=20'],
  ['party-organizations', () => 'first=20&orderBy=TYPE'],
  ['selection-run', () => `id=${runId}`],
];

describe('each view in each format', () => {
  describe.each(VIEW_CASES)('%s', (view, query) => {
    let asJson: ReturnType<typeof table>;
    beforeAll(async () => {
      const answer = await get(`/views/${view}.json?${query()}`);
      expect([answer.status, answer.body.toString('utf8').slice(0, 300)]).toEqual([200, expect.any(String)]);
      asJson = table(answer);
    });

    it('JSON: the documented table (OpenAPI schema), columns as the documented list, rows ok', async () => {
      const validate = validatorOf(view);
      expect(validate(asJson) ? [] : validate.errors).toEqual([]);
      expect(asJson.view).toBe(view);
      const names = asJson.columns.map((column) => column.name);
      expect(names).toEqual(documentedColumns(view, names));
      expect(asJson.rows.length).toBeGreaterThan(0);
      for (const row of asJson.rows) expect(Object.keys(row)).toEqual(names);
      expect(asJson.rows.filter((row) => row.status !== 'ok')).toEqual([]);
    });

    it('CSV: a download in UTF-8 with a BOM, CRLF records, a header of the column names, the same rows', async () => {
      const answer = await get(`/views/${view}.csv?${query()}`);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
      expect(answer.headers['content-disposition']).toBe(`attachment; filename=${view}.csv`);
      const [header, ...records] = csvRecords(answer);
      expect(header).toEqual(asJson.columns.map((column) => column.name));
      const asText = (value: Cell) => (value === null ? '' : String(value));
      expect(records).toEqual(asJson.rows.map((row) => header.map((name) => asText(row[name]))));
    });

    it('XLSX: opens with exceljs; a sheet named after the view, a frozen header, numbers typed as numbers, the same rows', async () => {
      const answer = await get(`/views/${view}.xlsx?${query()}`);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(answer.headers['content-disposition']).toBe(`attachment; filename=${view}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      // exceljs declares its own Buffer type (an ArrayBuffer); it reads a Node Buffer.
      await workbook.xlsx.load(answer.body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([view, 'columns']);
      const sheet = workbook.worksheets[0];
      expect(sheet.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
      const header = (sheet.getRow(1).values as Cell[]).slice(1);
      expect(header).toEqual(asJson.columns.map((column) => column.name));
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.autoFilter).toBe(`A1:${sheet.getRow(1).getCell(asJson.columns.length).address}`);
      expect(sheet.rowCount).toBe(asJson.rows.length + 1);
      let numbers = 0;
      asJson.rows.forEach((row, i) => {
        asJson.columns.forEach((column, c) => {
          const cell = sheet.getRow(i + 2).getCell(c + 1);
          const value = row[column.name];
          if (value === null) return expect([column.name, cell.value]).toEqual([column.name, null]);
          if (column.type === 'integer' || column.type === 'number') {
            numbers++;
            return expect([column.name, cell.type, cell.value]).toEqual([column.name, ExcelJS.ValueType.Number, value]);
          }
          if (column.type === 'date') return expect([column.name, (cell.value as Date).toISOString()]).toEqual([column.name, value]);
          expect([column.name, cell.value]).toEqual([column.name, value]);
        });
      });
      if (view !== 'zones') expect(numbers).toBeGreaterThan(0);
      expect(workbook.getWorksheet('columns')!.rowCount).toBe(asJson.columns.length + 1);
    });
  });

  it('chooses the format by Accept when the URL has no extension, and refuses one it cannot give', async () => {
    const csv = await get('/views/zones?province=anhui', { ...admin, accept: 'text/csv' });
    expect([csv.status, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8; header=present']);
    const xlsx = await get('/views/zones', { ...admin, accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect([xlsx.status, xlsx.body.subarray(0, 2).toString()]).toEqual([200, 'PK']);
    const anything = await get('/views/zones', { ...admin, accept: '*/*' });
    expect([anything.status, anything.headers['content-type']]).toEqual([200, 'application/json; charset=utf-8']);
    const png = await get('/views/zones', { ...admin, accept: 'image/png' });
    expect([png.status, (json(png).error as { code: string }).code]).toEqual([406, 'NOT_ACCEPTABLE']);
    expect((await get('/views/zones.pdf')).status).toBe(404);
    expect((await get('/views/nothing.csv')).status).toBe(404);
  });
});

describe('what the tables hold: precision and provenance on every cell', () => {
  const rowsOf = async (path: string, headers: Headers = admin) => {
    const answer = await get(path, headers);
    expect(answer.status).toBe(200);
    return table(answer).rows;
  };

  it('zones: every zone once, with its record completeness', async () => {
    const rows = await rowsOf('/views/zones.json');
    expect(rows.map((row) => row.zone_id).sort()).toEqual(ALL_ZONES);
    expect(rows.find((row) => row.zone_id === 'chuzhou')).toEqual(
      expect.objectContaining({ city: '滁州市', province: 'anhui', service: 'anhui', records_party_organizations: 'NAMED_ONLY', status: 'ok', message: null }),
    );
  });

  it("indicators: a reported figure with its article and passage, a computed one with its records' completeness, side by side", async () => {
    const rows = await rowsOf('/views/indicators.json?ids=chuzhou&codes=party_org.count');
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          value: 115,
          precision: 'EXACT',
          kind: 'REPORTED',
          source_document: '003_037c2896ec0aa84d.txt',
          source_title: '激活非公党建力量 助推安徽开发区高质量发展',
          passage: expect.stringContaining('115'),
        }),
        expect.objectContaining({ kind: 'COMPUTED', precision: 'AT_LEAST', record_completeness: 'NAMED_ONLY', computation: expect.any(String) }),
      ]),
    );
  });

  it("comparison: each indicator's rank is the one compareZones(sort:) gives", async () => {
    const indicators = ['party_org.count', 'party_member.count', 'org_coverage.rate'];
    const rows = await rowsOf(`/views/comparison.json?indicators=${indicators.join(',')}&computedOverNamedOnly=true`);
    expect(rows.find((row) => row.zone_id === 'chuzhou')).toEqual(
      expect.objectContaining({ 'party_org.count.value': 115, 'party_org.count.rank': 1, 'party_org.count.kind': 'REPORTED', 'org_coverage.rate.value': 71 }),
    );
    for (const indicator of indicators) {
      const body = await postGraphQL<{ compareZones: { rows: { rank: number | null; zone: { id: string } }[] } }>(
        stack.gatewayUrl,
        `query ($indicators: [String!]!, $sort: String!) { compareZones(indicators: $indicators, computedOverNamedOnly: true, sort: { indicator: $sort }) { rows { rank zone { id } } } }`,
        { indicators, sort: indicator },
      );
      expect(body.errors).toBeUndefined();
      const expected = Object.fromEntries(body.data!.compareZones.rows.map((row) => [row.zone.id, row.rank]));
      expect(Object.fromEntries(rows.map((row) => [row.zone_id, row[`${indicator}.rank`]]))).toEqual(expected);
    }
  });

  it("selection-run: each criterion's contributions add up to the score; rank acceptabilities to 1", async () => {
    const rows = await rowsOf(`/views/selection-run.json?id=${runId}`);
    const ranked = rows.filter((row) => row.standing === 'RANKED');
    expect(ranked.length).toBeGreaterThan(0);
    for (const row of ranked) {
      const contributions = Object.entries(row).filter(([name, value]) => name.endsWith('.contribution') && value !== null);
      expect(contributions.length).toBeGreaterThan(0);
      expect(contributions.reduce((sum, [, value]) => sum + (value as number), 0)).toBeCloseTo(row.score as number, 9);
      const shares = Object.entries(row).filter(([name]) => name.startsWith('rank_acceptability.'));
      expect(shares.reduce((sum, [, value]) => sum + (value as number), 0)).toBeCloseTo(1, 9);
    }
    expect(rows.filter((row) => row.standing !== 'RANKED').every((row) => row.rank === null && typeof row.exclusion === 'string')).toBe(true);
  });
});

describe('enterprises and party-organizations page one zone by cursor', () => {
  it.each([
    ['enterprises', 'enterprise_id', 'orderBy=TAX_DESC'],
    ['party-organizations', 'organization_id', 'orderBy=TYPE'],
  ])('%s: walking a zone by zone_next_after gives the rows of one long page, in order', async (view, idColumn, order) => {
    const whole = table(await get(`/views/${view}.json?ids=yongkang&first=100&${order}`)).rows;
    expect(whole.every((row) => row.zone_next_after === null)).toBe(true);
    const walked: Cell[] = [];
    let after: Cell = null;
    do {
      const rows: Row[] = table(
        await get(`/views/${view}.json?ids=yongkang&first=3&${order}${after === null ? '' : `&after=${encodeURIComponent(String(after))}`}`),
      ).rows;
      walked.push(...rows.map((row) => row[idColumn]!));
      after = rows[0]!.zone_next_after!;
      expect(rows.every((row) => row.zone_next_after === after)).toBe(true);
    } while (after !== null);
    expect(whole.length).toBeGreaterThan(3);
    expect(walked).toEqual(whole.map((row) => row[idColumn]));
  });
});

describe('parameters are validated, naming the parameter', () => {
  it.each([
    ['/views/zones.csv?zone=yongkang', 'zone'],
    ['/views/enterprises.csv?first=abc', 'first'],
    ['/views/enterprises.json?orderBy=CHEAPEST', 'orderBy'],
    ['/views/comparison.csv?provinces=anhui', 'indicators'],
    ['/views/comparison.xlsx?indicators=party_org.count&computedOverNamedOnly=maybe', 'computedOverNamedOnly'],
    // Checked by the gateway, passed on naming the parameter:
    ['/views/zones.csv?province=atlantis', 'province'],
    ['/views/selection-run.csv?id=not-a-uuid', 'id'],
    // A cursor pages one zone, not from an offset; one that is no cursor is the zone service's refusal.
    ['/views/enterprises.csv?after=abc', 'after'],
    ['/views/party-organizations.csv?ids=yongkang,chengxi&after=abc', 'after'],
    ['/views/enterprises.json?ids=yongkang&after=abc&offset=5', 'after'],
    ['/views/enterprises.csv?ids=yongkang&after=garbage', 'after'],
  ])('%s', async (path, parameter) => {
    const answer = await get(path);
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(json(answer)).toEqual({ error: expect.objectContaining({ code: 'BAD_USER_INPUT', parameter, message: expect.stringContaining(parameter) }) });
  });

  it('passes on the gateway refusing a request that costs too much (LIMIT_EXCEEDED)', async () => {
    const answer = await get('/views/enterprises.csv?first=500');
    expect(answer.status).toBe(400);
    expect((json(answer).errors as { extensions: { code: string; limit: string } }[])[0].extensions).toEqual(
      expect.objectContaining({ code: 'LIMIT_EXCEEDED', limit: 'cost' }),
    );
  });
});

describe('credentials apply exactly as for GraphQL', () => {
  it.each(VIEW_CASES)('%s without a credential is the gateway’s 401', async (view, query) => {
    const answer = await get(`/views/${view}.csv?${query()}`, {});
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBeDefined();
    expect((json(answer).errors as { extensions: { code: string; reason: string } }[])[0].extensions).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'missing',
      requestId: expect.any(String),
    });
  });

  it('a key that does not verify is the gateway’s 401', async () => {
    const answer = await get('/views/zones.csv', { authorization: `ApiKey dzk_0123456789abcdef_${'0'.repeat(64)}` });
    expect(answer.status).toBe(401);
  });

  it('an Anhui analyst sees only Anhui zones, and nothing names another province’s zone', async () => {
    for (const path of ['/views/zones.csv', '/views/indicators.csv', '/views/comparison.csv?indicators=party_org.count', '/views/enterprises.csv?first=50']) {
      const answer = await get(path, anhuiAnalyst);
      expect([path, answer.status]).toEqual([path, 200]);
      const [header, ...records] = csvRecords(answer);
      const zones = new Set(records.map((record) => record[header.indexOf('zone_id')]));
      expect([path, [...zones].every((zone) => ANHUI.includes(zone))]).toEqual([path, true]);
      const text = answer.body.toString('utf8');
      for (const outside of OUTSIDE_ANHUI) expect([path, text.includes(outside)]).toEqual([path, false]);
    }
    const zones = await get('/views/zones.json', anhuiAnalyst);
    expect(
      table(zones)
        .rows.map((row) => row.zone_id)
        .sort(),
    ).toEqual(ANHUI);
  });

  it('asking an Anhui analyst’s view for Zhejiang answers like an unknown province, naming the parameter', async () => {
    const answer = await get('/views/zones.csv?province=zhejiang', anhuiAnalyst);
    expect(answer.status).toBe(400);
    expect(json(answer)).toEqual({ error: expect.objectContaining({ parameter: 'province', code: 'BAD_USER_INPUT' }) });
    expect(answer.body.toString('utf8')).not.toContain('yongkang');
  });

  it('a BI reader reads the directory views of its province but not the analytics (403)', async () => {
    const zones = await get('/views/zones.json', anhuiBiReader);
    expect(
      table(zones)
        .rows.map((row) => row.zone_id)
        .sort(),
    ).toEqual(ANHUI);
    const comparison = await get('/views/comparison.csv?indicators=party_org.count', anhuiBiReader);
    expect([comparison.status, (json(comparison).error as { code: string }).code]).toEqual([403, 'FORBIDDEN']);
    const run = await get(`/views/selection-run.csv?id=${runId}`, anhuiBiReader);
    expect(run.status).toBe(403);
  });

  it('another analyst’s saved run is NOT_FOUND (404), as for GraphQL', async () => {
    const answer = await get(`/views/selection-run.json?id=${runId}`, anhuiAnalyst);
    expect([answer.status, (json(answer).error as { code: string }).code]).toEqual([404, 'NOT_FOUND']);
  });

  it('the list of views is public, and names each view’s URLs and parameters', async () => {
    const answer = await get('/views', {});
    expect(answer.status).toBe(200);
    const list = json(answer) as { openapi: string; views: { name: string; urls: Record<string, string>; parameters: string[] }[] };
    expect(list.openapi).toBe('/views/openapi.json');
    expect(list.views.map((view) => view.name)).toEqual(VIEW_CASES.map(([view]) => view));
    expect(list.views.find((view) => view.name === 'comparison')).toEqual(
      expect.objectContaining({ urls: { json: '/views/comparison.json', csv: '/views/comparison.csv', xlsx: '/views/comparison.xlsx' } }),
    );
  });

  it('the OpenAPI document is public and does not serve the test-only view', async () => {
    expect(Object.keys(openApi.paths).some((path) => path.includes('synthetic-rows'))).toBe(false);
    expect((await get('/views/synthetic-rows.csv?rows=3')).status).toBe(404);
  });
});

// Last: stopping a zone service cannot be undone for this stack.
describe('a zone whose service is down is a marked row, never a shorter table', () => {
  const CASES: [string, string][] = [
    ['zones', ''],
    ['indicators', 'codes=party_org.count'],
    ['comparison', 'indicators=party_org.count,party_member.count'],
    ['enterprises', 'first=5'],
    ['party-organizations', 'first=5'],
  ];
  let before: Record<string, Row[]>;

  beforeAll(async () => {
    before = {};
    for (const [view, query] of CASES) before[view] = table(await get(`/views/${view}.json?${query}`)).rows;
    await stack.stopZoneService('jinjiang');
  });

  it.each(CASES)('%s', async (view, query) => {
    const answer = await get(`/views/${view}.json?${query}`);
    expect(answer.status).toBe(200);
    const rows = table(answer).rows;
    const validate = validatorOf(view);
    expect(validate(table(answer)) ? [] : validate.errors).toEqual([]);
    const jinjiang = rows.filter((row) => row.zone_id === 'jinjiang');
    expect(jinjiang.length).toBeGreaterThan(0);
    for (const row of jinjiang) expect(row).toEqual(expect.objectContaining({ status: 'unavailable', message: expect.stringMatching(/jinjiang/) }));
    // Every other zone's rows are as before.
    expect(rows.filter((row) => row.zone_id !== 'jinjiang')).toEqual(before[view].filter((row) => row.zone_id !== 'jinjiang'));
    expect(new Set(rows.map((row) => row.zone_id))).toEqual(new Set(before[view].map((row) => row.zone_id)));

    const csv = await get(`/views/${view}.csv?${query}`);
    const [header, ...records] = csvRecords(csv);
    const status = header.indexOf('status');
    expect(records.filter((record) => record[header.indexOf('zone_id')] === 'jinjiang').map((record) => record[status])).toEqual(
      jinjiang.map(() => 'unavailable'),
    );
  });
});
