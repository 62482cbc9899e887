import { GraphQLError } from 'graphql';
import { AnswerStatusError } from './answerStatusError';

interface ErrorLike {
  readonly message: string;
  readonly cause?: unknown;
}

function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/** Errors of Node's fetch that mean the connection failed (refused, reset...), not an abort. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/** A connection failure or an HTTP 5xx answer: worth one more try. */
export function isRetryableFailure(error: unknown): boolean {
  if (error instanceof AnswerStatusError) return error.status >= 500;
  if (error instanceof GraphQLError) {
    // RemoteGraphQLDataSource turns a non-2xx answer into a GraphQLError carrying the status.
    const status = (error.extensions.response as { status?: unknown } | undefined)?.status;
    return typeof status === 'number' && status >= 500;
  }
  if (!isErrorLike(error)) return false;
  // undici's own request API throws the connection error itself; fetch wraps it in "fetch failed".
  const code = error.message === 'fetch failed' ? (error.cause as { code?: unknown } | undefined)?.code : (error as { code?: unknown }).code;
  return typeof code === 'string' && CONNECTION_CODES.has(code);
}

/** A delay in [maxJitterMs / 2, maxJitterMs]: retries of many requests do not arrive together. */
export function jitterDelayMs(maxJitterMs: number, random: () => number = Math.random): number {
  return Math.round(maxJitterMs / 2 + (random() * maxJitterMs) / 2);
}
