import { encodePrincipal, PRINCIPAL_HEADER, signRequest, type Principal, type SigningKeys } from '@devzone/auth';

/** The headers that sign one outgoing request body (and forward the principal it is made for). */
export type RequestSigner = (body: string) => Record<string, string>;

/**
 * Signs the requests a service makes on behalf of `principal` (the caller it is
 * answering; null for its own reads): the principal header travels with the
 * request and the signature covers it.
 */
export function createRequestSigner(keys: SigningKeys, principal: Principal | null): RequestSigner {
  const principalHeader = principal ? encodePrincipal(principal) : null;
  return (body) => ({
    ...signRequest({ keys, body, principalHeader }),
    ...(principalHeader ? { [PRINCIPAL_HEADER]: principalHeader } : {}),
  });
}
