import { createHmac, randomBytes } from 'node:crypto';

/** A signing key for the gateway's AUTH_JWT_KEYS and an administrator token signed with it. */
export type TokenRole = 'ADMIN' | 'ANALYST' | 'ZONE_SYSTEM' | 'BI_READER';

export interface AdminToken {
  /** The AUTH_JWT_KEYS value: `<kid>:<base64url secret>`. */
  readonly jwtKeys: string;
  /** The `Authorization` header value. */
  readonly authorization: string;
  /** The `Authorization` value of a token of the same key for another subject and roles (national: provinces ALL). */
  tokenFor(subject: string, roles?: readonly TokenRole[]): string;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * HS256 tokens with the claims the gateway verifies (iss `devzone`, aud
 * `devzone-graph`, roles, provinces). Signed here with node:crypto because the
 * testkit runs its processes from their build and does not depend on @devzone/auth.
 */
export function createAdminToken(ttlSeconds = 3600): AdminToken {
  const kid = 'faults';
  const secret = randomBytes(32);
  const sign = (subject: string, roles: readonly TokenRole[] = ['ADMIN', 'ANALYST']) => {
    const issuedAt = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'HS256', kid, typ: 'JWT' }));
    const claims = {
      iss: 'devzone',
      aud: 'devzone-graph',
      sub: subject,
      iat: issuedAt,
      exp: issuedAt + ttlSeconds,
      roles,
      provinces: 'ALL',
    };
    const payload = base64url(JSON.stringify(claims));
    const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    return `Bearer ${header}.${payload}.${signature}`;
  };
  return { jwtKeys: `${kid}:${secret.toString('base64url')}`, authorization: sign('process-stack'), tokenFor: (subject, roles) => sign(subject, roles) };
}
