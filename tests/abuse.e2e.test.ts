import type { RunningStack } from '@devzone/stack';
import { postGraphQL, startTestStack, type GraphQLResponseBody } from '@devzone/testkit';
import type { AbuseCase, CallerName, Fixtures } from './abuse/abuseCase';
import { ARGUMENT_TYPE_CASES } from './abuse/argumentTypeCases';
import { issueCallers, JWT_KEYS, type Headers } from './abuse/callers';
import { CONTROL_CHARACTER_CASES } from './abuse/controlCharacterCases';
import { CREDENTIAL_CASES } from './abuse/credentialCases';
import { ID_CASES } from './abuse/idCases';
import { leaksIn } from './abuse/leaks';
import { MALFORMED_CASES } from './abuse/malformedCases';
import { INTROSPECTION_CASES, MUTATION_CASES } from './abuse/mutationCases';
import { allRowCounts } from './abuse/rowCounts';
import { SCOPE_CASES } from './abuse/scopeCases';
import { send } from './abuse/send';
import { SHAPE_CASES } from './abuse/shapeCases';
import { SIZE_CASES } from './abuse/sizeCases';
import { TRANSPORT_CASES } from './abuse/transportCases';

/**
 * Bad and abusive requests against the seeded stack, one table per category
 * (tests/abuse/*.ts; docs/security.md, "Abuse suite"). Each case gets its status
 * and error code, nothing internal or out of scope leaks, and nothing stored changes.
 */
const TABLES: Record<string, readonly AbuseCase[]> = {
  'malformed GraphQL and bodies': MALFORMED_CASES,
  'wrong argument types and ranges': ARGUMENT_TYPE_CASES,
  'huge strings and oversized bodies': SIZE_CASES,
  'NUL bytes and control characters': CONTROL_CHARACTER_CASES,
  'deep, wide and alias-heavy operations, fragment cycles': SHAPE_CASES,
  'invalid and unknown ids': ID_CASES,
  'batches, GET, CSRF, methods and content types': TRANSPORT_CASES,
  'wrong, expired, revoked and malformed credentials': CREDENTIAL_CASES,
  'out-of-scope reads and role refusals on every path': SCOPE_CASES,
  'mutations with bad input': MUTATION_CASES,
  'introspection and suggestions': INTROSPECTION_CASES,
};

let stack: RunningStack;
let callers: Record<CallerName, Headers>;
let fixtures: Fixtures;
let rowsBefore: Record<string, number>;

const databases = () => [
  { service: 'province', dataSource: stack.province.database.dataSource },
  ...stack.zoneServices.map((s) => ({ service: s.name, dataSource: s.database.dataSource })),
];

beforeAll(async () => {
  // One client sends a few hundred requests in a row: the per-client rate limit is off for this stack only.
  const rate = process.env.GATEWAY_RATE_LIMIT_PER_SECOND;
  process.env.GATEWAY_RATE_LIMIT_PER_SECOND = '0';
  try {
    stack = await startTestStack({ auth: { jwtKeys: JWT_KEYS } });
  } finally {
    if (rate === undefined) delete process.env.GATEWAY_RATE_LIMIT_PER_SECOND;
    else process.env.GATEWAY_RATE_LIMIT_PER_SECOND = rate;
  }
  callers = await issueCallers(stack);
  const saved = await postGraphQL<{ saveSelectionRun: { id: string } }>(
    stack.gatewayUrl,
    'mutation { saveSelectionRun(title: "abuse: admin run", input: { criteria: [{ indicator: "party_org.count" }] }) { id } }',
  );
  if (!saved.data) throw new Error(`saveSelectionRun failed: ${JSON.stringify(saved.errors)}`);
  fixtures = { adminRunId: saved.data.saveSelectionRun.id };
  rowsBefore = await allRowCounts(databases());
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

type Body = GraphQLResponseBody<Record<string, unknown>>;

/** What a case states, read off an answer in the same shape. */
function observed(abuse: AbuseCase, status: number, body: Body): Record<string, unknown> {
  const errors = body.errors ?? [];
  const codes = [...new Set(errors.map((e) => String(e.extensions?.code)))];
  const first = errors[0]?.extensions ?? {};
  const data = body.data && Object.values(body.data).some((value) => value !== null) ? 'some' : 'none';
  return {
    status,
    code: codes.length === 0 ? 'none' : codes.join(','),
    ...('field' in abuse ? { field: first.field } : {}),
    ...('limit' in abuse ? { limit: first.limit } : {}),
    ...('reason' in abuse ? { reason: first.reason } : {}),
    ...('data' in abuse ? { data } : {}),
  };
}

function stated(abuse: AbuseCase): Record<string, unknown> {
  const { status, code, field, limit, reason, data } = abuse;
  return { status, code, ...(field ? { field } : {}), ...(limit ? { limit } : {}), ...(reason ? { reason } : {}), ...(data ? { data } : {}) };
}

it('holds at least 200 cases', () => {
  expect(Object.values(TABLES).flat().length).toBeGreaterThanOrEqual(200);
});

describe.each(Object.entries(TABLES))('%s', (_category, cases) => {
  it.each(cases.map((abuse) => [abuse.name, abuse] as const))('%s', async (_name, abuse) => {
    const answer = await send(stack.gatewayUrl, abuse, callers[abuse.as ?? 'admin'], fixtures);
    let body: Body;
    try {
      body = JSON.parse(answer.text) as Body;
    } catch {
      throw new Error(`HTTP ${answer.status}, not JSON: ${answer.text.slice(0, 300)}`);
    }
    try {
      expect(observed(abuse, answer.status, body)).toEqual(stated(abuse));
      expect(leaksIn(answer.text, { serviceUrls: [stack.provinceUrl, ...stack.zoneServices.map((s) => s.url)], hidden: abuse.hidden ?? [] })).toEqual([]);
    } catch (error) {
      (error as Error).message += `\n\nanswer: ${answer.text.slice(0, 800)}`;
      throw error;
    }
  });
});

it('changed nothing stored: every table of every service database has the rows it had before the cases', async () => {
  expect(Object.keys(rowsBefore).length).toBeGreaterThan(10);
  expect(await allRowCounts(databases())).toEqual(rowsBefore);
});

describe('a zone database that fails is named, never quoted', () => {
  const yongkang = () => stack.zoneServices.find((s) => s.hostedZoneIds.includes('yongkang'))!;
  const QUERY = '{ zone(id: "yongkang") { id enterprises(first: 5) { totalCount } } }';
  const serviceUrls = () => [stack.provinceUrl, ...stack.zoneServices.map((s) => s.url)];

  async function expectZoneUnavailable(query: string, path: string[]): Promise<void> {
    const answer = await send(stack.gatewayUrl, { name: query, request: { query }, status: 200, code: 'ZONE_UNAVAILABLE' }, callers.admin, fixtures);
    const body = JSON.parse(answer.text) as Body;
    expect(answer.status).toBe(200);
    expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.zoneId, e.extensions?.service, e.path])).toEqual([
      ['ZONE_UNAVAILABLE', 'yongkang', yongkang().name, path],
    ]);
    expect(leaksIn(answer.text, { serviceUrls: serviceUrls(), hidden: ['enterprise_gone', 'does not exist', 'accept connections'] })).toEqual([]);
  }

  it('a failing statement (a table gone) is ZONE_UNAVAILABLE with zone and service, other zones still answer', async () => {
    const { dataSource } = yongkang().database;
    await dataSource.query('ALTER TABLE enterprise RENAME TO enterprise_gone');
    try {
      await expectZoneUnavailable(QUERY, ['zone', 'enterprises']);
      await expectZoneUnavailable('{ enterprise(id: "yongkang:sanfeng") { id } }', ['enterprise']);
      const other = await postGraphQL(stack.gatewayUrl, '{ zone(id: "chuzhou") { enterprises(first: 1) { totalCount } } }');
      expect(other.errors).toBeUndefined();
    } finally {
      await dataSource.query('ALTER TABLE enterprise_gone RENAME TO enterprise');
    }
  });

  it('an unreachable database (connections refused) is ZONE_UNAVAILABLE with zone and service, and the zone answers again once it is back', async () => {
    const [{ database }] = (await yongkang().database.dataSource.query('SELECT current_database() AS database')) as { database: string }[];
    const admin = stack.province.database.dataSource;
    expect(database).toMatch(/yongkang/);
    await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    try {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
      // Even the zone's own row cannot be read: the zone entity itself fails.
      await expectZoneUnavailable(QUERY, ['zone']);
    } finally {
      await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    }
    const back = await postGraphQL(stack.gatewayUrl, QUERY);
    expect(back.errors).toBeUndefined();
  });
});
