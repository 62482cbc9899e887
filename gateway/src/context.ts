import type { Principal } from '@devzone/auth';

/**
 * What the gateway knows about one request, handed to every data source: the
 * request id (answered in a header and in error extensions, logged with the
 * detail) and the authenticated caller, forwarded to the subgraphs.
 */
export interface GatewayContext {
  readonly requestId: string;
  /** Null only for requests the front door lets through anonymously (none reach a subgraph). */
  readonly principal: Principal | null;
}
