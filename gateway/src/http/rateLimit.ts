import type { Request, RequestHandler } from 'express';
import { ERRORS } from '@devzone/errors';
import { sendGraphQLError } from './graphqlErrorResponse';
import { TokenBuckets } from './tokenBucket';

export interface RateLimitOptions {
  /**
   * Sustained requests per second allowed to one client.
   * @default 50
   */
  readonly ratePerSecond?: number;
  /**
   * Requests one client may send at once after a quiet period.
   * @default 100
   */
  readonly burst?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * A token bucket per client, in memory: `clientKeyOf` says whom a request counts
 * against (the authenticated principal's subject, else the remote address). Over
 * the limit: HTTP 429 with `Retry-After` and a RATE_LIMITED GraphQL error.
 */
export function rateLimit(clientKeyOf: (req: Request) => string, { ratePerSecond = 50, burst = 100, now }: RateLimitOptions = {}): RequestHandler {
  const buckets = new TokenBuckets({ ratePerSecond, burst, ...(now ? { now } : {}) });
  return (req, res, next) => {
    const result = buckets.take(clientKeyOf(req));
    if (result.allowed) {
      next();
      return;
    }
    res.setHeader('Retry-After', String(result.retryAfterSeconds));
    sendGraphQLError(res, 429, ERRORS.RATE_LIMITED.code, `Too many requests: try again in ${result.retryAfterSeconds} s.`, {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  };
}
