import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { SigningKeys } from '@devzone/auth';
import { DEFAULT_MAX_RESPONSE_BYTES } from '@devzone/shard-router';
import { limitedFetcher } from './limitedFetcher';
import { SigningRemoteGraphQLDataSource } from './SigningRemoteGraphQLDataSource';

export interface RemoteDataSourceOptions {
  /**
   * Answer bodies past this size are refused and the connection aborted.
   * @default DEFAULT_MAX_RESPONSE_BYTES
   */
  readonly maxResponseBytes?: number;
}

/**
 * The one place a `RemoteGraphQLDataSource` is built, for the province and every zone
 * service: its requests obey `withDeadline`, its answers the size limit, and with
 * `signingKeys` every request is signed.
 */
export function createRemoteDataSource(
  url: string,
  signingKeys?: SigningKeys,
  { maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES }: RemoteDataSourceOptions = {},
): RemoteGraphQLDataSource {
  const fetcher = limitedFetcher(maxResponseBytes);
  return signingKeys ? new SigningRemoteGraphQLDataSource({ url, fetcher, signingKeys }) : new RemoteGraphQLDataSource({ url, fetcher });
}
