import type { ServiceMetrics } from '../metrics/serviceMetrics';
import { requestScopeOf } from '../requestScope';

interface ErrorLike {
  readonly extensions?: { readonly [key: string]: unknown };
}

/** The parts of Apollo Server's response a plugin reads here (`GraphQLResponse`). */
interface ResponseLike {
  readonly body:
    | { readonly kind: 'single'; readonly singleResult: { readonly errors?: readonly ErrorLike[] } }
    | { readonly kind: 'incremental'; readonly initialResult: { readonly errors?: readonly ErrorLike[] } };
}

/** The parts of Apollo Server's request context read here; typed structurally so this package does not depend on Apollo. */
export interface GraphQLResponseContext {
  /** The request's GraphQL context: its scope is found by it (`bindRequestScope`). */
  readonly contextValue: object;
  readonly operationName?: string | null;
  readonly response: ResponseLike;
}

export interface GraphQLMetricsPlugin {
  requestDidStart(): Promise<{ willSendResponse(context: GraphQLResponseContext): Promise<void> }>;
}

/**
 * An Apollo Server plugin: counts the errors of every response by code
 * (`graphql_errors_total`, after `formatError`: the codes clients see) and names
 * the operation in the scope tied to the request's context, for the request duration's label.
 */
export function graphqlMetricsPlugin(metrics: ServiceMetrics): GraphQLMetricsPlugin {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ contextValue, operationName, response }) => {
        const scope = requestScopeOf(contextValue);
        if (scope && operationName) scope.operationName = operationName;
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
        for (const error of errors ?? []) metrics.graphqlErrors.count(error.extensions?.code);
      },
    }),
  };
}
