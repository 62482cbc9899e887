import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** A POST body's operation as the fast paths key it (as the answer cache plugin does): a query, and at most an operation name and variables. */
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

export interface ClientOperationsOptions {
  /** Persisted queries remembered by hash, at most. @default 1000 */
  readonly maxPersistedQueries?: number;
}

/**
 * Reads the operation of a client's POST body for the paths that answer before Apollo Server
 * (the answer cache's fast path, prepared reads): a plain operation, or one sent with Apollo's
 * automatic persisted queries, as Apollo Client's persisted-query link sends them. A body with
 * its query and the persisted-query extension is taken when the hash is the query's (SHA-256 of
 * its text, as Apollo Server checks), and the query is remembered under it; a body with the hash
 * alone is taken when the hash is one remembered. Anything else (a hash not remembered, a hash
 * that is not the query's, other extensions) goes to Apollo Server, which answers it as always
 * (`PersistedQueryNotFound`, a mismatched hash…). An operation is only ever served so after
 * Apollo Server answered it once, which registered its hash in its own store too.
 */
export class ClientOperations {
  private readonly persisted: LRUCache<string, string>;

  constructor({ maxPersistedQueries = 1000 }: ClientOperationsOptions = {}) {
    this.persisted = new LRUCache({ max: maxPersistedQueries });
  }

  /** The body's operation, or undefined when Apollo Server is to read it. */
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
