import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';

/** What a check whose verdict depends on the variables reads of an operation. */
export interface CheckedOperation {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operationName: string | null | undefined;
  readonly variables: Readonly<Record<string, unknown>>;
}

/**
 * A front-door check that may refuse an operation for its variables (`first: $n`), so it runs
 * for every request: in Apollo Server's pipeline (`operationCheckPlugin`) and before a prepared
 * read (`PreparedReads`). It throws the refusal (a `GraphQLError`).
 */
export type OperationCheck = (operation: CheckedOperation) => void;

/** Runs `check` once the operation is resolved (an unknown operation is refused before it, by `operationResolutionPlugin`). */
export function operationCheckPlugin(check: OperationCheck): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ schema, document, request, operation }) => {
        if (!operation) return;
        check({ schema, document, operationName: request.operationName, variables: request.variables ?? {} });
      },
    }),
  };
}
