import { createTestDatabase, pgTargets, type TestDatabase } from '@devzone/testkit';
import { startZoneService, type RunningZoneService } from '../service/startZoneService';
import { ALPHA, ALPHA_SYSTEM, BETA, BETA_SYSTEM, callerOf, count, creditCode, KEYS } from './upkeepFixtures';

const IMPORT = /* GraphQL */ `
  mutation ($zoneId: ID!, $kind: UpkeepKind!, $format: ImportFormat!, $content: ImportContent!, $dryRun: Boolean!) {
    importZoneRecords(zoneId: $zoneId, kind: $kind, format: $format, content: $content, dryRun: $dryRun) {
      importId
      kind
      dryRun
      applied
      rows
      created
      updated
      unchanged
      deleted
      problems {
        line
        index
        column
        field
        message
      }
      outcomes {
        line
        index
        outcome
        naturalKey
        recordId
      }
    }
  }
`;

interface Report {
  importId: string | null;
  kind: string;
  dryRun: boolean;
  applied: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  problems: { line: number | null; index: number | null; column: string | null; field: string | null; message: string }[];
  outcomes: { line: number | null; index: number | null; outcome: string; naturalKey: string; recordId: string | null }[];
}

const AUDIT = /* GraphQL */ `
  query ($r: [_Any!]!, $importId: ID) {
    _entities(representations: $r) {
      ... on Zone {
        upkeepAudit(limit: 500, importId: $importId) {
          actor
          entityKind
          naturalKey
          recordId
          action
          before
          after
          importId
        }
      }
    }
  }
`;

/** Lines joined as Excel writes a CSV: CRLF, with a byte-order mark. */
const excelCsv = (lines: string[]) => '\uFEFF' + lines.join('\r\n') + '\r\n';

const SANFENG = creditCode('91330784MA2EC5XY1');
const FEIJIAN = creditCode('91330784147951234');

const HEADER = '统一社会信用代码,企业名称,industry,企业标签,职工人数,职工人数精度,产值(万元)';
/** Good rows on lines 2, 4 and 6-7 (a quoted line break); bad rows on lines 3, 5 and 8. */
const WITH_PROBLEMS = excelCsv([
  HEADER,
  `${SANFENG},永康三锋实业有限公司,"五金,工具",高新技术企业;规上企业,"1,200",,35000`,
  `91330784MA2EC5XY1I,坏企业一,五金,,abc,,`,
  `,"浙江""哈尔斯""真空器皿股份有限公司",,上市公司,800,以上,`,
  `,某,,,,约,`,
  `${FEIJIAN},永康飞剑工贸有限公司,"防盗门`,
  `安防",,,,`,
  `,永康三锋实业有限公司,,,,,`,
]);
const FIXED = excelCsv([
  HEADER,
  `${SANFENG},永康三锋实业有限公司,"五金,工具",高新技术企业;规上企业,"1,200",,35000`,
  `${creditCode('91330784MA2EC5XY2')},好企业一,五金,,150,,`,
  `,"浙江""哈尔斯""真空器皿股份有限公司",,上市公司,800,以上,`,
  `,某某科技,,,60,约,`,
  `${FEIJIAN},永康飞剑工贸有限公司,"防盗门`,
  `安防",,,,`,
]);

describe.each(pgTargets())('zone data import on $label PostgreSQL', ({ adminUrl, label }) => {
  let database: TestDatabase;
  let service: RunningZoneService;
  const call = callerOf(() => service);
  const importFile = async (variables: { kind?: string; format?: string; content: string; dryRun: boolean; zoneId?: string }, principal = ALPHA_SYSTEM) => {
    const body = await call<{ importZoneRecords: Report }>(principal, IMPORT, { zoneId: 'alpha', kind: 'ENTERPRISES', format: 'CSV', ...variables });
    expect(body.errors).toBeUndefined();
    return body.data!.importZoneRecords;
  };
  const written = async () => ({
    enterprises: await count(service, `SELECT count(*) AS n FROM enterprise WHERE zone_id = 'alpha'`),
    audit: await count(service, 'SELECT count(*) AS n FROM upkeep_audit'),
  });

  beforeAll(async () => {
    database = await createTestDatabase(adminUrl, `upkeep_import_${label}`);
    service = await startZoneService({ name: 'upkeep-import', databaseUrl: database.url, seeds: [ALPHA, BETA], signingKeys: KEYS });
  });

  afterAll(async () => {
    await service?.stop();
    await database?.drop();
  });

  const EXPECTED_PROBLEMS = [
    {
      line: 3,
      index: null,
      column: '统一社会信用代码',
      field: 'creditCode',
      message: 'character 18 ("I") is not allowed: a credit code uses 0-9 and A-Z without I, O, S, V, Z',
    },
    { line: 3, index: null, column: '职工人数', field: 'employees', message: 'must be a number' },
    { line: 5, index: null, column: '企业名称', field: 'nameZh', message: 'at least 2 characters' },
    { line: 5, index: null, column: '职工人数精度', field: 'employeesQualifier', message: 'given without employees' },
    {
      line: 8,
      index: null,
      column: '统一社会信用代码',
      field: 'creditCode',
      message: `"永康三锋实业有限公司" has credit code ${SANFENG}: give it (an enterprise with a credit code is keyed by it)`,
    },
  ];

  it('a dry run of an Excel CSV (BOM, CRLF, quoted commas, quotes and line breaks) lists every bad row by line and column and writes nothing', async () => {
    const before = await written();
    const report = await importFile({ content: WITH_PROBLEMS, dryRun: true });
    expect(report).toMatchObject({
      kind: 'ENTERPRISES',
      dryRun: true,
      applied: false,
      importId: null,
      rows: 6,
      created: 3,
      updated: 0,
      unchanged: 0,
      deleted: 0,
    });
    expect(report.problems).toEqual(EXPECTED_PROBLEMS);
    // The good rows are planned as they would be written: line 6 starts a record that ends on line 7.
    expect(report.outcomes.map((o) => [o.line, o.outcome, o.naturalKey])).toEqual([
      [2, 'CREATED', `creditCode=${SANFENG}`],
      [4, 'CREATED', 'nameZh=浙江"哈尔斯"真空器皿股份有限公司'],
      [6, 'CREATED', `creditCode=${FEIJIAN}`],
    ]);
    expect(await written()).toEqual(before);
  });

  it('a real run of the same file refuses with the same problems and writes nothing', async () => {
    const before = await written();
    const report = await importFile({ content: WITH_PROBLEMS, dryRun: false });
    expect(report).toMatchObject({ dryRun: false, applied: false, importId: null });
    expect(report.problems).toEqual(EXPECTED_PROBLEMS);
    expect(await written()).toEqual(before);
  });

  it('once fixed, the dry run is clean and the real run writes every row with its audit (before and after)', async () => {
    const before = await written();
    const dry = await importFile({ content: FIXED, dryRun: true });
    expect(dry).toMatchObject({ applied: false, problems: [], created: 5 });
    expect(await written()).toEqual(before);

    const real = await importFile({ content: FIXED, dryRun: false });
    expect(real).toMatchObject({ applied: true, problems: [], rows: 5, created: 5, updated: 0, unchanged: 0 });
    expect(real.importId).toMatch(/^[0-9a-f-]{36}$/);
    expect(real.outcomes.map((o) => o.line)).toEqual([2, 3, 4, 5, 6]);
    expect(await written()).toEqual({ enterprises: before.enterprises + 5, audit: before.audit + 5 });

    const [stored] = await service.database.dataSource.query(`SELECT * FROM enterprise WHERE credit_code = $1`, [FEIJIAN]);
    expect(stored).toMatchObject({ name_zh: '永康飞剑工贸有限公司', industry: '防盗门\n安防', entered_by: ALPHA_SYSTEM.subject });
    const [sanfeng] = await service.database.dataSource.query(`SELECT * FROM enterprise WHERE credit_code = $1`, [SANFENG]);
    expect(sanfeng).toMatchObject({
      industry: '五金,工具',
      employees: 1200,
      employees_qualifier: 'exact',
      output_value: 35000,
      flags: ['above_designated_size', 'high_tech'],
    });

    const body = await call<{
      _entities: { upkeepAudit: { actor: string; action: string; before: unknown; after: Record<string, unknown>; importId: string }[] }[];
    }>(ALPHA_SYSTEM, AUDIT, { r: [{ __typename: 'Zone', id: 'alpha' }], importId: real.importId });
    const entries = body.data!._entities[0].upkeepAudit;
    expect(entries).toHaveLength(5);
    expect(entries.every((e) => e.actor === ALPHA_SYSTEM.subject && e.action === 'CREATE' && e.before === null && e.importId === real.importId)).toBe(true);
    expect(entries.map((e) => e.after.nameZh).sort()).toEqual(
      ['好企业一', '某某科技', '永康三锋实业有限公司', '永康飞剑工贸有限公司', '浙江"哈尔斯"真空器皿股份有限公司'].sort(),
    );
  });

  it('importing the same file again changes nothing: every row UNCHANGED, no audit', async () => {
    const before = await written();
    const again = await importFile({ content: FIXED, dryRun: false });
    expect(again).toMatchObject({ applied: true, importId: null, rows: 5, created: 0, updated: 0, unchanged: 5, deleted: 0, problems: [] });
    expect(await written()).toEqual(before);
  });

  it('an edited file updates what changed, and a row marked 删除 deletes, audited before and after', async () => {
    const edited = excelCsv([
      `${HEADER},操作`,
      `${SANFENG},永康三锋实业有限公司,"五金,工具",高新技术企业;规上企业,"1,250",,35000,`,
      `,某某科技,,,,,,删除`,
      `${FEIJIAN},永康飞剑工贸有限公司,"防盗门`,
      `安防",,,,`,
    ]);
    const report = await importFile({ content: edited, dryRun: false });
    expect(report).toMatchObject({ applied: true, updated: 1, deleted: 1, unchanged: 1, problems: [] });
    const body = await call<{ _entities: { upkeepAudit: { action: string; before: Record<string, unknown>; after: Record<string, unknown> | null }[] }[] }>(
      ALPHA_SYSTEM,
      AUDIT,
      { r: [{ __typename: 'Zone', id: 'alpha' }], importId: report.importId },
    );
    const [deletion, update] = body.data!._entities[0].upkeepAudit;
    expect(update).toMatchObject({ action: 'UPDATE', before: { employees: 1200 }, after: { employees: 1250 } });
    expect(deletion).toMatchObject({ action: 'DELETE', before: { nameZh: '某某科技' }, after: null });
  });

  it('refuses a file whose header it cannot read, and a row that repeats another', async () => {
    const unknown = await importFile({ content: 'name,颜色\n某企业,红\n', dryRun: true });
    expect(unknown).toMatchObject({ applied: false, rows: 1, problems: [{ line: 1, index: null, column: '颜色', field: null }] });
    expect(unknown.problems[0].message).toMatch(/^unknown column; the columns of enterprises are: creditCode \(统一社会信用代码\/信用代码\), nameZh/);
    const keyless = await importFile({ content: 'industry\n五金\n', dryRun: true });
    expect(keyless.problems).toEqual([
      {
        line: 1,
        index: null,
        column: null,
        field: 'nameZh',
        message: 'no column nameZh/name/企业名称/名称 or creditCode/统一社会信用代码/信用代码: it says which record each row is',
      },
    ]);
    const twice = await importFile({ content: 'name,industry\n重复企业,五金\n重复企业,机械\n', dryRun: true });
    expect(twice.problems).toEqual([{ line: 3, index: null, column: 'name', field: 'nameZh', message: 'the same record (nameZh=重复企业) as line 2' }]);
    const broken = await importFile({ content: 'name,industry\n"未闭合,五金\n', dryRun: true });
    expect(broken.problems).toEqual([
      { line: 2, index: null, column: null, field: null, message: expect.stringMatching(/^not readable as CSV: Quote Not Closed/) },
    ]);
  });

  it('imports party organizations from an LF file whatever its order: a parent on a later line is created first', async () => {
    const csv = [
      '党组织名称,类型,上级党组织,覆盖企业,党员人数',
      `三锋实业党委,党委,阿尔法党工委,${SANFENG},120`,
      '三锋实业第一党支部,党支部,三锋实业党委,,35',
      '"哈尔斯党支部",党支部,阿尔法党工委,"浙江""哈尔斯""真空器皿股份有限公司；哈尔斯",',
    ].join('\n');
    const report = await importFile({ kind: 'PARTY_ORGANIZATIONS', content: csv.replace('三锋实业党委,党委,阿尔法党工委', 'X'), dryRun: true });
    expect(report.problems).toEqual(expect.arrayContaining([expect.objectContaining({ line: 2, column: '类型', field: 'type' })]));

    const reordered = [csv.split('\n')[0], csv.split('\n')[2], csv.split('\n')[1], csv.split('\n')[3]].join('\n');
    const applied = await importFile({ kind: 'PARTY_ORGANIZATIONS', content: reordered, dryRun: false });
    expect(applied).toMatchObject({ applied: true, created: 2, updated: 1, problems: [] });
    const rows = await service.database.dataSource.query(
      `SELECT o.name_zh, p.name_zh AS parent, (SELECT count(*)::int FROM organization_coverage c WHERE c.organization_id = o.id) AS covered
       FROM party_organization o LEFT JOIN party_organization p ON p.id = o.parent_id WHERE o.zone_id = 'alpha' ORDER BY o.name_zh`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { name_zh: '三锋实业党委', parent: '阿尔法党工委', covered: 1 },
        { name_zh: '三锋实业第一党支部', parent: '三锋实业党委', covered: 0 },
        { name_zh: '哈尔斯党支部', parent: '阿尔法党工委', covered: 2 },
      ]),
    );
    const cycle = await importFile({
      kind: 'PARTY_ORGANIZATIONS',
      content: '名称,类型,上级党组织\n甲党支部,党支部,乙党支部\n乙党支部,党支部,甲党支部\n',
      dryRun: true,
    });
    expect(cycle.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [2, 'parent', 'the parents form a cycle: "甲党支部" → "乙党支部" → "甲党支部"'],
      [3, 'parent', 'the parents form a cycle: "甲党支部" → "乙党支部" → "甲党支部"'],
    ]);
  });

  it('imports JSON: problems by array index and key, and the same all-or-nothing rule', async () => {
    const reports: Record<string, unknown>[] = [
      { code: 'party_org.count', period: '2024', value: 95, citationTitle: '2024年度党建统计年报', citationUrl: 'https://example.org/2024.xlsx' },
      { 指标代码: 'party_member.count', 期间: '2024', 数值: 'lots', 精度: '以上' },
      { code: 'org_coverage.rate', period: '2024-06', value: 130 },
      { code: 'alliance.red_station.count', period: '2024', scope: '红色物流党建联盟', value: 6 },
    ];
    const bad = await importFile({ kind: 'INDICATOR_REPORTS', format: 'JSON', content: JSON.stringify(reports), dryRun: false });
    expect(bad).toMatchObject({ applied: false, rows: 4, created: 2 });
    expect(bad.problems).toEqual([
      { line: null, index: 1, column: '数值', field: 'value', message: 'must be a number' },
      { line: null, index: 2, column: 'value', field: 'value', message: 'a rate is a percentage from 0 to 100' },
    ]);
    expect(await count(service, `SELECT count(*) AS n FROM indicator_report WHERE zone_id = 'alpha' AND entered_by IS NOT NULL`)).toBe(0);

    reports[1].数值 = '900';
    reports[2].value = 78.5;
    const good = await importFile({ kind: 'INDICATOR_REPORTS', format: 'JSON', content: JSON.stringify(reports), dryRun: false });
    expect(good).toMatchObject({ applied: true, created: 4, problems: [] });
    expect(good.outcomes.map((o) => [o.index, o.line, o.outcome])).toEqual([
      [0, null, 'CREATED'],
      [1, null, 'CREATED'],
      [2, null, 'CREATED'],
      [3, null, 'CREATED'],
    ]);
    const [member] = await service.database.dataSource.query(
      `SELECT value, qualifier, unit, entered_by, citation_title FROM indicator_report WHERE zone_id = 'alpha' AND code = 'party_member.count'`,
    );
    expect(member).toEqual({ value: 900, qualifier: 'at_least', unit: 'person', entered_by: ALPHA_SYSTEM.subject, citation_title: null });
    const again = await importFile({ kind: 'INDICATOR_REPORTS', format: 'JSON', content: JSON.stringify(reports), dryRun: false });
    expect(again).toMatchObject({ applied: true, unchanged: 4, created: 0, updated: 0 });

    const notArray = await importFile({ kind: 'INDICATOR_REPORTS', format: 'JSON', content: '{"code": "x"}', dryRun: true });
    expect(notArray.problems).toEqual([{ line: null, index: null, column: null, field: null, message: 'must be a JSON array of objects, one per record' }]);
  });

  it("keeps one zone's import to that zone and refuses another zone's system", async () => {
    const forbidden = await call(BETA_SYSTEM, IMPORT, { zoneId: 'alpha', kind: 'ENTERPRISES', format: 'CSV', content: FIXED, dryRun: true });
    expect(forbidden.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', zoneId: 'alpha' });
    const beta = await importFile({ zoneId: 'beta', content: FIXED, dryRun: false }, BETA_SYSTEM);
    expect(beta).toMatchObject({ applied: true, created: 5 });
    expect(await count(service, `SELECT count(*) AS n FROM enterprise WHERE zone_id = 'beta' AND credit_code = $1`, [SANFENG])).toBe(1);
  });
});
