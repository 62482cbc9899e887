import { ApolloGateway } from '@apollo/gateway';
import type { ZoneServiceRegistry } from '@devzone/registry';
import { createRemoteDataSource } from './datasources/createRemoteDataSource';
import { ShardedZonesDataSource } from './datasources/ShardedZonesDataSource';
import type { GatewayLogger } from './logger';
import { ZONES_SUBGRAPH } from './subgraphNames';
import { FederatedComposer } from './supergraphManagers/FederatedComposer';

export interface CreateGatewayOptions {
  /** GraphQL endpoint of the province subgraph. */
  readonly provinceUrl: string;
  /** Which zone service hosts which zone; read on every request. */
  readonly registry: ZoneServiceRegistry;
  /**
   * Deadline of one request to one zone service (and of one SDL fetch), in milliseconds.
   * @default 5000
   */
  readonly timeoutMs?: number;
  /** @default Apollo's logger for the gateway, silent for our parts */
  readonly logger?: GatewayLogger;
}

export interface CreatedGateway {
  readonly gateway: ApolloGateway;
  readonly composer: FederatedComposer;
  readonly zonesDataSource: ShardedZonesDataSource;
}

/**
 * An ApolloGateway over two subgraphs: `province` (a plain remote data source) and
 * `zones` (the shard-aware data source over every registered zone service).
 */
export function createGateway({ provinceUrl, registry, timeoutMs = 5000, logger }: CreateGatewayOptions): CreatedGateway {
  // @apollo/gateway otherwise reports usage metrics to Apollo and probes cloud
  // metadata endpoints (GCP, AWS, Azure) at construction. A provincial system
  // sends nothing out; an operator may still opt in with APOLLO_TELEMETRY_DISABLED=false.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const zonesDataSource = new ShardedZonesDataSource({ registry, timeoutMs, ...(logger ? { logger } : {}) });
  const composer = new FederatedComposer({ provinceUrl, timeoutMs, ...(logger ? { logger } : {}) });
  const gateway = new ApolloGateway({
    supergraphSdl: composer,
    buildService: ({ name, url }) => {
      if (name === ZONES_SUBGRAPH) return zonesDataSource;
      if (!url) throw new Error(`Subgraph "${name}" has no URL in the supergraph`);
      return createRemoteDataSource(url);
    },
    ...(logger ? { logger } : {}),
  });
  return { gateway, composer, zonesDataSource };
}
