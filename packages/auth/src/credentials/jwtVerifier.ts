import { hash } from 'node:crypto';
import type { Principal } from '../principal/principal';
import { CredentialRejectedError } from './credentialError';
import type { JwtSigningKey } from './jwtKeys';
import { loadJose, type JoseModule } from './loadJose';
import { principalFromClaims } from './tokenClaims';

export interface JwtVerifierOptions {
  /** Local HS256 keys (AUTH_JWT_KEYS); a token's `kid` picks one. */
  readonly keys?: readonly JwtSigningKey[];
  /** A JWKS document to take public keys from (AUTH_JWKS_URL): EdDSA, ES256 or RS256. */
  readonly jwksUrl?: string;
  /** Required `iss`. */
  readonly issuer: string;
  /** Required `aud`. */
  readonly audience: string;
  /** @default 30 */
  readonly clockToleranceSeconds?: number;
  /**
   * How long a verified token's principal is reused without verifying it again (never past
   * its `exp`): the longest a JWKS key withdrawn from the document keeps its tokens working.
   * 0 verifies every request.
   * @default 60000
   */
  readonly verifiedCacheMs?: number;
  /** @default 10000 */
  readonly verifiedCacheEntries?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

export interface JwtVerifier {
  /** The token's principal; throws CredentialRejectedError ("expired" or "invalid") otherwise. */
  verify(token: string): Promise<Principal>;
  /** The token's principal when a verification of it is remembered and still holds (no promise to wait for); else undefined: call `verify`. */
  verified?(token: string): Principal | undefined;
}

const ASYMMETRIC_ALGORITHMS = ['EdDSA', 'ES256', 'RS256'];

type KeyResolver = Parameters<JoseModule['jwtVerify']>[1];

function localKeyResolver(keys: readonly JwtSigningKey[]): KeyResolver {
  return (header: { kid?: string }) => {
    const key = keys.find((candidate) => candidate.kid === header.kid);
    if (!key) throw new CredentialRejectedError('invalid', `no signing key "${String(header.kid)}"`);
    return key.secret;
  };
}

/**
 * Verifies signed tokens with jose: signature by a configured key (local or
 * JWKS), `iss`, `aud`, `exp` required, then the claims mapped to a principal.
 */
export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  const verifier = createUncachedJwtVerifier(options);
  const cacheMs = options.verifiedCacheMs ?? 60_000;
  if (cacheMs <= 0) return { verify: async (token) => (await verifier.verify(token)).principal };
  const now = options.now ?? Date.now;
  const maxEntries = options.verifiedCacheEntries ?? 10_000;
  const verified = new Map<string, { readonly principal: Principal; readonly expiresAt: number }>();
  // Keyed by a digest: the cache never holds a token.
  const idOf = (token: string) => hash('sha256', token, 'base64url');
  const remembered = (id: string) => {
    const cached = verified.get(id);
    return cached && cached.expiresAt > now() ? cached.principal : undefined;
  };
  return {
    verified: (token) => remembered(idOf(token)),
    async verify(token) {
      const id = idOf(token);
      const cached = remembered(id);
      if (cached) return cached;
      verified.delete(id);
      const { principal, expiresAtMs } = await verifier.verify(token);
      // A Map iterates in insertion order: the first key is the oldest entry.
      while (verified.size >= maxEntries) {
        const oldest = verified.keys().next();
        if (oldest.done) break;
        verified.delete(oldest.value);
      }
      verified.set(id, { principal, expiresAt: Math.min(expiresAtMs, now() + cacheMs) });
      return principal;
    },
  };
}

/** Verifies every call; answers the principal and when the token expires (`exp`, in ms). */
function createUncachedJwtVerifier(options: JwtVerifierOptions): { verify(token: string): Promise<{ principal: Principal; expiresAtMs: number }> } {
  const local = options.keys && options.keys.length > 0 ? options.keys : undefined;
  if (!local && !options.jwksUrl) throw new Error('a JWT verifier needs AUTH_JWT_KEYS or AUTH_JWKS_URL');
  let remote: KeyResolver | undefined;
  const resolverFor = async (jose: JoseModule, token: string): Promise<{ key: KeyResolver; algorithms: string[] }> => {
    const { alg } = jose.decodeProtectedHeader(token);
    if (local && (alg === 'HS256' || !options.jwksUrl)) return { key: localKeyResolver(local), algorithms: ['HS256'] };
    if (!options.jwksUrl) throw new CredentialRejectedError('invalid', `algorithm ${String(alg)} not accepted`);
    remote ??= jose.createRemoteJWKSet(new URL(options.jwksUrl)) as KeyResolver;
    return { key: remote, algorithms: ASYMMETRIC_ALGORITHMS };
  };
  return {
    async verify(token) {
      const jose = await loadJose();
      try {
        const { key, algorithms } = await resolverFor(jose, token);
        const { payload } = await jose.jwtVerify(token, key, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms,
          requiredClaims: ['exp', 'sub'],
          clockTolerance: options.clockToleranceSeconds ?? 30,
        });
        const principal = principalFromClaims(payload, options.issuer);
        if (!principal) throw new CredentialRejectedError('invalid', 'claims do not describe a principal (roles, provinces, zones)');
        // `exp` is a required claim: jwtVerify refused the token without one.
        return { principal, expiresAtMs: (payload.exp ?? 0) * 1000 };
      } catch (error) {
        if (error instanceof CredentialRejectedError) throw error;
        if (error instanceof jose.errors.JWTExpired) throw new CredentialRejectedError('expired', 'token expired');
        throw new CredentialRejectedError('invalid', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
    },
  };
}
