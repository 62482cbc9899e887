import { createHmac, randomBytes } from 'node:crypto';
import { issueToken, newJwtKeyEntry, parseJwtKeys, type JwtSigningKey, type Principal } from '@devzone/auth';
import type { RunningStack } from '@devzone/stack';
import { postGraphQL } from '@devzone/testkit';
import type { CallerName } from './abuseCase';

export type Headers = Record<string, string>;

/** The suite's JWT key: the stack's gateway verifies with it. */
export const JWT_KEYS = parseJwtKeys(newJwtKeyEntry('abuse-1', randomBytes));
const ISSUER = 'devzone';
const AUDIENCE = 'devzone-graph';
const ANHUI_ANALYST: Omit<Principal, 'subject'> = { roles: ['ANALYST'], provinces: ['anhui'], zoneIds: [] };

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token signed by hand, for claims `issueToken` would never write. */
function handSigned(key: JwtSigningKey, claims: Record<string, unknown>): string {
  const signingInput = `${base64url({ alg: 'HS256', kid: key.kid, typ: 'JWT' })}.${base64url(claims)}`;
  return `${signingInput}.${createHmac('sha256', key.secret).update(signingInput).digest('base64url')}`;
}

async function issueApiKey(stack: RunningStack, input: Record<string, unknown>): Promise<{ key: string; keyId: string }> {
  const body = await postGraphQL<{ issueApiKey: { key: string; apiKey: { keyId: string } } }>(
    stack.gatewayUrl,
    `mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key apiKey { keyId } } }`,
    { input },
  );
  if (!body.data) throw new Error(`issueApiKey failed: ${JSON.stringify(body.errors)}`);
  return { key: body.data.issueApiKey.key, keyId: body.data.issueApiKey.apiKey.keyId };
}

const token = (key: JwtSigningKey, overrides: Partial<Parameters<typeof issueToken>[0]> = {}) =>
  issueToken({ key, issuer: ISSUER, audience: AUDIENCE, subject: 'abuse.analyst', grant: ANHUI_ANALYST, ttlSeconds: 600, ...overrides });

/**
 * The `Authorization` headers of every caller the suite uses, issued once by the
 * stack's administrator (keys and a revocation are written here, before rows are counted).
 */
export async function issueCallers(stack: RunningStack): Promise<Record<CallerName, Headers>> {
  const apiKey = (key: string): Headers => ({ authorization: `ApiKey ${key}` });
  const bearer = (value: string): Headers => ({ authorization: `Bearer ${value}` });
  const analyst = await issueApiKey(stack, { label: 'abuse: Anhui analyst', roles: ['ANALYST'], provinces: ['anhui'] });
  const bi = await issueApiKey(stack, { label: 'abuse: Anhui BI', roles: ['BI_READER'], provinces: ['anhui'] });
  const system = await issueApiKey(stack, { label: 'abuse: Yongkang system', roles: ['ZONE_SYSTEM'], provinces: [], zoneIds: ['yongkang'] });
  const revoked = await issueApiKey(stack, { label: 'abuse: revoked', roles: ['ANALYST'], provinces: ['ALL'] });
  const revocation = await postGraphQL(stack.gatewayUrl, `mutation ($id: ID!) { revokeApiKey(keyId: $id) { revokedAt } }`, { id: revoked.keyId });
  if (revocation.errors) throw new Error(`revokeApiKey failed: ${JSON.stringify(revocation.errors)}`);
  const [key] = JWT_KEYS;
  const [stranger] = parseJwtKeys(newJwtKeyEntry('abuse-2', randomBytes));
  const [sameKidOtherSecret] = parseJwtKeys(newJwtKeyEntry(key.kid, randomBytes));
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'x', roles: ['ADMIN'], iss: ISSUER, aud: AUDIENCE, exp: now + 600 })}.`;
  return {
    admin: {},
    anonymous: { authorization: '' },
    anhuiAnalyst: apiKey(analyst.key),
    anhuiAnalystJwt: bearer(await token(key)),
    biReader: apiKey(bi.key),
    yongkangSystem: apiKey(system.key),
    revokedKey: apiKey(revoked.key),
    expiredJwt: bearer(await token(key, { issuedAt: new Date(Date.now() - 3_600_000), ttlSeconds: 60 })),
    wrongAudienceJwt: bearer(await token(key, { audience: 'elsewhere' })),
    wrongIssuerJwt: bearer(await token(key, { issuer: 'someone-else' })),
    unknownKidJwt: bearer(await token(stranger)),
    otherSecretJwt: bearer(await token(sameKidOtherSecret)),
    unsignedJwt: bearer(unsigned),
    unknownRoleJwt: bearer(handSigned(key, { sub: 'x', roles: ['ROOT'], provinces: 'ALL', iss: ISSUER, aud: AUDIENCE, exp: now + 600 })),
  };
}
