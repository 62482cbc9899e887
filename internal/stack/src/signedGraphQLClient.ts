import { encodePrincipal, PRINCIPAL_HEADER, signRequest, type Principal, type SigningKeys } from '@devzone/auth';

export interface SignedGraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface SignedPostOptions {
  /** Forwarded in `x-devzone-principal`, covered by the signature. */
  readonly principal?: Principal;
}

/**
 * POSTs one GraphQL operation straight to a zone or province service, signed
 * as the gateway signs it: what tests and benchmarks use to reach a service
 * without the gateway.
 */
export async function postSignedGraphQL<T = Record<string, unknown>>(
  url: string,
  keys: SigningKeys,
  query: string,
  variables: Record<string, unknown> = {},
  { principal }: SignedPostOptions = {},
): Promise<SignedGraphQLBody<T>> {
  const body = JSON.stringify({ query, variables });
  const principalHeader = principal ? encodePrincipal(principal) : null;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signRequest({ keys, body, principalHeader }),
      ...(principalHeader ? { [PRINCIPAL_HEADER]: principalHeader } : {}),
    },
    body,
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as SignedGraphQLBody<T>;
  } catch {
    throw new Error(`non-JSON answer (HTTP ${response.status}) from ${url}: ${text.slice(0, 200)}`);
  }
}
