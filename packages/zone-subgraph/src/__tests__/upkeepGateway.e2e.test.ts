import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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

/** Every complete operation of docs/zone-data.md (```graphql blocks; those with placeholders `…` or variables left out: the tests above run them), in page order. */
function documentedOperations(): { source: string; operationName: string | undefined }[] {
  const page = readFileSync(resolve(__dirname, '../../../../docs/zone-data.md'), 'utf8');
  const blocks = [...page.matchAll(/```graphql\n([\s\S]*?)```/g)]
    .map((m) => m[1].trim())
    .filter((b) => /^(mutation|query|\{)/.test(b) && !b.includes('…') && !b.includes('($'));
  return blocks.flatMap((source): { source: string; operationName: string | undefined }[] => {
    const names = [...source.matchAll(/^(?:mutation|query) (\w+)/gm)].map((m) => m[1]);
    return names.length > 1 ? names.map((operationName) => ({ source, operationName })) : [{ source, operationName: undefined }];
  });
}

it('runs every GraphQL operation of docs/zone-data.md with the zone system key, without errors', async () => {
  const operations = documentedOperations();
  expect(operations.length).toBeGreaterThanOrEqual(9);
  for (const { source, operationName } of operations) {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${yongkangKey}` },
      body: JSON.stringify({ query: source, operationName }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    expect({ operation: operationName ?? source.slice(0, 60), errors: body.errors }).toEqual({
      operation: operationName ?? source.slice(0, 60),
      errors: undefined,
    });
  }
});

it('imports every example file of docs/zone-data.md, CSV and JSON, without a problem', async () => {
  const page = readFileSync(resolve(__dirname, '../../../../docs/zone-data.md'), 'utf8');
  const kindOf = (header: string) =>
    header.startsWith('统一社会信用代码')
      ? 'ENTERPRISES'
      : header.startsWith('党组织名称')
        ? 'PARTY_ORGANIZATIONS'
        : header.startsWith('获得者类型')
          ? 'HONORS'
          : 'INDICATOR_REPORTS';
  const files = [
    ...[...page.matchAll(/```csv\n([\s\S]*?)```/g)].map((m) => ({ format: 'CSV', kind: kindOf(m[1]), content: m[1] })),
    ...[...page.matchAll(/```json\n(\[[\s\S]*?)```/g)].map((m) => ({ format: 'JSON', kind: 'INDICATOR_REPORTS', content: m[1] })),
  ];
  expect(files.map((f) => `${f.format} ${f.kind}`)).toEqual([
    'CSV ENTERPRISES',
    'CSV PARTY_ORGANIZATIONS',
    'CSV HONORS',
    'CSV INDICATOR_REPORTS',
    'JSON INDICATOR_REPORTS',
  ]);
  for (const file of files) {
    const answer = await asYongkang<{ importZoneRecords: { applied: boolean; problems: unknown[] } }>(
      `mutation ($kind: UpkeepKind!, $format: ImportFormat!, $content: ImportContent!) {
        importZoneRecords(zoneId: "yongkang", kind: $kind, format: $format, content: $content, dryRun: false) { applied problems { line index column field message } }
      }`,
      file,
    );
    expect(answer.errors).toBeUndefined();
    expect({ file: `${file.format} ${file.kind}`, ...answer.data!.importZoneRecords }).toEqual({
      file: `${file.format} ${file.kind}`,
      applied: true,
      problems: [],
    });
  }
});
