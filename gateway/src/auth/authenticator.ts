import type { IncomingMessage } from 'node:http';
import { CredentialRejectedError, readAuthorizationHeader, SIGNATURE_HEADER, type ApiKeyVerifier, type JwtVerifier, type Principal } from '@devzone/auth';

export interface AuthenticatorOptions {
  /** Verifies `Authorization: Bearer <jwt>`; without it tokens are refused. */
  readonly jwt?: JwtVerifier;
  /** Verifies `Authorization: ApiKey dzk_…`; without it API keys are refused. */
  readonly apiKeys?: ApiKeyVerifier;
}

export interface Authenticator {
  /**
   * The caller of a request: null when it presents no credential; throws
   * CredentialRejectedError when it presents one that does not verify.
   */
  authenticate(req: IncomingMessage): Promise<Principal | null>;
  /**
   * The caller of a request whose credential was verified a moment ago (the verifiers' caches),
   * without a promise to wait for; undefined for anything else: call `authenticate`.
   */
  known(req: IncomingMessage): Principal | undefined;
}

/**
 * Service signatures are for requests between services (gateway → subgraphs, province → zone
 * services): nothing sends one to the gateway, so a request that carries one is refused rather
 * than let a service key stand in for a client credential at the front door.
 */
const SERVICE_SIGNATURE_REFUSED =
  'a service signature is not a client credential: the gateway takes "Authorization: Bearer <token>" or "Authorization: ApiKey dzk_…"';

export function createAuthenticator({ jwt, apiKeys }: AuthenticatorOptions): Authenticator {
  return {
    known(req) {
      if (req.headers[SIGNATURE_HEADER] !== undefined) return undefined;
      const presented = readAuthorizationHeader(req.headers.authorization);
      if (presented === undefined || presented === 'malformed') return undefined;
      return presented.kind === 'jwt' ? jwt?.verified?.(presented.token) : apiKeys?.verified?.(presented.key);
    },
    async authenticate(req) {
      if (req.headers[SIGNATURE_HEADER] !== undefined) throw new CredentialRejectedError('invalid', SERVICE_SIGNATURE_REFUSED);
      const presented = readAuthorizationHeader(req.headers.authorization);
      if (presented === undefined) return null;
      if (presented === 'malformed') throw new CredentialRejectedError('invalid', 'Authorization header is neither "Bearer <token>" nor "ApiKey <key>"');
      if (presented.kind === 'jwt') {
        if (!jwt) throw new CredentialRejectedError('invalid', 'a bearer token was presented but no JWT keys are configured');
        return jwt.verify(presented.token);
      }
      if (!apiKeys) throw new CredentialRejectedError('invalid', 'an API key was presented but no API key verifier is configured');
      const principal = await apiKeys.verify(presented.key);
      if (!principal) throw new CredentialRejectedError('invalid', 'unknown, revoked or mismatched API key');
      return principal;
    },
  };
}
