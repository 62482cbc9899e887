import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, getOperationAST, type DocumentNode } from 'graphql';
import { GraphQLDataSourceRequestKind } from './types';

/**
 * Whether a subgraph fetch only reads: its own operation is a query (`_entities`
 * fetches, even those following a mutation, are queries). Mutations are never retried.
 */
export function isReadFetch(options: GraphQLDataSourceProcessOptions): boolean {
  const document: DocumentNode | undefined = options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION ? options.document : undefined;
  if (document) return getOperationAST(document, options.request.operationName)?.operation === 'query';
  const query = options.request.query ?? '';
  return !/^\s*(mutation|subscription)\b/.test(query);
}

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
  if (error instanceof GraphQLError) {
    // RemoteGraphQLDataSource turns a non-2xx answer into a GraphQLError carrying the status.
    const status = (error.extensions.response as { status?: unknown } | undefined)?.status;
    return typeof status === 'number' && status >= 500;
  }
  if (!isErrorLike(error) || error.message !== 'fetch failed') return false;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && CONNECTION_CODES.has(code);
}

/** A delay in [maxJitterMs / 2, maxJitterMs]: retries of many requests do not arrive together. */
export function jitterDelayMs(maxJitterMs: number, random: () => number = Math.random): number {
  return Math.round(maxJitterMs / 2 + (random() * maxJitterMs) / 2);
}
