import type { ApolloServerPlugin } from '@apollo/server';
import { ERRORS } from '@devzone/errors';

/**
 * An `operationName` the document does not define (or several operations and no
 * name), or a subscription on a graph without subscriptions, is the client's
 * mistake: OPERATION_RESOLUTION_FAILURE with HTTP 400, where the gateway's executor
 * would otherwise fail with a 500.
 */
export function operationResolutionPlugin(): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation, request, schema }) => {
        if (operation?.operation === 'subscription' && !schema.getSubscriptionType()) {
          throw ERRORS.OPERATION_RESOLUTION_FAILURE.err('This graph has no subscriptions: send a query or a mutation.', { http: { status: 400 } });
        }
        if (operation) return;
        const message = request.operationName
          ? `The document defines no operation named "${request.operationName}".`
          : 'The document defines several operations: name the one to run in `operationName`.';
        throw ERRORS.OPERATION_RESOLUTION_FAILURE.err(message, { http: { status: 400 } });
      },
    }),
  };
}
