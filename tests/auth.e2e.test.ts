import { randomBytes } from 'node:crypto';
import { issueToken, newJwtKeyEntry, parseJwtKeys } from '@devzone/auth';
import { runAuthCli } from '@devzone/province';
import type { RunningStack } from '@devzone/stack';
import { postGraphQL, startTestStack } from '@devzone/testkit';

const JWT_KEYS = parseJwtKeys(newJwtKeyEntry('test-1', randomBytes));
const ISSUE = `mutation Issue($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key apiKey { keyId roles provinces createdBy revokedAt } } }`;
const REVOKE = `mutation Revoke($keyId: ID!) { revokeApiKey(keyId: $keyId) { keyId revokedAt revokedBy } }`;
const PROVINCES = '{ provinces { code } }';

let stack: RunningStack;

beforeAll(async () => {
  // Revocation is seen at once: no API-key cache in this stack.
  stack = await startTestStack({ auth: { apiKeyCacheMs: 0, jwtKeys: JWT_KEYS } });
});
afterAll(async () => {
  await stack?.stop();
});

const apiKey = (key: string) => ({ authorization: `ApiKey ${key}` });
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);

async function raw(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(new URL(path, stack.gatewayUrl), init);
}

async function issue(input: Record<string, unknown>, headers?: Record<string, string>) {
  return postGraphQL<{ issueApiKey: { key: string; apiKey: { keyId: string; roles: string[]; provinces: string[] | null; createdBy: string } } | null }>(
    stack.gatewayUrl,
    ISSUE,
    { input },
    headers,
  );
}

describe('anonymous requests', () => {
  it('get 401 UNAUTHENTICATED on /graphql, POST and GET, saying how to authenticate', async () => {
    const post = await raw('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PROVINCES }) });
    expect(post.status).toBe(401);
    expect(post.headers.get('www-authenticate')).toMatch(/Bearer/);
    const body = (await post.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'missing', requestId: post.headers.get('x-request-id') });
    expect(body.errors[0].message).toMatch(/Authorization: ApiKey/);
    expect(body.errors[0].message).toMatch(/dev-credential/);

    const get = await raw(`/graphql?query=${encodeURIComponent(PROVINCES)}`, { headers: { 'content-type': 'application/json', accept: 'application/json' } });
    expect(get.status).toBe(401);
    expect(codes((await get.json()) as { errors?: { extensions?: Record<string, unknown> }[] })).toEqual(['UNAUTHENTICATED']);
  });

  it('are answered on /health and the GraphiQL page with its assets', async () => {
    expect((await raw('/health')).status).toBe(200);
    const page = await raw('/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('GraphiQL');
    const browserGet = await raw('/graphql', { headers: { accept: 'text/html' } });
    expect(browserGet.status).toBe(200);
    expect((await raw('/graphiql/assets/graphiql.min.js')).status).toBe(200);
  });

  it('a wrong, malformed, unknown or expired credential is 401, saying only "invalid" or "expired"', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ authorization: 'Basic dXNlcjpwYXNz' }, 'invalid'],
      [{ authorization: 'Bearer not-a-token' }, 'invalid'],
      [apiKey(`dzk_${'0'.repeat(16)}_${'0'.repeat(64)}`), 'invalid'],
      [apiKey('dzk_short'), 'invalid'],
      [{ authorization: stack.credential.slice(0, -1) + (stack.credential.endsWith('0') ? '1' : '0') }, 'invalid'],
    ];
    const expired = await issueToken({
      key: JWT_KEYS[0],
      issuer: 'devzone',
      audience: 'devzone-graph',
      subject: 'late',
      grant: { roles: ['ANALYST'], provinces: ['anhui'], zoneIds: [] },
      ttlSeconds: 60,
      issuedAt: new Date(Date.now() - 3_600_000),
    });
    cases.push([{ authorization: `Bearer ${expired}` }, 'expired']);
    for (const [headers, reason] of cases) {
      const response = await raw('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: PROVINCES }),
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string; reason: string } }[] };
      expect(body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason, requestId: response.headers.get('x-request-id') });
      expect(body.errors[0].message).not.toMatch(/signature|hash|kid|audience|issuer/i);
    }
  });
});

describe('API keys', () => {
  it('an administrator issues a key that works, shown once, listed without its secret; revoking it stops it', async () => {
    const issued = await issue({ label: 'Anhui analyst', roles: ['ANALYST'], provinces: ['安徽'] });
    expect(issued.errors).toBeUndefined();
    const { key, apiKey: stored } = issued.data!.issueApiKey!;
    expect(key).toMatch(/^dzk_[0-9a-f]{16}_[0-9a-f]{64}$/);
    expect(stored).toMatchObject({ roles: ['ANALYST'], provinces: ['anhui'], createdBy: expect.stringMatching(/^key:/) });

    const asAnalyst = await postGraphQL<{ provinces: { code: string }[] }>(stack.gatewayUrl, PROVINCES, {}, apiKey(key));
    expect(asAnalyst.errors).toBeUndefined();
    expect(asAnalyst.data?.provinces.length).toBeGreaterThan(0);
    // Tools that only send bearer tokens may send the key as one.
    expect((await postGraphQL(stack.gatewayUrl, PROVINCES, {}, { authorization: `Bearer ${key}` })).errors).toBeUndefined();

    const listed = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: stack.credential },
      body: JSON.stringify({ query: '{ apiKeys { keyId label roles provinces revokedAt } }' }),
    });
    const listedText = await listed.text();
    expect(listedText).toContain(stored.keyId);
    expect(listedText).not.toContain(key.slice(21));

    const revoked = await postGraphQL<{ revokeApiKey: { keyId: string; revokedAt: string | null; revokedBy: string } }>(stack.gatewayUrl, REVOKE, {
      keyId: stored.keyId,
    });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.revokeApiKey.revokedAt).toEqual(expect.any(String));
    const after = await raw('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...apiKey(key) },
      body: JSON.stringify({ query: PROVINCES }),
    });
    expect(after.status).toBe(401);
  });

  it('an analyst may not issue, list or revoke keys (FORBIDDEN)', async () => {
    const { key, apiKey: stored } = (await issue({ label: 'national analyst', roles: ['ANALYST'], provinces: ['ALL'] })).data!.issueApiKey!;
    const asAnalyst = apiKey(key);
    const tryIssue = await issue({ label: 'escalation', roles: ['ADMIN'], provinces: ['ALL'] }, asAnalyst);
    expect(tryIssue.data?.issueApiKey ?? null).toBeNull();
    expect(codes(tryIssue)).toEqual(['FORBIDDEN']);
    expect(codes(await postGraphQL(stack.gatewayUrl, '{ apiKeys { keyId } }', {}, asAnalyst))).toEqual(['FORBIDDEN']);
    expect(codes(await postGraphQL(stack.gatewayUrl, REVOKE, { keyId: stored.keyId }, asAnalyst))).toEqual(['FORBIDDEN']);
  });

  it('refuses unknown provinces, zones and a zone system without zones, naming the field', async () => {
    const unknownProvince = await issue({ label: 'x', roles: ['ANALYST'], provinces: ['atlantis'] });
    expect(codes(unknownProvince)).toEqual(['BAD_USER_INPUT']);
    expect(unknownProvince.errors?.[0].extensions?.field).toBe('input.provinces');
    const noZones = await issue({ label: 'x', roles: ['ZONE_SYSTEM'], provinces: ['anhui'] });
    expect(noZones.errors?.[0].extensions?.field).toBe('input.zoneIds');
    const unknownZone = await issue({ label: 'x', roles: ['ZONE_SYSTEM'], provinces: ['anhui'], zoneIds: ['nowhere'] });
    expect(unknownZone.errors?.[0].extensions?.field).toBe('input.zoneIds');
    const bidi = await issue({ label: 'evil\u202etxt', roles: ['ANALYST'], provinces: ['anhui'] });
    expect(bidi.errors?.[0].extensions?.field).toBe('input.label');
  });

  it("the gateway's key lookup is not reachable through the gateway", async () => {
    const answer = await postGraphQL(stack.gatewayUrl, '{ apiKeyGrant(key: "x") { subject } }');
    expect(codes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('pnpm auth (CLI)', () => {
  const databaseUrl = () => (stack.province.database.dataSource.options as { url?: string }).url ?? '';

  async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAuthCli(
      argv,
      { PROVINCE_DATABASE_URL: databaseUrl(), AUTH_JWT_KEYS: `test-1:${Buffer.from(JWT_KEYS[0].secret).toString('base64')}` },
      {
        out: (line) => out.push(line),
        err: (line) => err.push(line),
      },
    );
    return { code, out, err };
  }

  it('issues a key that works at the gateway, lists it, revokes it', async () => {
    const issued = await cli('issue', '--label', 'BI dashboard', '--roles', 'BI_READER', '--provinces', 'anhui,zhejiang');
    expect(issued.code).toBe(0);
    const key = issued.out.find((line) => /^dzk_/.test(line))!;
    expect(key).toMatch(/^dzk_[0-9a-f]{16}_[0-9a-f]{64}$/);
    expect((await postGraphQL(stack.gatewayUrl, PROVINCES, {}, apiKey(key))).errors).toBeUndefined();

    const keyId = key.slice(4, 20);
    const listed = await cli('list');
    expect(listed.out.join('\n')).toContain(keyId);
    expect(listed.out.join('\n')).not.toContain(key.slice(21));

    expect((await cli('revoke', keyId)).code).toBe(0);
    const after = await raw('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...apiKey(key) },
      body: JSON.stringify({ query: PROVINCES }),
    });
    expect(after.status).toBe(401);
    expect((await cli('revoke', 'ffffffffffffffff')).code).toBe(1);
  });

  it('refuses an unknown role with a usage line, and signs tokens the gateway accepts', async () => {
    const bad = await cli('issue', '--label', 'x', '--roles', 'ROOT', '--provinces', 'ALL');
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toMatch(/roles/);
    const token = await cli('token', '--subject', 'wang.fang', '--roles', 'ANALYST', '--provinces', 'anhui', '--ttl', '600');
    expect(token.code).toBe(0);
    const answer = await postGraphQL(stack.gatewayUrl, PROVINCES, {}, { authorization: `Bearer ${token.out[0]}` });
    expect(answer.errors).toBeUndefined();
  });
});
