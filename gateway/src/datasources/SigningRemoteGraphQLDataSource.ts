import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { encodePrincipal, PRINCIPAL_HEADER, signRequest, type Principal, type SigningKeys } from '@devzone/auth';
import { REQUEST_ID_HEADER } from '@devzone/observability';
import { GraphQLHttpClient, type AnswerHeaders, type GraphQLAnswer } from '@devzone/shard-router';
import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';
import type { GatewayContext } from '../context';
import { isReadFetch } from './isReadFetch';
import { GraphQLDataSourceRequestKind, type AbortableDataSource, type DataSourceResponse } from './types';

export interface SigningRemoteGraphQLDataSourceOptions {
  readonly url: string;
  /** Answer bodies past this size are refused while they stream in and the connection aborted. */
  readonly maxResponseBytes: number;
  /** The deployment's keys; the first one signs. Without them requests go unsigned (services refuse them). */
  readonly signingKeys?: SigningKeys;
  /** @default the process's client (one keep-alive pool per service) */
  readonly client?: GraphQLHttpClient;
  /**
   * Automatic persisted queries for reads of client operations (`GraphQLHttpClient`).
   * @default true
   */
  readonly persistedQueries?: boolean;
}

/**
 * The data source of one service (the province, each zone service): posts the fetch over
 * the pooled keep-alive client, aborted by the deadline's `signal` when one is given, forwards the caller
 * (`context.principal`, absent for the composer's SDL fetches) in `x-devzone-principal`
 * and the client request's `x-request-id`, and signs the exact body bytes sent together
 * with the principal header. Failures read as `RemoteGraphQLDataSource`'s do: a non-2xx
 * answer is a `GraphQLError` "<status>: <text>" carrying `extensions.response`, an answer
 * that is not a JSON object an `Error`, a connection failure "fetch failed" with its cause.
 */
export class SigningRemoteGraphQLDataSource implements AbortableDataSource<Partial<GatewayContext>> {
  private readonly client: GraphQLHttpClient;

  constructor(private readonly options: SigningRemoteGraphQLDataSourceOptions) {
    this.client = options.client ?? sharedGraphQLClient();
  }

  forgetAddress(): void {
    this.client.forgetService(this.options.url);
  }

  async process(options: GraphQLDataSourceProcessOptions<Partial<GatewayContext>>, signal?: AbortSignal): Promise<DataSourceResponse> {
    const { request, context } = options;
    const { url, signingKeys, maxResponseBytes, persistedQueries = true } = this.options;
    if (!request.query) throw new Error('Missing query');
    const principal = context.principal ? principalHeaderOf(context.principal) : null;
    const headers: Record<string, string> = {};
    if (principal) headers[PRINCIPAL_HEADER] = principal;
    if (typeof context.requestId === 'string') headers[REQUEST_ID_HEADER] = context.requestId;
    const incoming = options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION;
    const answer = await this.client.post(url, {
      request: {
        query: request.query,
        ...(request.variables ? { variables: request.variables } : {}),
        ...(request.operationName ? { operationName: request.operationName } : {}),
        ...(request.extensions ? { extensions: request.extensions } : {}),
      },
      headers,
      ...(signingKeys ? { sign: (body: string) => signRequest({ keys: signingKeys, body, principalHeader: principal }) } : {}),
      persisted: persistedQueries && incoming && isReadFetch(options),
      maxResponseBytes,
      ...(signal ? { signal } : {}),
    });
    if (answer.status < 200 || answer.status >= 300) throw statusError(url, answer);
    if (!isObject(answer.body)) throw new Error(`Expected JSON response body, but received: ${String(answer.body)}`);
    if (incoming) restrictCachePolicy(options.incomingRequestContext.overallCachePolicy, answer.headers);
    return answer.body as DataSourceResponse;
  }
}

let sharedClient: GraphQLHttpClient | undefined;

/** One client per process: its pools and its memo of what each service holds for APQ are shared by every data source. */
function sharedGraphQLClient(): GraphQLHttpClient {
  sharedClient ??= new GraphQLHttpClient();
  return sharedClient;
}

const principalHeaders = new WeakMap<Principal, string>();

/** `x-devzone-principal` of a request's principal, encoded once per request however many fetches it makes. */
export function principalHeaderOf(principal: Principal): string {
  let header = principalHeaders.get(principal);
  if (header === undefined) {
    header = encodePrincipal(principal);
    principalHeaders.set(principal, header);
  }
  return header;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-2xx answer as `RemoteGraphQLDataSource.errorFromResponse` builds it (retries and failure reasons read it). */
function statusError(url: string, answer: GraphQLAnswer): GraphQLError {
  const extensions: GraphQLErrorExtensions = {
    response: { url, status: answer.status, statusText: answer.statusText, body: answer.body },
    ...(answer.status === 401 ? { code: 'UNAUTHENTICATED' } : answer.status === 403 ? { code: 'FORBIDDEN' } : {}),
  };
  return new GraphQLError(`${answer.status}: ${answer.statusText}`, { extensions });
}

interface CachePolicyLike {
  restrict(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void;
}

/**
 * As `RemoteGraphQLDataSource` does: the operation's cache policy is restricted to the
 * subgraph's `Cache-Control` (no `max-age`: not cacheable).
 */
function restrictCachePolicy(policy: unknown, headers: AnswerHeaders): void {
  if (!policy || typeof (policy as Partial<CachePolicyLike>).restrict !== 'function') return;
  const directives = (headers['cache-control'] ?? '').toLowerCase();
  const maxAge = /(?:^|[\s,])max-age=(\d+)/.exec(directives)?.[1];
  const scope = /(?:^|[\s,])private(?:$|[\s,])/.test(directives) ? 'PRIVATE' : /(?:^|[\s,])public(?:$|[\s,])/.test(directives) ? 'PUBLIC' : undefined;
  (policy as CachePolicyLike).restrict({ maxAge: maxAge === undefined ? 0 : Number(maxAge), ...(scope ? { scope } : {}) });
}
