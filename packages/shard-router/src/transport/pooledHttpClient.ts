import { Pool, type Dispatcher } from 'undici';
import { BoundedAnswer, type HttpAnswer } from './boundedAnswer';

export interface PooledHttpClientOptions {
  /**
   * Connections kept open per origin at most; requests beyond them wait for one.
   * @default unlimited (as Node's fetch)
   */
  readonly connectionsPerOrigin?: number;
  /**
   * How long an idle connection stays open for the next request, in milliseconds (a server's
   * `Keep-Alive: timeout` hint shortens it).
   * @default 4000 (below the 5 s after which Node servers close idle connections)
   */
  readonly keepAliveTimeoutMs?: number;
  /**
   * How often pools are swept: a pool no request used since the last sweep, with none under way,
   * is closed and forgotten (a service re-registered at another address leaves its old one).
   * Its connections closed after `keepAliveTimeoutMs` already. 0: never swept.
   * @default 60000
   */
  readonly idlePoolSweepMs?: number;
}

export interface HttpRequest {
  /** @default 'POST' */
  readonly method?: Dispatcher.HttpMethod;
  /** Sent as they are: sign over `body` before calling. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** Aborts the request (and the connection, once it is sent) with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Answers whose body is larger are refused while they stream in (`AnswerTooLargeError`). */
  readonly maxResponseBytes: number;
}

/** One origin's pool, and whether a request used it since the last sweep. */
interface OriginPool {
  readonly origin: string;
  readonly pool: Pool;
  used: boolean;
}

interface Target {
  readonly pooled: OriginPool;
  readonly path: string;
}

/**
 * An HTTP/1.1 client over undici's pools: one pool of keep-alive connections per
 * origin, requests dispatched straight to it (no `fetch`, no WHATWG
 * Request/Response/streams, no `Agent` with its redirect interceptor in between) and
 * answers collected within a size limit. Pools left idle are closed (`idlePoolSweepMs`).
 */
export class PooledHttpClient {
  private readonly poolOptions: Pool.Options;
  private readonly pools = new Map<string, OriginPool>();
  private readonly targets = new Map<string, Target>();
  private readonly sweeper: NodeJS.Timeout | undefined;

  constructor({ connectionsPerOrigin, keepAliveTimeoutMs = 4000, idlePoolSweepMs = 60_000 }: PooledHttpClientOptions = {}) {
    this.poolOptions = { keepAliveTimeout: keepAliveTimeoutMs, ...(connectionsPerOrigin !== undefined ? { connections: connectionsPerOrigin } : {}) };
    if (idlePoolSweepMs > 0) this.sweeper = setInterval(() => this.sweepIdlePools(), idlePoolSweepMs).unref();
  }

  /** Origins with a pool open. */
  get origins(): string[] {
    return [...this.pools.keys()];
  }

  /** Sends one request and resolves with its whole answer, whatever its status; rejects when there is none (`RequestFailedError`), or it is refused. */
  request(url: string, { method = 'POST', headers, body, signal, maxResponseBytes }: HttpRequest): Promise<HttpAnswer> {
    if (signal?.aborted) return Promise.reject(signal.reason instanceof Error ? signal.reason : new Error('aborted before it was sent'));
    try {
      const { pooled, path } = this.targetOf(url);
      pooled.used = true;
      const handler = new BoundedAnswer(maxResponseBytes, signal);
      pooled.pool.dispatch({ path, method, headers, body: body ?? null }, handler);
      return handler.answer;
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Closes every pooled connection once its requests have been answered. */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.pools.values()].map(({ pool }) => pool.close()));
  }

  /**
   * Closes and forgets each pool no request used since the last sweep, with no request under way
   * or waiting; marks the others unused. The next request to a forgotten origin opens a new pool.
   */
  sweepIdlePools(): void {
    for (const pooled of this.pools.values()) {
      if (pooled.used) {
        pooled.used = false;
        continue;
      }
      const { running, pending, queued } = pooled.pool.stats;
      if (running + pending + queued > 0) continue;
      this.pools.delete(pooled.origin);
      for (const [url, target] of this.targets) if (target.pooled === pooled) this.targets.delete(url);
      void pooled.pool.close().catch(() => undefined);
    }
  }

  /** URLs are few (one per service): each is parsed once. */
  private targetOf(url: string): Target {
    let target = this.targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`${url}: only http and https URLs are supported`);
      let pooled = this.pools.get(parsed.origin);
      if (!pooled) {
        pooled = { origin: parsed.origin, pool: new Pool(parsed.origin, this.poolOptions), used: false };
        this.pools.set(parsed.origin, pooled);
      }
      target = { pooled, path: `${parsed.pathname}${parsed.search}` };
      this.targets.set(url, target);
    }
    return target;
  }
}

let shared: PooledHttpClient | undefined;

/** The process's client: every service is reached through one set of pools, as Node's `fetch` shares one dispatcher. */
export function sharedHttpClient(): PooledHttpClient {
  shared ??= new PooledHttpClient();
  return shared;
}
