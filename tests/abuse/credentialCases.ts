import type { AbuseCase, CallerName } from './abuseCase';

const QUERY = { query: '{ provinces { code } }' };
const refused = (name: string, as: CallerName, reason: 'missing' | 'invalid' | 'expired', headers?: Record<string, string>): AbuseCase => ({
  name,
  as,
  ...(headers ? { headers } : {}),
  request: QUERY,
  status: 401,
  code: 'UNAUTHENTICATED',
  reason,
  data: 'none',
});
const header = (authorization: string): Record<string, string> => ({ authorization });

/** Wrong, expired, revoked and malformed credentials, and headers that pretend to be the gateway. */
export const CREDENTIAL_CASES: readonly AbuseCase[] = [
  refused('no credential', 'anonymous', 'missing'),
  refused('revoked API key', 'revokedKey', 'invalid'),
  refused('expired token', 'expiredJwt', 'expired'),
  refused('token for another audience', 'wrongAudienceJwt', 'invalid'),
  refused('token from another issuer', 'wrongIssuerJwt', 'invalid'),
  refused('token signed with an unknown kid', 'unknownKidJwt', 'invalid'),
  refused('token signed with another secret under a known kid', 'otherSecretJwt', 'invalid'),
  refused('unsigned token (alg none) claiming ADMIN', 'unsignedJwt', 'invalid'),
  refused('token with an unknown role', 'unknownRoleJwt', 'invalid'),
  refused('Basic credentials', 'admin', 'invalid', header('Basic YWRtaW46YWRtaW4=')),
  refused('Bearer garbage', 'admin', 'invalid', header('Bearer not-a-token')),
  refused('Bearer with three empty parts', 'admin', 'invalid', header('Bearer ..')),
  refused('API key of the wrong shape', 'admin', 'invalid', header('ApiKey dzk_short')),
  refused('API key nobody issued', 'admin', 'invalid', header(`ApiKey dzk_${'0'.repeat(16)}_${'0'.repeat(64)}`)),
  refused('API key with upper-case hex', 'admin', 'invalid', header(`ApiKey dzk_${'A'.repeat(16)}_${'B'.repeat(64)}`)),
  refused('API key with SQL in it', 'admin', 'invalid', header("ApiKey dzk_' OR 1=1 --")),
  refused('scheme without a value', 'admin', 'invalid', header('ApiKey')),
  refused('unknown scheme', 'admin', 'invalid', header('Digest username="admin"')),
  refused('8 KB credential', 'admin', 'invalid', header(`Bearer ${'a'.repeat(8 * 1024)}`)),
  refused('forged gateway signature headers, no credential', 'anonymous', 'invalid', {
    'x-devzone-key-id': 'stack',
    'x-devzone-timestamp': String(Math.floor(Date.now() / 1000)),
    'x-devzone-signature': `v1=${'0'.repeat(64)}`,
  }),
  refused('forged principal header, no credential', 'anonymous', 'missing', {
    'x-devzone-principal': Buffer.from(JSON.stringify({ subject: 'root', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] })).toString('base64url'),
  }),
  {
    name: 'a BI reader forging a principal header claiming ADMIN stays a BI reader',
    as: 'biReader',
    headers: { 'x-devzone-principal': Buffer.from(JSON.stringify({ subject: 'root', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] })).toString('base64url') },
    request: { query: '{ apiKeys { keyId label } }' },
    status: 200,
    code: 'FORBIDDEN',
    data: 'none',
    hidden: ['abuse: '],
  },
  {
    name: 'anonymous GET',
    as: 'anonymous',
    request: { method: 'GET', search: `?query=${encodeURIComponent('{ provinces { code } }')}`, headers: { 'apollo-require-preflight': 'true' } },
    status: 401,
    code: 'UNAUTHENTICATED',
    reason: 'missing',
    data: 'none',
  },
  {
    name: 'anonymous mutation',
    as: 'anonymous',
    request: { query: 'mutation { issueApiKey(input: { label: "x", roles: [ADMIN], provinces: ["ALL"] }) { key } }' },
    status: 401,
    code: 'UNAUTHENTICATED',
    reason: 'missing',
    data: 'none',
  },
  {
    name: 'anonymous introspection',
    as: 'anonymous',
    request: { query: '{ __schema { types { name } } }' },
    status: 401,
    code: 'UNAUTHENTICATED',
    reason: 'missing',
    data: 'none',
  },
];
