import type { Principal } from '@devzone/auth';
import type { ZoneServiceRegistry } from '@devzone/registry';
import type { VersionsSeen } from '@devzone/shard-router';

/**
 * What the gateway knows about one request, handed to every data source: the
 * request id (answered in a header and in error extensions, logged with the
 * detail), the authenticated caller, forwarded to the subgraphs, and the shard map
 * the request started with.
 */
export interface GatewayContext {
  readonly requestId: string;
  /** Null only for requests the front door lets through anonymously (none reach a subgraph). */
  readonly principal: Principal | null;
  /**
   * Which service hosts which zone when the request started: every zones fetch of the
   * request routes with it, so a registry swap never moves a request's zones midway.
   * Absent: the data source reads its registry at each fetch.
   */
  readonly shardMap?: ZoneServiceRegistry;
  /** True when the answer cache's HTTP fast path already found this request's kept answer stale (and counted it): the plugin does not ask again. */
  readonly answerLookedUp?: true;
  /**
   * The zone versions this request has read (the answer cache's check, the zone-read cache's
   * reads): a later check or read of the request uses them instead of asking the service again.
   * Absent: every check and read asks.
   */
  readonly zoneVersionsSeen?: VersionsSeen;
}
