import type { SigningKeys } from '@devzone/auth';
import { DEFAULT_MAX_RESPONSE_BYTES } from '@devzone/shard-router';
import { SigningRemoteGraphQLDataSource } from './SigningRemoteGraphQLDataSource';
import type { AbortableDataSource } from './types';

export interface RemoteDataSourceOptions {
  /**
   * Answer bodies past this size are refused and the connection aborted.
   * @default DEFAULT_MAX_RESPONSE_BYTES
   */
  readonly maxResponseBytes?: number;
}

/**
 * The one place the data source of one service is built, for the province and every
 * zone service: its requests go over the pooled keep-alive client, obey the deadline's signal,
 * their answers the size limit, reads of client operations use APQ, and with
 * `signingKeys` every request is signed.
 */
export function createRemoteDataSource(
  url: string,
  signingKeys?: SigningKeys,
  { maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES }: RemoteDataSourceOptions = {},
): AbortableDataSource {
  return new SigningRemoteGraphQLDataSource({ url, maxResponseBytes, ...(signingKeys ? { signingKeys } : {}) });
}
