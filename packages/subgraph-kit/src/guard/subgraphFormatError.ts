import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { databaseFailureError } from './serviceFailure';

/**
 * `formatError` of a subgraph service: a database failure no resolver mapped
 * (guardSchema maps those of resolvers) is answered as ZONE_UNAVAILABLE naming the
 * service (or BAD_USER_INPUT for a value PostgreSQL refused), without the driver's words.
 */
export function subgraphFormatError(service: string): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const mapped = databaseFailureError(unwrapResolverError(error), { service });
    if (!mapped) return formatted;
    return { message: mapped.message, ...(formatted.path ? { path: formatted.path } : {}), extensions: { ...mapped.extensions } };
  };
}
