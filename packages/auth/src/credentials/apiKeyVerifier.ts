import type { Principal } from '../principal/principal';

/**
 * Answers which principal an API key grants, or null when the key is unknown,
 * revoked or does not match. Throws only when it cannot tell (the store is
 * unreachable); a caller must then refuse the request, never let it through.
 */
export interface ApiKeyVerifier {
  verify(key: string): Promise<Principal | null>;
  /** The key's principal when a verification of it is remembered and still holds (no promise to wait for); else undefined: call `verify`. */
  verified?(key: string): Principal | undefined;
}
