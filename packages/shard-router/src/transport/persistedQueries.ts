import { createHash } from 'node:crypto';

/** Distinct operations are few (one per query-plan fetch): past this many, the memos start over. */
const MAX_REMEMBERED = 10_000;

/** The operation's APQ hash: SHA-256 of the query text, hex (Apollo's `persistedQuery.sha256Hash`). */
export class PersistedQueryHashes {
  private readonly hashes = new Map<string, string>();

  of(query: string): string {
    let hash = this.hashes.get(query);
    if (hash === undefined) {
      if (this.hashes.size >= MAX_REMEMBERED) this.hashes.clear();
      hash = createHash('sha256').update(query).digest('hex');
      this.hashes.set(query, hash);
    }
    return hash;
  }
}

interface ServiceMemo {
  supported: boolean;
  readonly registered: Set<string>;
}

/**
 * What each service (by URL) is known to hold in its APQ store: a hash is sent alone
 * only to a service that answered the full query sent with it, so an operation's first
 * request is never a wasted round trip; a service that refuses APQ is sent full queries.
 */
export class PersistedQueryMemo {
  private readonly services = new Map<string, ServiceMemo>();

  supported(url: string): boolean {
    return this.services.get(url)?.supported ?? true;
  }

  holds(url: string, hash: string): boolean {
    return this.services.get(url)?.registered.has(hash) ?? false;
  }

  register(url: string, hash: string): void {
    const memo = this.memoOf(url);
    if (memo.registered.size >= MAX_REMEMBERED) memo.registered.clear();
    memo.registered.add(hash);
  }

  /** The service answered PersistedQueryNotFound (restarted, or its store evicted it). */
  forget(url: string, hash: string): void {
    this.services.get(url)?.registered.delete(hash);
  }

  /** Forgets the service at `url` altogether: no service is known there any more. */
  forgetService(url: string): void {
    this.services.delete(url);
  }

  /** The service answered PersistedQueryNotSupported. */
  unsupported(url: string): void {
    const memo = this.memoOf(url);
    memo.supported = false;
    memo.registered.clear();
  }

  private memoOf(url: string): ServiceMemo {
    let memo = this.services.get(url);
    if (!memo) {
      memo = { supported: true, registered: new Set() };
      this.services.set(url, memo);
    }
    return memo;
  }
}

/** Apollo Server's APQ refusals, by code or (older servers) by message. */
export type PersistedQueryRefusal = 'not-found' | 'not-supported';

export function persistedQueryRefusalOf(body: unknown): PersistedQueryRefusal | undefined {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return undefined;
  for (const error of errors as unknown[]) {
    const { message, extensions } = (error ?? {}) as { message?: unknown; extensions?: { code?: unknown } };
    const code = extensions?.code;
    if (code === 'PERSISTED_QUERY_NOT_FOUND' || message === 'PersistedQueryNotFound') return 'not-found';
    if (code === 'PERSISTED_QUERY_NOT_SUPPORTED' || message === 'PersistedQueryNotSupported') return 'not-supported';
  }
  return undefined;
}
