/**
 * Why a presented credential was refused, as much as a client is told: a token
 * past its expiry is "expired", anything else (bad signature, unknown key,
 * wrong issuer or audience, malformed claims, unknown or revoked API key) is
 * "invalid". The detail goes to the log, never to the client.
 */
export type CredentialFailure = 'invalid' | 'expired';

export class CredentialRejectedError extends Error {
  constructor(
    readonly failure: CredentialFailure,
    /** For the log only. */
    readonly detail: string,
  ) {
    super(`credential ${failure}: ${detail}`);
    this.name = 'CredentialRejectedError';
  }
}
