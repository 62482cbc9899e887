import { isApiKeyShaped } from './apiKey';

/** A credential as presented in an `Authorization` header. */
export type PresentedCredential = { readonly kind: 'apiKey'; readonly key: string } | { readonly kind: 'jwt'; readonly token: string };

/**
 * Reads `Authorization: Bearer <jwt>`, `Authorization: ApiKey dzk_…` or
 * `Authorization: Bearer dzk_…` (for tools that only send bearer tokens).
 * Undefined when no credential is presented; 'malformed' for anything else.
 */
export function readAuthorizationHeader(value: string | undefined): PresentedCredential | 'malformed' | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const match = /^\s*(Bearer|ApiKey)\s+(\S+)\s*$/i.exec(value);
  if (!match) return 'malformed';
  const [, scheme, credential] = match;
  if (isApiKeyShaped(credential)) return { kind: 'apiKey', key: credential };
  if (scheme.toLowerCase() === 'apikey') return 'malformed';
  return { kind: 'jwt', token: credential };
}
