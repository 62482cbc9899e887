import { failedAnswerBodyOf } from './failedAnswerBody';

/** The distinct string codes (`extensions.code`) of a service's GraphQL errors, in order. */
export function codesOfErrors(errors: unknown): string[] {
  const codes: string[] = [];
  if (!Array.isArray(errors)) return codes;
  for (const error of errors) {
    const code: unknown = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    if (typeof code === 'string' && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

/**
 * The codes of the GraphQL errors in a failed call's answer: a non-2xx answer's body
 * (`AnswerStatusError`, or Apollo's `RemoteGraphQLDataSource` error with the body in
 * `extensions.response.body`). Empty for a failure that carries no answer.
 */
export function serviceCodesOf(error: unknown): string[] {
  return codesOfErrors((failedAnswerBodyOf(error) as { errors?: unknown } | null | undefined)?.errors);
}
