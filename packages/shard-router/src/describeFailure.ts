import { GraphQLError } from 'graphql';
import { AnswerStatusError } from './answerStatusError';
import { failedAnswerBodyOf } from './failedAnswerBody';

interface ErrorLike {
  readonly message: string;
  readonly cause?: unknown;
  readonly code?: unknown;
}

/** Duck-typed: errors from Node's own fetch may come from another realm (e.g. under jest). */
function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/** One line saying why a request to a service failed: timeout, refused connection, HTTP status... */
export function describeFailure(error: unknown): string {
  if (!isErrorLike(error)) return String(error);
  if (error instanceof GraphQLError || error instanceof AnswerStatusError) return `HTTP ${error.message}${firstErrorOf(failedAnswerBodyOf(error))}`;
  // Node's fetch says only "fetch failed"; the cause says why (ECONNREFUSED, bad port...).
  const cause = error.cause;
  if (!isErrorLike(cause)) return error.message;
  return `${error.message} (${typeof cause.code === 'string' ? cause.code : cause.message})`;
}

/** `: <message>` of the first GraphQL error in an answer body, or nothing. */
function firstErrorOf(body: unknown): string {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return '';
  const first: unknown = errors[0];
  return isErrorLike(first) ? `: ${first.message}` : '';
}
