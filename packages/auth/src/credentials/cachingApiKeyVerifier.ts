import type { Principal } from '../principal/principal';
import { hashApiKey } from './apiKey';
import type { ApiKeyVerifier } from './apiKeyVerifier';

export interface CachingApiKeyVerifierOptions {
  /**
   * How long an answer (grant or refusal) is reused: the longest a revoked key
   * keeps working. 0 asks the store every time.
   */
  readonly ttlMs: number;
  /** @default 10000 */
  readonly maxEntries?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

interface Entry {
  readonly principal: Principal | null;
  readonly expiresAt: number;
}

/**
 * Remembers answers briefly, keyed by the key's hash (the cache never holds a
 * key). Refusals are remembered too, so a client trying random keys does not
 * turn each request into a store lookup. Failures to answer are not remembered.
 */
export class CachingApiKeyVerifier implements ApiKeyVerifier {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Principal | null>>();

  constructor(
    private readonly inner: ApiKeyVerifier,
    private readonly options: CachingApiKeyVerifierOptions,
  ) {}

  verified(key: string): Principal | undefined {
    if (this.options.ttlMs <= 0) return undefined;
    const cached = this.entries.get(hashApiKey(key));
    return cached && cached.principal && cached.expiresAt > (this.options.now ?? Date.now)() ? cached.principal : undefined;
  }

  async verify(key: string): Promise<Principal | null> {
    if (this.options.ttlMs <= 0) return this.inner.verify(key);
    const id = hashApiKey(key);
    const now = (this.options.now ?? Date.now)();
    const cached = this.entries.get(id);
    if (cached && cached.expiresAt > now) return cached.principal;
    this.entries.delete(id);
    const pending = this.inFlight.get(id) ?? this.lookup(id, key, now);
    return pending;
  }

  private lookup(id: string, key: string, now: number): Promise<Principal | null> {
    const pending = this.inner
      .verify(key)
      .then((principal) => {
        this.remember(id, { principal, expiresAt: now + this.options.ttlMs });
        return principal;
      })
      .finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, pending);
    return pending;
  }

  private remember(id: string, entry: Entry): void {
    const max = this.options.maxEntries ?? 10_000;
    // A Map iterates in insertion order: the first key is the oldest entry.
    while (this.entries.size >= max) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(id, entry);
  }
}
