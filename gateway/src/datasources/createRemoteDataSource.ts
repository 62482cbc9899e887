import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { abortableFetcher } from './abortableFetcher';

/** A `RemoteGraphQLDataSource` whose requests obey `withDeadline`. */
export function createRemoteDataSource(url: string): RemoteGraphQLDataSource {
  return new RemoteGraphQLDataSource({ url, fetcher: abortableFetcher });
}
