import { CachingApiKeyVerifier, createJwtVerifier, type JwtSigningKey, type SigningKeys } from '@devzone/auth';
import { createAuthenticator, type Authenticator } from './authenticator';
import { ProvinceApiKeyVerifier } from './provinceApiKeyVerifier';

/** How the gateway authenticates its callers (docs/deployment.md lists the variables). */
export interface GatewayAuthOptions {
  /** AUTH_JWT_KEYS: local HS256 keys; the first signs tokens the CLI issues. */
  readonly jwtKeys?: readonly JwtSigningKey[];
  /** AUTH_JWKS_URL: public keys of an identity provider. */
  readonly jwksUrl?: string;
  /** AUTH_JWT_ISSUER. @default 'devzone' */
  readonly jwtIssuer?: string;
  /** AUTH_JWT_AUDIENCE. @default 'devzone-graph' */
  readonly jwtAudience?: string;
  /** AUTH_API_KEY_CACHE_MS: how long a key lookup is reused, i.e. the longest a revoked key keeps working. @default 30000 */
  readonly apiKeyCacheMs?: number;
  /**
   * The `Authorization` value GraphiQL sends when the page is opened from this
   * machine (npm start's development credential). Never given to other clients.
   */
  readonly devCredential?: string;
  /** Deadline of an API-key lookup at the province (`startGateway` passes its `provinceTimeoutMs`). @default 5000 */
  readonly provinceTimeoutMs?: number;
}

export const DEFAULT_JWT_ISSUER = 'devzone';
export const DEFAULT_JWT_AUDIENCE = 'devzone-graph';
export const DEFAULT_API_KEY_CACHE_MS = 30_000;

/** The gateway's authenticator: JWTs when keys are configured, API keys through the province (asked on a request signed with `signingKeys`). */
export function createGatewayAuthenticator(options: GatewayAuthOptions, provinceUrl: string, signingKeys: SigningKeys | undefined): Authenticator {
  const hasJwt = (options.jwtKeys?.length ?? 0) > 0 || !!options.jwksUrl;
  return createAuthenticator({
    ...(hasJwt
      ? {
          jwt: createJwtVerifier({
            ...(options.jwtKeys ? { keys: options.jwtKeys } : {}),
            ...(options.jwksUrl ? { jwksUrl: options.jwksUrl } : {}),
            issuer: options.jwtIssuer ?? DEFAULT_JWT_ISSUER,
            audience: options.jwtAudience ?? DEFAULT_JWT_AUDIENCE,
          }),
        }
      : {}),
    apiKeys: new CachingApiKeyVerifier(
      new ProvinceApiKeyVerifier({
        provinceUrl,
        ...(signingKeys ? { signingKeys } : {}),
        ...(options.provinceTimeoutMs !== undefined ? { timeoutMs: options.provinceTimeoutMs } : {}),
      }),
      {
        ttlMs: options.apiKeyCacheMs ?? DEFAULT_API_KEY_CACHE_MS,
      },
    ),
  });
}
