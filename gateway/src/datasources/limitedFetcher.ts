import { AnswerTooLargeError, sharedHttpClient, type HttpAnswer } from '@devzone/shard-router';
import type { Fetcher } from './types';

export { AnswerTooLargeError };

/** HTTP statuses whose Response may not have a body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS';
const METHODS: ReadonlySet<string> = new Set<Method>(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

/**
 * A fetch-shaped function over the pooled keep-alive client (`sharedHttpClient`), for
 * callers that want a `Response` (the API-key lookup): aborted by `init.signal` (the
 * caller's `withDeadline`), its answer refused past `maxBytes` while it streams in (the
 * connection is aborted there, so a huge answer is never held in memory). The client
 * asks for no content encoding and refuses one it did not ask for, so what is counted is
 * what is read.
 */
export function limitedFetcher(maxBytes: number): Fetcher {
  return async (url, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (!METHODS.has(method)) throw new Error(`limitedFetcher: unsupported method ${method}`);
    const signal = init.signal instanceof AbortSignal ? init.signal : undefined;
    const answer = await sharedHttpClient().request(url, {
      method: method as Method,
      headers: { 'accept-encoding': 'identity', ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
      ...(signal ? { signal } : {}),
      maxResponseBytes: maxBytes,
    });
    return responseOf(answer);
  };
}

function responseOf({ status, statusText, headers, body }: HttpAnswer): Response {
  return new Response(body.length === 0 && NULL_BODY_STATUSES.has(status) ? null : body, { status, statusText, headers });
}
