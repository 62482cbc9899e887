import type { GraphQLDataSource, GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';

/** What a data source answers (`GatewayGraphQLResponse`). */
export type DataSourceResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * A data source whose fetch can be aborted: the guard that gives a fetch its deadline
 * (`guardedCall`, `withDeadline`) passes the deadline's `signal`.
 */
export interface AbortableDataSource<TContext extends Record<string, unknown> = Record<string, unknown>> extends GraphQLDataSource<TContext> {
  process(options: GraphQLDataSourceProcessOptions<TContext>, signal?: AbortSignal): Promise<DataSourceResponse>;
  /** Its service left its address: what was known there (the persisted queries it held) is forgotten. */
  forgetAddress?(): void;
}

/** The request a data source is asked to send (`GatewayGraphQLRequest`). */
export type DataSourceRequest = GraphQLDataSourceProcessOptions['request'];

/** The fetch function a `RemoteGraphQLDataSource` sends with (`Fetcher`). */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];

// `GraphQLDataSourceRequestKind` is not re-exported by @apollo/gateway's entry point.
export { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
