import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { openServiceDatabase, type ServiceDatabase } from '@devzone/database';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { Principal } from '@devzone/auth';
import { createServiceMetrics, SubgraphFetchMetrics, subgraphCallObserver, ZoneReadCacheMetrics, type ServiceMetrics } from '@devzone/observability';
import { PgRegistryStore, RegistryService, registryMigrations, ZONES_SUBGRAPH, type ZoneServiceRegistry } from '@devzone/registry';
import {
  createZoneReadCache,
  GraphQLHttpClient,
  onDepartedServices,
  RESILIENCE_DEFAULTS,
  Resilience,
  ShardRouter,
  ZONE_READ_CACHE_BOUNDS,
  type CallObserver,
  type EntityStoreOptions,
  type ResilienceOptions,
  type ZoneReadCache,
} from '@devzone/shard-router';
import { createRequestSigner, guardSchema, serveSignedGraphQL, subgraphFormatError, type SigningKeys } from '@devzone/subgraph-kit';
import { ProvinceRow, provinceEntities } from '../db/entities';
import { DirectoryCache } from '../directory/directoryCache';
import { provinceMigrations } from '../db/migrations';
import { buildProvinceSchema } from '../graphql/buildProvinceSchema';
import type { ProvinceContext } from '../graphql/context.type';
import { createProvinceLoaders } from '../graphql/loaders';
import type { DirectorySeed } from '../seed/directorySchema';
import { SourceLibrary } from '../sources/SourceLibrary';
import { HttpZoneServiceProbe } from '../registry/httpZoneServiceProbe';
import { ProvinceRegistry } from '../registry/provinceRegistry';
import { writeDirectory } from '../seed/loadDirectory';
import { loadPresetFile, writePresets } from '../seed/loadPresets';
import type { PresetSeed } from '../seed/presetSchema';
import { DirectZoneReader } from '../zoneReader/DirectZoneReader';
import { followRegistryNotices, type RegistryNotices } from './followRegistryNotices';
import { signedZoneServiceSender } from '../zoneReader/signedZoneServiceSender';
import type { ZoneReader } from '../zoneReader/zoneReader';
import { FigureSheetSupport } from '../zoneReader/figureSheetSupport';
import type { ZoneRoute } from '../zoneReader/zoneRoute';

export interface ProvinceServiceOptions {
  databaseUrl: string;
  directory: DirectorySeed;
  /**
   * A static list of the zone services (ZONE_SERVICES). Without it the province runs the
   * runtime registry on its database: zone services register, and gateways follow it.
   */
  registry?: ZoneServiceRegistry;
  /** Benchmark presets stored on first start. @default seed/presets.json */
  presets?: PresetSeed;
  /** The source articles provenance points at. @default data/sources of the repository */
  sources?: SourceLibrary;
  /** Replaces the reader that asks the zone services directly (benchmarks compare paths). */
  zoneReader?: ZoneReader;
  /** The deployment's keys: only requests signed with one of them are answered, and the province signs its own reads with the first. */
  signingKeys: SigningKeys;
  /** Deadline of the province's own requests to one zone service (reads, lookups by id). @default 5000 */
  zoneTimeoutMs?: number;
  /**
   * Breakers, retries and answer size of those requests, and the deadline of all of one request's
   * (`requestTimeoutMs`, default the gateway's province deadline, 10 s); `timeoutMs` is `zoneTimeoutMs`.
   */
  zoneResilience?: ResilienceOptions;
  /**
   * The zone-read cache of the province's zone reads (ZONE_READ_CACHE*), one for the process, or `off`.
   * @default on, with the gateway's default bounds
   */
  zoneReadCache?: EntityStoreOptions | 'off';
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

export interface RunningProvinceService {
  url: string;
  database: ServiceDatabase;
  /** The runtime registry; absent with a static list. */
  registry?: ProvinceRegistry;
  stop(): Promise<void>;
}

/** Who the registry's live checks ask zone services as (they answer signed requests only). */
const REGISTRY_PROBE_PRINCIPAL: Principal = { subject: 'service:province-registry', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] };
/** Who the province reads zone services' schemas as, to learn which answer figure sheets. */
const SCHEMA_READER_PRINCIPAL: Principal = { subject: 'service:province-zone-reader', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] };
/** Who recomposes the registry when the province starts (its own schema may have changed). */
export const PROVINCE_START_PRINCIPAL: Principal = { subject: 'service:province-start', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] };

export async function startProvinceService(options: ProvinceServiceOptions): Promise<RunningProvinceService> {
  const database = await openServiceDatabase({
    url: options.databaseUrl,
    entities: provinceEntities,
    migrations: [...provinceMigrations, ...registryMigrations],
  });
  let store: PgRegistryStore | undefined;
  let notices: RegistryNotices | undefined;
  try {
    await writeDirectory(database.dataSource, options.directory);
    const directory = new DirectoryCache(database.dataSource);
    await directory.snapshot();
    await writePresets(database.dataSource, options.presets ?? loadPresetFile());
    const sources = options.sources ?? SourceLibrary.load();
    const schema = await buildProvinceSchema();
    let ownUrl = '';
    const runtimeRegistry = options.registry
      ? undefined
      : new ProvinceRegistry(
          new RegistryService({
            store: (store = new PgRegistryStore({ url: options.databaseUrl })),
            probe: new HttpZoneServiceProbe(createRequestSigner(options.signingKeys, REGISTRY_PROBE_PRINCIPAL), options.zoneTimeoutMs ?? 5000),
            province: async () => ({ url: ownUrl, sdl: printSubgraphSchema(schema) }),
            knownProvinces: async () => (await database.dataSource.getRepository(ProvinceRow).find({ select: { code: true } })).map((row) => row.code),
          }),
          database.dataSource,
        );
    const registry = options.registry ?? runtimeRegistry!.routing;
    // A registration writes its zones' directory entries before the shard map follows it.
    registry.onChange(() => void directory.refresh());
    // One registry for /metrics: the service's own series, its reads of the zone services and its zone-read cache's.
    const metrics = createServiceMetrics();
    // Observed: a span per call, and its fetch metrics on the province's /metrics.
    const zoneCalls = subgraphCallObserver(ZONES_SUBGRAPH, new SubgraphFetchMetrics(metrics.registry));
    const zoneRouter = createZoneRouter({ ...options.zoneResilience, timeoutMs: options.zoneTimeoutMs ?? RESILIENCE_DEFAULTS.timeoutMs }, zoneCalls);
    const maxResponseBytes = zoneRouter.resilience.settings.maxResponseBytes;
    // One client per process: its persisted-query memory is per zone service, for every caller.
    const zoneClient = new GraphQLHttpClient();
    const zoneReadCache = zoneReadCacheFor(options, zoneRouter, metrics);
    // A zone service gone, or registered again at another address, starts over: a closed breaker, no persisted query known.
    // One gone for good leaves /metrics too.
    const stopForgetting = onDepartedServices(registry, (departed) => {
      for (const { name, url, left } of departed) {
        zoneRouter.resilience.health.forget('zone', name);
        zoneClient.forgetService(url);
        if (!left) continue;
        zoneCalls.forget({ kind: 'zone', name });
        zoneReadCache?.forgetService(name);
      }
    });
    const schemaReader = new HttpZoneServiceProbe(createRequestSigner(options.signingKeys, SCHEMA_READER_PRINCIPAL), options.zoneTimeoutMs ?? 5000);
    const figureSheets = new FigureSheetSupport((url) => schemaReader.fetchSdl(url));
    const server = new ApolloServer<ProvinceContext>({
      // Arguments checked before any SQL; database failures answered as ZONE_UNAVAILABLE naming the province.
      schema: guardSchema(schema, { service: 'province' }),
      formatError: subgraphFormatError('province'),
      // No cache hints are used: without the cache-control plugin Apollo Server does not wrap every field resolver.
      plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
    });
    const served = await serveSignedGraphQL({
      server,
      metrics,
      keys: options.signingKeys,
      port: options.port ?? 0,
      host: options.host ?? '127.0.0.1',
      context: async (principal) => {
        // The province reads zone data for the caller it is answering, so its requests carry that caller.
        const zoneRoute: ZoneRoute = {
          router: zoneRouter,
          shardMap: registry,
          send: signedZoneServiceSender(zoneClient, createRequestSigner(options.signingKeys, principal), maxResponseBytes),
          budget: zoneRouter.resilience.budgets.forOperation(undefined),
          principal,
          ...(zoneReadCache ? { cache: zoneReadCache } : {}),
          figureSheets,
        };
        return {
          dataSource: database.dataSource,
          registry,
          ...(runtimeRegistry ? { runtimeRegistry } : {}),
          zoneReader: options.zoneReader ?? new DirectZoneReader(zoneRoute),
          sources,
          loaders: createProvinceLoaders(database.dataSource, directory),
          principal,
          zoneRoute,
        };
      },
    });
    ownUrl = served.url;
    if (runtimeRegistry) {
      await runtimeRegistry.load();
      await runtimeRegistry.recompose(PROVINCE_START_PRINCIPAL);
      // States other province replicas accept: their shard map and directory entries.
      notices = await followRegistryNotices(options.databaseUrl, () => runtimeRegistry.load());
    }
    // Each zone service's schema is read now and on every change of the shard map, so that reads go by sheets from the first.
    figureSheets.learn(registry.services());
    const stopLearning = registry.onChange((services) => figureSheets.learn(services));
    return {
      url: served.url,
      database,
      ...(runtimeRegistry ? { registry: runtimeRegistry } : {}),
      stop: async () => {
        stopLearning();
        stopForgetting();
        await served.stop();
        await notices?.stop();
        await store?.close();
        await database.close();
      },
    };
  } catch (error) {
    await notices?.stop();
    await store?.close();
    await database.close();
    throw error;
  }
}

/**
 * The province's router to the zone services: a breaker per service for the whole process,
 * each request within `timeoutMs`, and all of one province request's within the deadline the
 * gateway gives the province (PROVINCE_TIMEOUT_MS, 10 s by default), so a hung zone is
 * reported as that zone, not as a failed province.
 */
function createZoneRouter(options: ResilienceOptions, observer: CallObserver): ShardRouter {
  const resilience = new Resilience({ requestTimeoutMs: RESILIENCE_DEFAULTS.provinceTimeoutMs, ...options });
  // Not logged: every failure reaches the caller as a failed zone naming its service and the reason.
  return new ShardRouter({ resilience, observer });
}

/** The province's zone-read cache: versions asked like its reads (signed, within the zone deadline, skipping a service whose breaker is open). */
function zoneReadCacheFor(options: ProvinceServiceOptions, router: ShardRouter, metrics: ServiceMetrics): ZoneReadCache | undefined {
  const limits = options.zoneReadCache ?? { maxEntries: ZONE_READ_CACHE_BOUNDS.maxEntries.default, maxBytes: ZONE_READ_CACHE_BOUNDS.maxBytes.default };
  if (limits === 'off') return undefined;
  const { settings, health } = router.resilience;
  return createZoneReadCache({
    limits,
    signingKeys: options.signingKeys,
    timeoutMs: settings.timeoutMs,
    breakers: health,
    observerOf: (size) => new ZoneReadCacheMetrics(metrics.registry, size),
  });
}
