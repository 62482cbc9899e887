import { REQUEST_ID_HEADER } from '../http/requestId';
import type { GraphQLAnswerError } from './viewDefinition';
import type { StoredOperation } from './storedOperations';

/** What the gateway said: a GraphQL answer to read, or a refusal (401, 429, 400 LIMIT_EXCEEDED ...) to pass on as it is. */
export type GatewayOutcome =
  | { readonly kind: 'answer'; readonly data: Readonly<Record<string, unknown>> | null; readonly errors: readonly GraphQLAnswerError[] }
  | { readonly kind: 'refused'; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string };

export interface RunOptions {
  readonly graphqlUrl: string;
  readonly operation: StoredOperation;
  readonly variables: Readonly<Record<string, unknown>>;
  /** The caller's `Authorization` header, forwarded as it is: credentials, scope and limits apply exactly as for GraphQL. */
  readonly authorization: string | undefined;
  readonly requestId: string;
  readonly signal: AbortSignal;
}

/** Headers of a refusal worth passing on to the caller. */
const PASSED_ON_HEADERS = ['content-type', 'retry-after', 'www-authenticate'];

/** Runs a view's operation through the gateway's own GraphQL endpoint, as the caller. */
export async function runOperation({ graphqlUrl, operation, variables, authorization, requestId, signal }: RunOptions): Promise<GatewayOutcome> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      [REQUEST_ID_HEADER]: requestId,
      ...(authorization !== undefined ? { authorization } : {}),
    },
    body: JSON.stringify({ query: operation.text, operationName: operation.operationName, variables }),
    signal,
  });
  const body = await response.text();
  if (response.status !== 200) {
    const headers = Object.fromEntries(PASSED_ON_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name) ?? '']] : [])));
    return { kind: 'refused', status: response.status, headers, body };
  }
  const answer = JSON.parse(body) as { data?: Record<string, unknown> | null; errors?: GraphQLAnswerError[] };
  return { kind: 'answer', data: answer.data ?? null, errors: answer.errors ?? [] };
}
