import type { RunningStack } from '@devzone/stack';
import { postGraphQL, startTestStack } from '@devzone/testkit';

/**
 * The worked examples of docs/zone-data.md, through the gateway of the seeded system,
 * with a ZONE_SYSTEM API key sent as `Authorization: Bearer dzk_…`.
 */
jest.setTimeout(180_000);

let stack: RunningStack;
let yongkangKey: string;
const asYongkang = <T>(query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL<T>(stack.gatewayUrl, query, variables, { authorization: `Bearer ${yongkangKey}` });

beforeAll(async () => {
  stack = await startTestStack();
  const issued = await postGraphQL<{ issueApiKey: { key: string } }>(
    stack.gatewayUrl,
    `mutation { issueApiKey(input: { label: "Yongkang ETDZ register", roles: [ZONE_SYSTEM], provinces: ["zhejiang"], zoneIds: ["yongkang"] }) { key } }`,
  );
  expect(issued.errors).toBeUndefined();
  yongkangKey = issued.data!.issueApiKey.key;
});

afterAll(async () => {
  await stack?.stop();
});

const UPSERT = /* GraphQL */ `
  mutation KeepEnterprise($input: EnterpriseInput!) {
    upsertEnterprise(zoneId: "yongkang", input: $input) {
      outcome
      naturalKey
      recordId
      enterprise {
        nameZh
        creditCode
        provenance {
          kind
          document
          enteredBy
        }
      }
    }
  }
`;

it('a zone system gives an article-named enterprise its credit code, then sends the same record again: UNCHANGED', async () => {
  const input = {
    creditCode: '91330784147951234W',
    nameZh: '浙江三锋实业股份有限公司',
    industry: '五金工具',
    flags: ['ABOVE_DESIGNATED_SIZE'],
    employees: { value: 1200 },
  };
  const first = await asYongkang<{ upsertEnterprise: Record<string, unknown> }>(UPSERT, { input });
  expect(first.errors).toBeUndefined();
  expect(first.data!.upsertEnterprise).toMatchObject({
    outcome: 'UPDATED',
    naturalKey: 'creditCode=91330784147951234W',
    recordId: 'yongkang:sanfeng',
    enterprise: {
      creditCode: '91330784147951234W',
      provenance: { kind: 'ZONE_SYSTEM', document: '000_b89a998cf9687559.txt', enteredBy: expect.stringMatching(/^key:/) },
    },
  });
  const again = await asYongkang<{ upsertEnterprise: { outcome: string } }>(UPSERT, { input });
  expect(again.data!.upsertEnterprise.outcome).toBe('UNCHANGED');
});

it("refuses a change to another zone's data as FORBIDDEN naming the zone", async () => {
  const other = await asYongkang(`mutation { upsertEnterprise(zoneId: "chengxi", input: { nameZh: "城西某企业" }) { outcome } }`);
  expect(other.data).toBeNull();
  expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', zoneId: 'chengxi' } });
});

it('reports a figure with its citation and reads it back beside the article figure', async () => {
  const reported = await asYongkang(/* GraphQL */ `
    mutation {
      upsertIndicatorReport(
        zoneId: "yongkang"
        input: {
          code: "party_org.count"
          period: "2024"
          value: 91
          citation: { title: "2024年永康经济开发区两新党建工作总结", url: "https://example.org/yk-2024.pdf", date: "2025-01-10" }
        }
      ) {
        outcome
      }
    }
  `);
  expect(reported.errors).toBeUndefined();
  const read = await asYongkang<{
    zone: { indicators: { value: number; period: string; provenance: { kind: string; citation: { title: string } | null } }[] };
  }>(
    `{ zone(id: "yongkang") { indicators(codes: ["party_org.count"]) { value period provenance { kind document enteredBy enteredAt citation { title url date } } } } }`,
  );
  expect(read.errors).toBeUndefined();
  const kinds = read.data!.zone.indicators.map((i) => [i.provenance.kind, i.period, i.value]);
  expect(kinds).toEqual(
    expect.arrayContaining([
      ['REPORTED', '2022', 82],
      ['ZONE_SYSTEM', '2024', 91],
    ]),
  );
});

it('imports a CSV: dry run, then the real run, then the audit', async () => {
  const csv =
    '\uFEFF统一社会信用代码,企业名称,行业,企业标签,职工人数\r\n91330784MA2EC5XY19,永康市新锐五金有限公司,"五金,工具",规上企业,86\r\n91330784MA2EC5XY2C,永康市恒达工具有限公司,电动工具,,240\r\n';
  const IMPORT = `mutation Import($content: ImportContent!, $dryRun: Boolean!) {
    importZoneRecords(zoneId: "yongkang", kind: ENTERPRISES, format: CSV, content: $content, dryRun: $dryRun) {
      importId dryRun applied rows created updated unchanged deleted problems { line column field message }
    }
  }`;
  const dry = await asYongkang<{ importZoneRecords: Record<string, unknown> }>(IMPORT, { content: csv, dryRun: true });
  expect(dry.data!.importZoneRecords).toMatchObject({ dryRun: true, applied: false, rows: 2, created: 2, problems: [] });
  const real = await asYongkang<{ importZoneRecords: { importId: string } }>(IMPORT, { content: csv, dryRun: false });
  expect(real.data!.importZoneRecords).toMatchObject({ applied: true, created: 2 });
  const audit = await asYongkang<{ zone: { upkeepAudit: { action: string; entityKind: string; naturalKey: string; importId: string | null }[] } }>(
    `query Audit($importId: ID) { zone(id: "yongkang") { upkeepAudit(limit: 20, importId: $importId) { at actor action entityKind naturalKey recordId importId before after } } }`,
    { importId: real.data!.importZoneRecords.importId },
  );
  expect(audit.errors).toBeUndefined();
  expect(audit.data!.zone.upkeepAudit.map((e) => e.naturalKey).sort()).toEqual(['creditCode=91330784MA2EC5XY19', 'creditCode=91330784MA2EC5XY2C']);
  const reimport = await asYongkang<{ importZoneRecords: Record<string, unknown> }>(IMPORT, { content: csv, dryRun: false });
  expect(reimport.data!.importZoneRecords).toMatchObject({ applied: true, unchanged: 2, created: 0, importId: null });
});

it('shows the audit to administrators, not to an analyst reading the zone', async () => {
  const admin = await postGraphQL<{ zone: { upkeepAudit: unknown[] } }>(stack.gatewayUrl, `{ zone(id: "yongkang") { upkeepAudit(limit: 5) { actor } } }`);
  expect(admin.errors).toBeUndefined();
  expect(admin.data!.zone.upkeepAudit.length).toBeGreaterThan(0);
  const issued = await postGraphQL<{ issueApiKey: { key: string } }>(
    stack.gatewayUrl,
    `mutation { issueApiKey(input: { label: "analyst", roles: [ANALYST], provinces: ["zhejiang"] }) { key } }`,
  );
  const analyst = await postGraphQL<{ zone: { nameZh: string; upkeepAudit: unknown } }>(
    stack.gatewayUrl,
    `{ zone(id: "yongkang") { nameZh upkeepAudit(limit: 5) { actor } } }`,
    {},
    { authorization: `ApiKey ${issued.data!.issueApiKey.key}` },
  );
  expect(analyst.data?.zone).toMatchObject({ nameZh: expect.any(String), upkeepAudit: null });
  expect(analyst.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
});
