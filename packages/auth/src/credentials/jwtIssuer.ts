import type { Principal } from '../principal/principal';
import type { JwtSigningKey } from './jwtKeys';
import { loadJose } from './loadJose';
import { claimsForGrant } from './tokenClaims';

/** The issuer tokens carry when AUTH_JWT_ISSUER is not set (the CLI issues, the gateway expects). */
export const DEFAULT_JWT_ISSUER = 'devzone';
/** The audience tokens carry when AUTH_JWT_AUDIENCE is not set (the CLI issues, the gateway expects). */
export const DEFAULT_JWT_AUDIENCE = 'devzone-graph';

export interface IssueTokenOptions {
  /** Signs with this key (the first of AUTH_JWT_KEYS). */
  readonly key: JwtSigningKey;
  readonly issuer: string;
  readonly audience: string;
  /** The token's `sub`. */
  readonly subject: string;
  readonly grant: Omit<Principal, 'subject'>;
  /** Lifetime in seconds. */
  readonly ttlSeconds: number;
  /** @default now */
  readonly issuedAt?: Date;
}

/** A signed HS256 token for a grant, with the claims the verifier maps back to it. */
export async function issueToken(options: IssueTokenOptions): Promise<string> {
  const { SignJWT } = await loadJose();
  const issuedAt = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  return new SignJWT(claimsForGrant(options.grant))
    .setProtectedHeader({ alg: 'HS256', kid: options.key.kid, typ: 'JWT' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(options.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + options.ttlSeconds)
    .sign(options.key.secret);
}
