import { ApolloGateway } from '@apollo/gateway';
import type { SigningKeys } from '@devzone/auth';
import type { ZoneServiceRegistry } from '@devzone/registry';
import { createRemoteDataSource } from './datasources/createRemoteDataSource';
import { GuardedDataSource } from './datasources/GuardedDataSource';
import { Resilience, type ResilienceOptions } from './datasources/resilience';
import type { ServiceHealthBoard } from './datasources/serviceHealth';
import { ShardedZonesDataSource } from './datasources/ShardedZonesDataSource';
import type { GatewayLogger } from './logger';
import { dedupeFetches } from './plugins/dedupeFetches';
import { ZONES_SUBGRAPH } from './subgraphNames';
import { FederatedComposer } from './supergraphManagers/FederatedComposer';

/** `ResilienceOptions` (deadlines, breakers, retries, answer size): see its defaults. */
export interface CreateGatewayOptions extends ResilienceOptions {
  /** GraphQL endpoint of the province subgraph. */
  readonly provinceUrl: string;
  /** Which zone service hosts which zone; read on every request. */
  readonly registry: ZoneServiceRegistry;
  /** @default Apollo's logger for the gateway, silent for our parts */
  readonly logger?: GatewayLogger;
  /**
   * The deployment's keys (SERVICE_SIGNING_KEYS): every subgraph request, SDL fetches included, is signed with the first.
   * Without them requests go unsigned, and the real services refuse them (401).
   */
  readonly signingKeys?: SigningKeys;
}

export interface CreatedGateway {
  readonly gateway: ApolloGateway;
  readonly composer: FederatedComposer;
  readonly zonesDataSource: ShardedZonesDataSource;
  /** Every service's breaker and recent outcomes: what `/ready` reports. */
  readonly health: ServiceHealthBoard;
}

/**
 * An ApolloGateway over two subgraphs: `province` (one service) and `zones` (the
 * shard-aware data source over every registered zone service). Both go through the
 * same deadlines, request budgets and per-service circuit breakers.
 */
export function createGateway({ provinceUrl, registry, logger, signingKeys, ...resilienceOptions }: CreateGatewayOptions): CreatedGateway {
  // @apollo/gateway otherwise reports usage metrics to Apollo and probes cloud
  // metadata endpoints (GCP, AWS, Azure) at construction. A provincial system
  // sends nothing out; an operator may still opt in with APOLLO_TELEMETRY_DISABLED=false.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const resilience = new Resilience(resilienceOptions);
  const { timeoutMs, provinceTimeoutMs, maxResponseBytes } = resilience.settings;
  const zonesDataSource = new ShardedZonesDataSource({
    registry,
    resilience,
    buildServiceDataSource: (service) => createRemoteDataSource(service.url, signingKeys, { maxResponseBytes }),
    ...(logger ? { logger } : {}),
  });
  const composer = new FederatedComposer({ provinceUrl, timeoutMs: Math.max(timeoutMs, provinceTimeoutMs), ...(logger ? { logger } : {}) });
  const gateway = new ApolloGateway({
    supergraphSdl: composer,
    buildService: ({ name, url }) => {
      // Identical fetches of one operation (two aliases of `zones { indicators }`) are sent once.
      if (name === ZONES_SUBGRAPH) return dedupeFetches(name, zonesDataSource);
      if (!url) throw new Error(`Subgraph "${name}" has no URL in the supergraph`);
      const inner = createRemoteDataSource(url, signingKeys, { maxResponseBytes });
      return dedupeFetches(name, new GuardedDataSource({ name, inner, resilience, timeoutMs: provinceTimeoutMs, ...(logger ? { logger } : {}) }));
    },
    ...(logger ? { logger } : {}),
  });
  return { gateway, composer, zonesDataSource, health: resilience.health };
}
