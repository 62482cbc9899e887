import type { IncomingMessage } from 'node:http';
import {
  CredentialRejectedError,
  decodePrincipal,
  readAuthorizationHeader,
  SIGNATURE_HEADER,
  verifyRequest,
  type ApiKeyVerifier,
  type JwtVerifier,
  type Principal,
  type SigningKeys,
} from '@devzone/auth';

export interface AuthenticatorOptions {
  /** Verifies `Authorization: Bearer <jwt>`; without it tokens are refused. */
  readonly jwt?: JwtVerifier;
  /** Verifies `Authorization: ApiKey dzk_…`; without it API keys are refused. */
  readonly apiKeys?: ApiKeyVerifier;
  /**
   * The deployment's service keys: a request signed with one of them (the
   * province reading zone data for its caller) is authenticated as the
   * principal the signature covers.
   */
  readonly signingKeys?: SigningKeys;
}

export interface Authenticator {
  /**
   * The caller of a request: null when it presents no credential; throws
   * CredentialRejectedError when it presents one that does not verify.
   * `rawBody` is the exact body received (needed for a service signature).
   */
  authenticate(req: IncomingMessage, rawBody?: Uint8Array): Promise<Principal | null>;
}

export function createAuthenticator({ jwt, apiKeys, signingKeys }: AuthenticatorOptions): Authenticator {
  return {
    async authenticate(req, rawBody) {
      if (req.headers[SIGNATURE_HEADER] !== undefined) return serviceCaller(req, rawBody, signingKeys);
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

function serviceCaller(req: IncomingMessage, rawBody: Uint8Array | undefined, signingKeys: SigningKeys | undefined): Principal {
  if (!signingKeys) throw new CredentialRejectedError('invalid', 'a service signature was presented but no SERVICE_SIGNING_KEYS are configured');
  const verdict = verifyRequest({ keys: signingKeys, headers: req.headers, body: rawBody ?? new Uint8Array(0) });
  if (!verdict.ok) throw new CredentialRejectedError('invalid', `service signature: ${verdict.message}`);
  const principal = decodePrincipal(verdict.principalHeader);
  if (!principal) throw new CredentialRejectedError('invalid', 'service signature verified but forwards no principal');
  return principal;
}
