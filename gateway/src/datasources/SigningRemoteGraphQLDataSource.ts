import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { encodePrincipal, PRINCIPAL_HEADER, signRequest, type SigningKeys } from '@devzone/auth';
import type { GatewayContext } from '../context';
import type { Fetcher } from './types';

export interface SigningRemoteGraphQLDataSourceOptions {
  readonly url: string;
  readonly fetcher: Fetcher;
  /** The deployment's keys; the first one signs. Services refuse unsigned requests. */
  readonly signingKeys: SigningKeys;
}

/**
 * A `RemoteGraphQLDataSource` whose every request a service accepts: it
 * forwards the caller (`context.principal`, absent for the composer's SDL
 * fetches) in `x-devzone-principal` and signs the exact body bytes sent
 * together with that header.
 */
export class SigningRemoteGraphQLDataSource extends RemoteGraphQLDataSource<Partial<GatewayContext>> {
  constructor({ url, fetcher, signingKeys }: SigningRemoteGraphQLDataSourceOptions) {
    super({ url, fetcher: signingFetcher(fetcher, signingKeys) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Partial<GatewayContext>>): void {
    const principal = context.principal;
    if (principal) request.http?.headers.set(PRINCIPAL_HEADER, encodePrincipal(principal));
    else request.http?.headers.delete(PRINCIPAL_HEADER);
  }
}

/** Signs at the last moment, over the body string exactly as it is sent. */
function signingFetcher(fetcher: Fetcher, keys: SigningKeys): Fetcher {
  return (url, init = {}) => {
    const headers = { ...(init.headers ?? {}) };
    const body = init.body ?? '';
    Object.assign(headers, signRequest({ keys, body, principalHeader: headers[PRINCIPAL_HEADER] ?? null }));
    return fetcher(url, { ...init, headers });
  };
}
