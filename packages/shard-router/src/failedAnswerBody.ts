import { GraphQLError } from 'graphql';
import { AnswerStatusError } from './answerStatusError';

/**
 * The answer body a failed call carries, parsed: a non-2xx answer's (`AnswerStatusError`, or
 * Apollo's `RemoteGraphQLDataSource` error, which keeps it in `extensions.response.body`);
 * undefined for a failure without one, or a body that is not JSON.
 */
export function failedAnswerBodyOf(error: unknown): unknown {
  if (error instanceof AnswerStatusError) {
    try {
      return JSON.parse(error.body) as unknown;
    } catch {
      return undefined;
    }
  }
  if (error instanceof GraphQLError) return (error.extensions.response as { body?: unknown } | undefined)?.body;
  return undefined;
}
