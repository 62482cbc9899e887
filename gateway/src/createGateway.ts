import { hostname } from 'node:os';
import { ApolloGateway, type Experimental_DidResolveQueryPlanCallback, type SupergraphManager } from '@apollo/gateway';
import type { SigningKeys } from '@devzone/auth';
import type { ServiceMetrics, SubgraphFetchMetrics } from '@devzone/observability';
import { MutableZoneServiceRegistry, type ZoneServiceRegistry } from '@devzone/registry';
import type { GatewayContext } from './context';
import { createRemoteDataSource } from './datasources/createRemoteDataSource';
import type { DirectoryLookupCache } from './datasources/directoryLookupCache';
import { GuardedDataSource } from './datasources/GuardedDataSource';
import { observedCalls } from './datasources/observedCalls';
import { recordedFetches } from './answerCache/answerRecord';
import { onDepartedServices, Resilience, type ResilienceOptions, type ServiceHealthBoard, type ZoneReadCache } from '@devzone/shard-router';
import { ShardedZonesDataSource } from './datasources/ShardedZonesDataSource';
import { silentLogger, type GatewayLogger } from './logger';
import { dedupeFetches, InFlightReads } from './plugins/dedupeFetches';
import type { QueryPlanCache } from './queryPlanCache';
import { RegistryHealthChecker, RegistrySupergraphManager, type RegistrySource } from './registry';
import { replayingFetches } from './preparedReads/fetchReplay';
import { PROVINCE_SUBGRAPH, ZONES_SUBGRAPH } from './subgraphNames';
import { FederatedComposer } from './supergraphManagers/FederatedComposer';
import { gatewayZoneReadCache, ZoneReadCacheDataSource } from './zoneReadCache';

/** `ResilienceOptions` (deadlines, breakers, retries, answer size): see its defaults. */
export interface CreateGatewayBaseOptions extends ResilienceOptions {
  /** GraphQL endpoint of the province subgraph; used whatever URL a supergraph records for it. */
  readonly provinceUrl: string;
  /** @default Apollo's logger for the gateway, silent for our parts */
  readonly logger?: GatewayLogger;
  /**
   * The deployment's keys (SERVICE_SIGNING_KEYS): every subgraph request, SDL fetches included, is signed with the first.
   * Without them requests go unsigned, and the real services refuse them (401).
   */
  readonly signingKeys?: SigningKeys;
  /**
   * Identical subgraph reads in flight together (same query, variables and principal) are
   * sent once, across requests, and mutations stop later reads from joining earlier ones. The
   * `zones` subgraph's only within one request while the zone-read cache is on: the cache shares them.
   * @default an `InFlightReads` across requests, uncounted
   */
  readonly inFlightReads?: InFlightReads;
  /** @default Apollo's own store (30 MiB, unobserved) */
  readonly queryPlanCache?: QueryPlanCache;
  /** The province's key-only zone lookups answered from memory. @default every lookup asks the province */
  readonly directoryLookupCache?: DirectoryLookupCache;
  /** The gateway's `/metrics` registry: the zone-read cache counts its hits, misses and version checks there. @default uncounted */
  readonly metricsRegistry?: ServiceMetrics['registry'];
  /** Where every fetch to the province and the zone services is counted (`subgraph_request_*`). @default uncounted */
  readonly fetchMetrics?: SubgraphFetchMetrics;
  /** Told each operation's plan before it runs (`PreparedReads.notePlan`). */
  readonly onQueryPlan?: Experimental_DidResolveQueryPlanCallback;
}

/**
 * Where the zone services come from: a fixed `registry` (static mode: the gateway
 * composes the supergraph itself, `FederatedComposer`), or the runtime registry's
 * database (`registrySource`, registry mode: the registry composes, the gateway serves).
 */
export type ZoneServicesOption =
  | {
      /** Which zone service hosts which zone; read on every request. */
      readonly registry: ZoneServiceRegistry;
      readonly registrySource?: undefined;
    }
  | { readonly registrySource: RegistrySource; readonly registry?: undefined };

export type CreateGatewayOptions = CreateGatewayBaseOptions & ZoneServicesOption;

/** Who provides the supergraph: the gateway's own composer, or the runtime registry. */
export type SupergraphSource =
  { readonly mode: 'static'; readonly composer: FederatedComposer } | { readonly mode: 'registry'; readonly manager: RegistrySupergraphManager };

export interface CreatedGateway {
  readonly gateway: ApolloGateway;
  readonly supergraphSource: SupergraphSource;
  readonly zonesDataSource: ShardedZonesDataSource;
  /** The zone services as served now: the static registry, or the shard map the registry's states replace. */
  readonly registry: ZoneServiceRegistry;
  /** The shard map a request starting now keeps to its end (`GatewayContext.shardMap`); undefined when the registry is read at each fetch. */
  readonly shardMapNow: (() => ZoneServiceRegistry) | undefined;
  /** The shard map a request runs on: the one its context kept, else the registry. */
  readonly shardMapOf: (context: Partial<GatewayContext>) => ZoneServiceRegistry;
  /** Every service's breaker and recent outcomes: what `/ready` reports. */
  readonly health: ServiceHealthBoard;
  /** The zones' reads cache (`ZONE_READ_CACHE`), undefined when off. */
  readonly zoneReadCache: ZoneReadCache | undefined;
}

/**
 * An ApolloGateway over two subgraphs: `province` (one service) and `zones` (the
 * shard-aware data source over every registered zone service). Both go through the
 * same deadlines, request budgets and per-service circuit breakers.
 */
export function createGateway(options: CreateGatewayOptions): CreatedGateway {
  const { provinceUrl, logger, signingKeys } = options;
  // @apollo/gateway otherwise reports usage metrics to Apollo and probes cloud
  // metadata endpoints (GCP, AWS, Azure) at construction. A provincial system
  // sends nothing out; an operator may still opt in with APOLLO_TELEMETRY_DISABLED=false.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const resilience = new Resilience(resilienceOptionsOf(options));
  const { timeoutMs, provinceTimeoutMs, maxResponseBytes } = resilience.settings;
  const observer = observedCalls(options.fetchMetrics);
  const zonesDataSourceOver = (registry: ZoneServiceRegistry) =>
    new ShardedZonesDataSource({
      registry,
      resilience,
      observer,
      buildServiceDataSource: (service) => createRemoteDataSource(service.url, signingKeys, { maxResponseBytes }),
      ...(logger ? { logger } : {}),
    });
  let registry: ZoneServiceRegistry;
  let zonesDataSource: ShardedZonesDataSource;
  let supergraphSource: SupergraphSource;
  if (options.registrySource) {
    const shardMap = new MutableZoneServiceRegistry();
    registry = shardMap;
    zonesDataSource = zonesDataSourceOver(shardMap);
    supergraphSource = { mode: 'registry', manager: registryManager(options.registrySource, shardMap, zonesDataSource, timeoutMs, logger) };
  } else {
    registry = options.registry;
    zonesDataSource = zonesDataSourceOver(registry);
    supergraphSource = {
      mode: 'static',
      composer: new FederatedComposer({ provinceUrl, timeoutMs: Math.max(timeoutMs, provinceTimeoutMs), ...(logger ? { logger } : {}) }),
    };
  }
  const zoneReadCache = gatewayZoneReadCache({ signingKeys, timeoutMs, breakers: resilience.health, metricsRegistry: options.metricsRegistry });
  // A service gone, or registered again at another address, starts over: a closed breaker and a new connection.
  // One gone for good leaves /metrics too.
  onDepartedServices(registry, (departed) => {
    for (const { name, left } of departed) {
      resilience.health.forget('zone', name);
      if (!left) continue;
      observer.forget?.({ kind: 'zone', name });
      zoneReadCache?.forgetService(name);
    }
    zonesDataSource.forgetServices(departed);
  });
  const shardMapOf = (context: Partial<GatewayContext>): ZoneServiceRegistry => context.shardMap ?? registry;
  const supergraphSdl: SupergraphManager = supergraphSource.mode === 'registry' ? supergraphSource.manager : supergraphSource.composer;
  const inFlight = options.inFlightReads ?? new InFlightReads();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      // Identical reads in flight together (two aliases of `zones { indicators }`, or the same query of two requests) are sent once.
      // With the zone-read cache, reads of different requests share fetches inside it, keyed by the zone versions they just read
      // (a read that saw a write never joins a fetch sent before it): here only within one request.
      if (name === ZONES_SUBGRAPH) {
        const zones = zoneReadCache ? new ZoneReadCacheDataSource({ inner: zonesDataSource, registry, cache: zoneReadCache }) : zonesDataSource;
        return recordedFetches(replayingFetches(name, dedupeFetches(name, zones, inFlight, { withinRequestOnly: zoneReadCache !== undefined })));
      }
      // The province is where this gateway's configuration says, whatever the supergraph recorded where it was composed.
      const serviceUrl = name === PROVINCE_SUBGRAPH ? provinceUrl : url;
      if (!serviceUrl) throw new Error(`Subgraph "${name}" has no URL in the supergraph`);
      const inner = createRemoteDataSource(serviceUrl, signingKeys, { maxResponseBytes });
      const guarded = dedupeFetches(
        name,
        new GuardedDataSource({ name, inner, resilience, observer, timeoutMs: provinceTimeoutMs, ...(logger ? { logger } : {}) }),
        inFlight,
      );
      return recordedFetches(
        replayingFetches(name, name === PROVINCE_SUBGRAPH && options.directoryLookupCache ? options.directoryLookupCache.wrap(guarded, shardMapOf) : guarded),
      );
    },
    ...(options.queryPlanCache ? { queryPlannerConfig: { cache: options.queryPlanCache } } : {}),
    ...(options.onQueryPlan ? { experimental_didResolveQueryPlan: options.onQueryPlan } : {}),
    ...(logger ? { logger } : {}),
  });
  const shardMapNow = registry instanceof MutableZoneServiceRegistry ? () => registry.snapshot() : undefined;
  return { gateway, supergraphSource, zonesDataSource, registry, shardMapNow, shardMapOf, health: resilience.health, zoneReadCache };
}

/** The registry's supergraph manager, with the health checks that run while it serves. */
function registryManager(
  { reader, stateFile, pollIntervalMs, healthIntervalMs = 10_000, replicaId = `${hostname()}:${process.pid}` }: RegistrySource,
  registry: MutableZoneServiceRegistry,
  zonesDataSource: ShardedZonesDataSource,
  timeoutMs: number,
  logger: GatewayLogger = silentLogger,
): RegistrySupergraphManager {
  const healthChecker = new RegistryHealthChecker({
    registry,
    check: (service) => zonesDataSource.checkService(service),
    record: (report) => reader.recordHealth(report),
    replicaId,
    intervalMs: healthIntervalMs,
    slowMs: timeoutMs / 2,
    logger,
  });
  return new RegistrySupergraphManager({
    reader,
    stateFile,
    registry,
    ...(pollIntervalMs !== undefined ? { pollIntervalMs } : {}),
    logger,
    companions: [healthChecker],
  });
}

function resilienceOptionsOf(options: CreateGatewayOptions): ResilienceOptions {
  const { timeoutMs, provinceTimeoutMs, requestTimeoutMs, breakerFailureThreshold, breakerCoolDownMs, retryMaxJitterMs, maxResponseBytes } = options;
  return { timeoutMs, provinceTimeoutMs, requestTimeoutMs, breakerFailureThreshold, breakerCoolDownMs, retryMaxJitterMs, maxResponseBytes };
}
