export interface TokenBucketOptions {
  /** Tokens added per second (sustained requests per second). */
  readonly ratePerSecond: number;
  /** Bucket size: requests allowed at once after a quiet period. */
  readonly burst: number;
  /** Most clients remembered; beyond it, clients whose bucket has refilled are forgotten. @default 10000 */
  readonly maxClients?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

export type TakeResult = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** One token bucket per client key, in memory. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly ratePerSecond: number;
  private readonly burst: number;
  private readonly maxClients: number;
  private readonly now: () => number;

  constructor({ ratePerSecond, burst, maxClients = 10_000, now = Date.now }: TokenBucketOptions) {
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.maxClients = maxClients;
    this.now = now;
  }

  /** Takes one token for `key`, or says how many whole seconds until one is there. */
  take(key: string): TakeResult {
    const now = this.now();
    const bucket = this.refilled(this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now }, now);
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= this.maxClients) this.forgetFullBuckets(now);
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.ratePerSecond)) };
  }

  get clients(): number {
    return this.buckets.size;
  }

  private refilled(bucket: Bucket, now: number): Bucket {
    const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(this.burst, bucket.tokens + elapsedSeconds * this.ratePerSecond);
    bucket.updatedAt = now;
    return bucket;
  }

  /** A full bucket is the same as no bucket: forgetting it changes nothing for its client. */
  private forgetFullBuckets(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, now).tokens >= this.burst) this.buckets.delete(key);
    }
    // Still full of active clients: forget the oldest rather than grow without bound.
    while (this.buckets.size >= this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }
}
