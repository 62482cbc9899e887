import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { LRUCache } from 'lru-cache';
import { searchOf } from './urlParts';

/** A client's operation as the fast paths key it (as the answer cache plugin does): a query, and at most an operation name and variables. */
export interface PlainOperation {
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
}

const ALLOWED_FIELDS = new Set(['query', 'operationName', 'variables']);

/**
 * The operation of a parsed JSON body, if it is plain: anything else (extensions, a batch, a
 * malformed field) goes through Apollo Server, which keys or refuses it itself.
 */
export function plainOperationOf(body: unknown): PlainOperation | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const fields = body as Record<string, unknown>;
  for (const name of Object.keys(fields)) if (!ALLOWED_FIELDS.has(name)) return undefined;
  const { query, operationName, variables } = fields;
  if (typeof query !== 'string' || query === '') return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  return {
    query,
    operationName: operationName ?? undefined,
    variables: (variables ?? undefined) as Readonly<Record<string, unknown>> | undefined,
  };
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The hash of Apollo's automatic persisted query extension, when the extensions are exactly `{ persistedQuery: { version: 1, sha256Hash } }`. */
export function persistedQueryHashOf(extensions: unknown): string | undefined {
  if (typeof extensions !== 'object' || extensions === null || Array.isArray(extensions)) return undefined;
  const keys = Object.keys(extensions);
  if (keys.length !== 1 || keys[0] !== 'persistedQuery') return undefined;
  const persisted: unknown = (extensions as { persistedQuery: unknown }).persistedQuery;
  if (typeof persisted !== 'object' || persisted === null || Object.keys(persisted).length !== 2) return undefined;
  const { version, sha256Hash } = persisted as { version?: unknown; sha256Hash?: unknown };
  return version === 1 && typeof sha256Hash === 'string' && SHA256_HEX.test(sha256Hash) ? sha256Hash : undefined;
}

/** A client's operation and how it was sent: the fast paths learn and serve GET and POST answers apart (Apollo Server may head them differently). */
export interface ClientOperation extends PlainOperation {
  readonly method: 'GET' | 'POST';
}

/**
 * How a request asked for its answer: its method and `accept` header. Apollo Server heads a GET's
 * answer and a POST's, and each content type, its own way: the paths before it learn and serve by this.
 */
export function askedAs({ method }: ClientOperation, accept: string | undefined): string {
  return `${method} ${accept ?? ''}`;
}

/** What `ClientOperations.ofRequest` reads of a request (express's request, after the body is parsed). */
export interface ClientRequest {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body?: unknown;
}

/** The search parameters Apollo Server reads a GET operation from, each at most once. */
const GET_FIELDS = ['query', 'operationName', 'variables', 'extensions'] as const;
const JSON_GET_FIELDS = new Set<string>(['variables', 'extensions']);
/** A `content-type` whose essence is `application/json` (Apollo Server refuses any other on a GET); parameters after `;` allowed. */
const JSON_CONTENT_TYPE = /^application\/json[ \t]*(?:;|$)/i;
/** Apollo Server's CSRF prevention lets a GET without a JSON content type through with one of these, not empty. */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'] as const;

/**
 * A GET's operation fields as Apollo Server reads them from the query string, or undefined when
 * Apollo Server would refuse the request: a content type other than JSON, neither a JSON content
 * type nor a preflight header (its CSRF prevention, on by default), a field given twice, or
 * `variables`/`extensions` that are not a JSON object. A refused request is always left to
 * Apollo Server, so that it answers it as it always does.
 */
export function getOperationFieldsOf(url: string, headers: IncomingHttpHeaders): Record<string, unknown> | undefined {
  const type = headers['content-type'];
  if (type !== undefined ? !JSON_CONTENT_TYPE.test(type) : !PREFLIGHT_HEADERS.some((name) => isNonEmpty(headers[name]))) return undefined;
  const search = new URLSearchParams(searchOf(url));
  const fields: Record<string, unknown> = {};
  for (const name of GET_FIELDS) {
    const values = search.getAll(name);
    if (values.length > 1) return undefined;
    const [value] = values;
    if (value === undefined) continue;
    if (!JSON_GET_FIELDS.has(name)) {
      fields[name] = value;
      continue;
    }
    const parsed = parseJson(value);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    fields[name] = parsed;
  }
  return fields;
}

function isNonEmpty(value: string | string[] | undefined): boolean {
  return typeof value === 'string' ? value.length > 0 : Array.isArray(value) && value.join(', ').length > 0;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface ClientOperationsOptions {
  /** Persisted queries remembered by hash, at most. @default 1000 */
  readonly maxPersistedQueries?: number;
}

/**
 * Reads the operation of a client's request for the paths that answer before Apollo Server
 * (the answer cache's fast path, prepared reads): a POST's JSON body or a GET's query string
 * (`ofRequest`), holding a plain operation or one sent with Apollo's
 * automatic persisted queries, as Apollo Client's persisted-query link sends them. A body with
 * its query and the persisted-query extension is taken when the hash is the query's (SHA-256 of
 * its text, as Apollo Server checks), and the query is remembered under it; a body with the hash
 * alone is taken when the hash is one remembered. Anything else (a hash not remembered, a hash
 * that is not the query's, other extensions) goes to Apollo Server, which answers it as always
 * (`PersistedQueryNotFound`, a mismatched hash…). A hash remembered here reaches Apollo Server
 * with its query (`forApolloServer`): its store may never have seen it.
 */
export class ClientOperations {
  private readonly persisted: LRUCache<string, string>;
  /** Each request's operation once read (null: none), for as long as the request is referenced. */
  private readonly readRequests = new WeakMap<ClientRequest, ClientOperation | null>();

  constructor({ maxPersistedQueries = 1000 }: ClientOperationsOptions = {}) {
    this.persisted = new LRUCache({ max: maxPersistedQueries });
  }

  /**
   * The operation of a GET or POST request, or undefined when Apollo Server is to read it. Read
   * once per request: the answer cache's fast path, the prepared path and its learning after
   * Apollo Server all ask.
   */
  ofRequest(req: ClientRequest): ClientOperation | undefined {
    const known = this.readRequests.get(req);
    if (known !== undefined) return known ?? undefined;
    const operation = this.read(req);
    this.readRequests.set(req, operation ?? null);
    return operation;
  }

  private read(req: ClientRequest): ClientOperation | undefined {
    if (req.method === 'POST') {
      const operation = this.of(req.body);
      return operation && { ...operation, method: 'POST' };
    }
    if (req.method !== 'GET' || req.url === undefined) return undefined;
    const fields = getOperationFieldsOf(req.url, req.headers);
    const operation = fields && this.of(fields);
    return operation && { ...operation, method: 'GET' };
  }

  /**
   * What Apollo Server is handed of a request the paths before it did not answer: its body and
   * query string as sent, except that a persisted query sent by a hash remembered here gets its
   * query back. A query sent with its hash may have been answered before Apollo Server (a hit, a
   * prepared read), so that Apollo Server's own store never saw it; without the query, Apollo
   * Server would answer `PERSISTED_QUERY_NOT_FOUND` for a hash the gateway knows.
   */
  forApolloServer(req: ClientRequest): { body: unknown; search: string } {
    const search = req.url === undefined ? '' : searchOf(req.url);
    if (req.method === 'POST') {
      const body = req.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body) || 'query' in body) return { body, search };
      const query = this.rememberedQueryOf((body as { extensions?: unknown }).extensions);
      return { body: query === undefined ? body : { ...body, query }, search };
    }
    if (req.method !== 'GET') return { body: req.body, search };
    const params = new URLSearchParams(search);
    const extensions = params.getAll('extensions');
    if (params.has('query') || extensions.length !== 1) return { body: req.body, search };
    const query = this.rememberedQueryOf(parseJson(extensions[0]!));
    if (query === undefined) return { body: req.body, search };
    params.set('query', query);
    return { body: req.body, search: `?${params.toString()}` };
  }

  private rememberedQueryOf(extensions: unknown): string | undefined {
    const hash = persistedQueryHashOf(extensions);
    return hash === undefined ? undefined : this.persisted.get(hash);
  }

  /** The operation of the fields of a POST body (or of a GET's query string), or undefined when Apollo Server is to read it. */
  of(body: unknown): PlainOperation | undefined {
    if (typeof body !== 'object' || body === null || !('extensions' in body)) return plainOperationOf(body);
    const { extensions, ...rest } = body as Record<string, unknown>;
    const hash = persistedQueryHashOf(extensions);
    if (hash === undefined) return undefined;
    if (!('query' in rest)) {
      const query = this.persisted.get(hash);
      return query === undefined ? undefined : plainOperationOf({ ...rest, query });
    }
    const operation = plainOperationOf(rest);
    if (!operation) return undefined;
    if (this.persisted.get(hash) !== operation.query) {
      if (createHash('sha256').update(operation.query).digest('hex') !== hash) return undefined;
      this.persisted.set(hash, operation.query);
    }
    return operation;
  }
}
