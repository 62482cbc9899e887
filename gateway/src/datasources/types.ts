import type { GraphQLDataSource, GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';

/** What a data source answers (`GatewayGraphQLResponse`). */
export type DataSourceResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** The request a data source is asked to send (`GatewayGraphQLRequest`). */
export type DataSourceRequest = GraphQLDataSourceProcessOptions['request'];

/** The fetch function a `RemoteGraphQLDataSource` sends with (`Fetcher`). */
export type Fetcher = RemoteGraphQLDataSource['fetcher'];

// `GraphQLDataSourceRequestKind` is not re-exported by @apollo/gateway's entry point.
export { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
