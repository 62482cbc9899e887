import { GraphQLError } from 'graphql';

/** One line saying why a request to a service failed: timeout, refused connection, HTTP status... */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const causeCode = cause instanceof Error ? (cause as { code?: unknown }).code : undefined;
  if (typeof causeCode === 'string') return `${error.message} (${causeCode})`;
  if (error instanceof GraphQLError) return `HTTP ${error.message}${firstBodyError(error)}`;
  return error.message;
}

/** RemoteGraphQLDataSource puts a non-2xx answer's body in `extensions.response.body`. */
function firstBodyError(error: GraphQLError): string {
  const response = error.extensions.response as { body?: unknown } | undefined;
  const body = response?.body;
  if (typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors)) {
    const [first] = (body as { errors: { message?: unknown }[] }).errors;
    if (typeof first?.message === 'string') return `: ${first.message}`;
  }
  return '';
}
