import type { GraphQLFormattedError } from 'graphql';

/** What a subgraph service answers to one GraphQL request, as far as routing reads it. */
export interface SubgraphAnswer {
  readonly data?: Readonly<Record<string, unknown>> | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

/** The request one service is sent: the operation, and its variables with that service's representations. */
export interface ServiceRequest {
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
}
