import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { RequestBudget, Resilience } from '@devzone/shard-router';
import { GraphQLDataSourceRequestKind } from './types';

/**
 * The budget of the client operation a fetch belongs to (its request context is the
 * same object for every fetch of the operation); schema loads and health checks
 * belong to no operation and get one of their own.
 */
export function fetchBudget(resilience: Resilience, options: GraphQLDataSourceProcessOptions): RequestBudget {
  const operation = options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION ? options.incomingRequestContext : undefined;
  return resilience.budgets.forOperation(operation);
}
