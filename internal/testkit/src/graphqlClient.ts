export interface GraphQLResponseBody<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** The `Authorization` value sent to a gateway by default, by its origin (startTestStack registers its admin credential). */
const defaultCredentials = new Map<string, string>();

export function useDefaultCredential(gatewayUrl: string, authorization: string): void {
  defaultCredentials.set(new URL(gatewayUrl).origin, authorization);
}

export function forgetDefaultCredential(gatewayUrl: string): void {
  defaultCredentials.delete(new URL(gatewayUrl).origin);
}

/**
 * The headers of a request to `url`: the registered credential unless `headers`
 * names an `authorization` of its own; `authorization: ''` sends none (anonymous).
 */
export function withDefaultCredential(url: string, headers: Record<string, string> = {}): Record<string, string> {
  const named = Object.keys(headers).find((name) => name.toLowerCase() === 'authorization');
  if (named === undefined) {
    const credential = defaultCredentials.get(new URL(url).origin);
    return credential ? { authorization: credential, ...headers } : headers;
  }
  if (headers[named] !== '') return headers;
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name !== named));
}

/** POSTs one GraphQL operation over HTTP, as any client would, with the stack's admin credential unless `headers` says otherwise. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponseBody<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...withDefaultCredential(url, headers) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLResponseBody<T>;
  } catch {
    throw new Error(`non-JSON answer (HTTP ${response.status}) from ${url}: ${text.slice(0, 200)}`);
  }
}
