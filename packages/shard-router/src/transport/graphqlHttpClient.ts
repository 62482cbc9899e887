import type { AnswerHeaders } from './answerHeaders';
import type { HttpAnswer } from './boundedAnswer';
import { PersistedQueryHashes, PersistedQueryMemo, persistedQueryRefusalOf } from './persistedQueries';
import { sharedHttpClient, type PooledHttpClient } from './pooledHttpClient';

/** A GraphQL request as it is posted (`{ query, variables, operationName, extensions }`). */
export interface GraphQLRequestBody {
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly operationName?: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface GraphQLPost {
  readonly request: GraphQLRequestBody;
  /** Sent with every body; `content-type`, `accept` and `accept-encoding` are set here. */
  readonly headers: Readonly<Record<string, string>>;
  /** Headers over the exact body string sent (the request signature), asked for each body sent: APQ may send two. */
  readonly sign?: (body: string) => Readonly<Record<string, string>>;
  /**
   * Automatic persisted queries: once the service has been sent the full query with its
   * hash, later requests send the hash alone; PersistedQueryNotFound sends the full query again.
   * Never for a mutation (it is sent exactly once, as it is).
   */
  readonly persisted: boolean;
  readonly signal?: AbortSignal;
  readonly maxResponseBytes: number;
}

export interface GraphQLAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: AnswerHeaders;
  /** Parsed JSON when the answer says it is JSON, else the text. */
  readonly body: unknown;
}

const BASE_HEADERS = { 'content-type': 'application/json', accept: 'application/json', 'accept-encoding': 'identity' } as const;

/** Posts GraphQL requests over the pooled client, with APQ towards services that keep a persisted-query store. */
export class GraphQLHttpClient {
  private readonly hashes = new PersistedQueryHashes();
  private readonly memo = new PersistedQueryMemo();

  constructor(private readonly http: PooledHttpClient = sharedHttpClient()) {}

  /** Forgets what the service at `url` was known to hold (a service that left that address). */
  forgetService(url: string): void {
    this.memo.forgetService(url);
  }

  async post(url: string, post: GraphQLPost): Promise<GraphQLAnswer> {
    const { request } = post;
    if (!post.persisted || !this.memo.supported(url)) return this.send(url, post, bodyOf(request, undefined, true));
    const hash = this.hashes.of(request.query);
    if (this.memo.holds(url, hash)) {
      const answer = await this.send(url, post, bodyOf(request, hash, false));
      const refusal = persistedQueryRefusalOf(answer.body);
      if (refusal === undefined) return answer;
      if (refusal === 'not-found') this.memo.forget(url, hash);
      else this.memo.unsupported(url);
    }
    if (!this.memo.supported(url)) return this.send(url, post, bodyOf(request, undefined, true));
    const answer = await this.send(url, post, bodyOf(request, hash, true));
    const refusal = persistedQueryRefusalOf(answer.body);
    if (refusal === 'not-supported') {
      this.memo.unsupported(url);
      return this.send(url, post, bodyOf(request, undefined, true));
    }
    if (refusal === undefined && answer.status >= 200 && answer.status < 300) this.memo.register(url, hash);
    return answer;
  }

  private async send(url: string, post: GraphQLPost, body: string): Promise<GraphQLAnswer> {
    const headers: Record<string, string> = Object.assign({}, post.headers, BASE_HEADERS);
    if (post.sign) Object.assign(headers, post.sign(body));
    const answer = await this.http.request(url, { headers, body, maxResponseBytes: post.maxResponseBytes, ...(post.signal ? { signal: post.signal } : {}) });
    return { status: answer.status, statusText: answer.statusText, headers: answer.headers, body: parsedBody(answer) };
  }
}

/** The body string: with the query, the APQ hash, or both (the full query registers it). */
function bodyOf({ query, variables, operationName, extensions }: GraphQLRequestBody, hash: string | undefined, withQuery: boolean): string {
  const persisted = hash === undefined ? extensions : { ...extensions, persistedQuery: { version: 1, sha256Hash: hash } };
  return JSON.stringify({
    ...(withQuery ? { query } : {}),
    ...(variables !== undefined ? { variables } : {}),
    ...(operationName !== undefined ? { operationName } : {}),
    ...(persisted !== undefined ? { extensions: persisted } : {}),
  });
}

function parsedBody(answer: HttpAnswer): unknown {
  const text = answer.body.toString('utf8');
  const type = answer.headers['content-type'] ?? '';
  return type.startsWith('application/json') || type.startsWith('application/graphql-response+json') ? JSON.parse(text) : text;
}
