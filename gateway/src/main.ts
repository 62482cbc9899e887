import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  AnswerCacheMetrics,
  breakerStateGauge,
  countingQueryPlanCache,
  createLogger,
  createServiceMetrics,
  DirectoryLookupCacheMetrics,
  InFlightDedupMetrics,
  graphqlMetricsPlugin,
  metricsAccessFromEnv,
  metricsHandler,
  observeHttpRequests,
  PreparedReadMetrics,
  queryPlanCacheSizeGauges,
  SubgraphFetchMetrics,
  type ServiceMetrics,
} from '@devzone/observability';
import type { ZoneServiceRegistry } from '@devzone/registry';
import { expressMessageClasses, runFromEnvironment } from '@devzone/service-shell';
import compression from 'compression';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { AnswerCache, AnswerFastPath, answerCachePlugin } from './answerCache';
import { createGatewayAuthenticator, loadGatewayAuthOptions, principalOfRequest, requireAuthentication, type GatewayAuthOptions } from './auth';
import type { Logger } from 'pino';
import { loadFrontDoorConfig, loadGatewayConfig, loadHttpPathConfig, type GatewayConfig, type HttpPathConfig } from './config';
import type { GatewayContext } from './context';
import { createContext } from './createContext';
import { createGateway, type CreateGatewayOptions, type SupergraphSource } from './createGateway';
import type { ServiceHealthBoard } from '@devzone/shard-router';
import { loadResilienceConfig } from './resilienceConfig';
import { dashboardRouter } from './dashboard';
import { graphiqlRouter } from './graphiql/graphiqlRouter';
import { healthRouter } from './http/healthRouter';
import { readyRouter, type ReadyRouterOptions } from './http/readyRouter';
import { jsonErrorHandler } from './http/jsonErrorHandler';
import { operationPrecheck } from './http/operationPrecheck';
import { rateLimit as rateLimitPerClient, type RateLimitOptions } from './http/rateLimit';
import { armorLimitsPlugin } from './plugins/armorLimitsPlugin';
import { DirectoryLookupCache } from './datasources/directoryLookupCache';
import { InFlightReads } from './plugins/dedupeFetches';
import type { SubgraphsOf } from './plugins/estimateCost';
import { fanOutCostCheck } from './plugins/fanOutCostPlugin';
import { introspectionPolicyPlugin } from './plugins/introspectionPolicy';
import { withDirectRoute } from './http/directRoute';
import { ClientOperations } from './http/clientOperations';
import { graphqlHandler } from './http/graphqlHandler';
import { jsonBody } from './http/jsonBody';
import { formatGatewayError, gatewayErrorsPlugin } from './plugins/formatGatewayError';
import { listSizeCheck } from './plugins/listSizeLimitPlugin';
import { operationCheckPlugin, type OperationCheck } from './plugins/operationCheck';
import type { OperationLimits } from './plugins/operationLimits';
import { operationNameLimitPlugin } from './plugins/operationNameLimitPlugin';
import { PreparedReads, type ResolvedPlan } from './preparedReads';
import { operationResolutionPlugin } from './plugins/operationResolutionPlugin';
import { registryFollowPlugin } from './plugins/registryFollowPlugin';
import { rootFieldLimitPlugin } from './plugins/rootFieldLimitPlugin';
import { subgraphOwnership } from './plugins/subgraphOwnership';
import { sizedQueryPlanCache } from './queryPlanCache';
import { registrySourceOf } from './registry';
import { PROVINCE_SUBGRAPH, ZONES_SUBGRAPH } from './subgraphNames';
import { viewsRouter } from './views';
import { registryApiRouter } from './registryApi/registryApiRouter';
import type { RefreshOptions, RefreshResult } from './supergraphManagers/FederatedComposer';

/** `CreateGatewayOptions` (static `registry` or `registrySource`) and how the gateway serves HTTP. */
export type StartGatewayOptions = CreateGatewayOptions & StartHttpOptions;

export interface StartHttpOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 4000
   */
  readonly port?: number;
  /** @default all interfaces */
  readonly host?: string;
  /** How callers authenticate; without it only service-signed requests and API keys known to the province get in. */
  readonly auth?: GatewayAuthOptions;
  /**
   * Limits checked before an operation runs; each option left out takes its
   * `GATEWAY_*` environment variable, else its default (docs/security.md, "Limits").
   */
  readonly limits?: OperationLimits;
  /**
   * Token bucket per client (principal subject, else remote address); false turns it off.
   * @default GATEWAY_RATE_LIMIT_PER_SECOND / GATEWAY_RATE_LIMIT_BURST, else 50 per second, burst 100
   */
  readonly rateLimit?: RateLimitOptions | false;
  /**
   * Answer errors with their detail and stack trace.
   * @default true only when DEVZONE_DEBUG_ERRORS=1
   */
  readonly debugErrors?: boolean;
  /**
   * Where the full detail of unexpected errors goes, one JSON line each with the request id
   * (and, at LOG_LEVEL=debug, one line per request).
   * @default JSON lines on standard output at LOG_LEVEL
   */
  readonly errorLog?: Logger;
  /**
   * In-flight dedup of subgraph reads across requests, answer compression, the query-plan cache's size.
   * @default GATEWAY_DEDUP_INFLIGHT, GATEWAY_COMPRESSION, GATEWAY_QUERY_PLAN_CACHE_MIB, else on, on, 30 MiB
   */
  readonly httpPath?: Partial<HttpPathConfig>;
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  readonly url: string;
  readonly gateway: ApolloGateway;
  /**
   * Static mode: recomposes the supergraph. Registry mode: reads the registry now and serves a
   * newer accepted state (`sdlOverrides` is refused there: the registry composes). The last good
   * supergraph keeps being served when this is rejected.
   */
  refresh(options?: RefreshOptions): Promise<RefreshResult>;
  /** Stops accepting requests, drains those in flight and stops the gateway. */
  stop(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';
/** The routes `http_server_request_duration_seconds` tells apart; any other path counts as `other`. */
const OBSERVED_ROUTES = [GRAPHQL_PATH, '/health', '/ready', '/metrics', '/views', '/dashboard', '/registry', '/'];
const BODY_LIMIT_MB = 1;
const BODY_LIMIT_BYTES = BODY_LIMIT_MB * 1024 * 1024;
/** Answers under /views stream: see `compressible`. */
const VIEWS_PATH_PREFIX = '/views';
/** Smaller answers are sent as they are: compressing them costs more than it saves. */
const COMPRESSION_THRESHOLD_BYTES = 1024;
/** The body limit as told to clients. */
const BODY_LIMIT_LABEL = `${BODY_LIMIT_MB} MB`;

/**
 * Starts the gateway over HTTP (express 5): GraphQL at `/graphql`, GraphiQL at `/`
 * (and at `/graphql` for browsers), `GET /health`, `GET /ready`, `GET /metrics` (Prometheus, for
 * the callers METRICS_PUBLIC/METRICS_TOKEN allow: docs/operations.md). Rejects if no supergraph
 * can be composed (static mode) or served (registry mode: neither the registry nor the
 * state file has one) at start-up.
 */
export async function startGateway({
  port = 4000,
  host,
  limits,
  rateLimit,
  debugErrors,
  errorLog = createLogger('gateway'),
  auth = {},
  httpPath,
  ...options
}: StartGatewayOptions): Promise<RunningGateway> {
  const fromEnvironment = loadFrontDoorConfig(process.env);
  const debug = debugErrors ?? fromEnvironment.debugErrors;
  const operationLimits: OperationLimits = { ...fromEnvironment.limits, ...limits };
  const clientRateLimit = rateLimit ?? fromEnvironment.rateLimit;
  const metricsAccess = metricsAccessFromEnv(process.env);
  const fetchPath: HttpPathConfig = { ...loadHttpPathConfig(process.env), ...httpPath };
  const service = createServiceMetrics();
  const queryPlanCache = sizedQueryPlanCache(fetchPath.queryPlanCacheBytes);
  queryPlanCacheSizeGauges(service.registry, () => queryPlanCache.size());
  // Created once the checks it shares with Apollo Server's plugins exist; told every plan from the start.
  let prepared: PreparedReads | undefined;
  const directoryLookupCache =
    fetchPath.directoryLookupTtlMs > 0
      ? new DirectoryLookupCache({
          ttlMs: fetchPath.directoryLookupTtlMs,
          metrics: (entries) => new DirectoryLookupCacheMetrics(service.registry, entries),
        })
      : undefined;
  const { gateway, supergraphSource, registry, shardMapNow, shardMapOf, health, zoneReadCache } = createGateway({
    ...options,
    ...(fetchPath.preparedReads ? { onQueryPlan: (resolved: ResolvedPlan) => prepared?.notePlan(resolved) } : {}),
    inFlightReads: new InFlightReads({ acrossRequests: fetchPath.dedupInFlight, metrics: new InFlightDedupMetrics(service.registry) }),
    queryPlanCache: countingQueryPlanCache(queryPlanCache, service.registry),
    ...(directoryLookupCache ? { directoryLookupCache } : {}),
    metricsRegistry: service.registry,
    fetchMetrics: new SubgraphFetchMetrics(service.registry),
  });
  breakerGauges(service, registry, health);
  const authenticator = createGatewayAuthenticator(
    { ...(options.provinceTimeoutMs !== undefined ? { provinceTimeoutMs: options.provinceTimeoutMs } : {}), ...auth },
    options.provinceUrl,
    options.signingKeys,
  );
  const answers =
    zoneReadCache && fetchPath.answerCacheBytes > 0
      ? new AnswerCache({
          maxBytes: fetchPath.answerCacheBytes,
          zoneReads: zoneReadCache,
          observerOf: (size) => new AnswerCacheMetrics(service.registry, size),
        })
      : undefined;
  let ownership: SubgraphsOf = () => [];
  const variableChecks = operationVariableChecks(operationLimits, () => ownership, registry);
  // Apollo Server keeps automatic persisted queries (its default): the paths before it take them too.
  const clientOperations = new ClientOperations();
  if (fetchPath.preparedReads) {
    prepared = new PreparedReads({
      subgraphs: { lookup: PROVINCE_SUBGRAPH, entities: ZONES_SUBGRAPH },
      checks: variableChecks,
      operations: clientOperations,
      metrics: (entries) => new PreparedReadMetrics(service.registry, entries),
      ...(directoryLookupCache ? { keptLookup: (fetchOptions) => directoryLookupCache.keptAnswer(fetchOptions, shardMapOf) } : {}),
    });
  }
  const unsubscribeSchema = gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    ownership = subgraphOwnership(coreSupergraphSdl);
    answers?.clear();
    prepared?.clear();
  });
  const app = express();
  // The app, until the GraphQL route is set up beside it (withDirectRoute).
  let listener: RequestListener = app;
  const httpServer = createServer(expressMessageClasses(app), (req, res) => listener(req, res));
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: debug,
    formatError: formatGatewayError({ debug }),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      introspectionPolicyPlugin(fromEnvironment.introspection),
      gatewayErrorsPlugin(errorLog),
      graphqlMetricsPlugin(service),
      ...frontDoorPlugins(operationLimits, variableChecks),
      // Last: an answer is served from the cache only once every check above has passed.
      ...(answers ? [answerCachePlugin(answers, shardMapOf)] : []),
      ...(supergraphSource.mode === 'registry' ? [registryFollowPlugin(() => supergraphSource.manager.refresh())] : []),
    ],
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await server.start();

  app.disable('x-powered-by');
  // No client revalidates a GraphQL answer; express would hash every body for an ETag (static files keep theirs).
  app.disable('etag');
  const everyRequest = [
    observeHttpRequests({ metrics: service, routes: OBSERVED_ROUTES, log: errorLog }),
    ...(fetchPath.compression ? [compressAnswers()] : []),
  ];
  app.use(...everyRequest);
  const graphqlHandlers = [
    jsonBody({ limitBytes: BODY_LIMIT_BYTES }),
    requireAuthentication(authenticator, options.logger),
    ...(clientRateLimit === false ? [] : [rateLimitPerClient(clientKeyOf, clientRateLimit)]),
    operationPrecheck(operationLimits),
    graphqlHandler(
      server,
      createContext(shardMapNow ? { shardMap: shardMapNow } : {}),
      answers && new AnswerFastPath(answers, shardMapNow ?? (() => registry), clientOperations),
      prepared,
      clientOperations,
    ),
  ];
  // Client operations are POSTs: matched first, they skip the routers of pages and views
  // (and with withDirectRoute below, when the path is spelled exactly, the router itself).
  app.post(GRAPHQL_PATH, ...graphqlHandlers);
  app.get('/metrics', metricsHandler(service, metricsAccess));
  app.use(healthRouter({ registry }));
  app.use(readyRouter({ composer: supergraphManagerOf(supergraphSource), health, registry, ...registryStateOf(supergraphSource) }));
  app.use(graphiqlRouter({ endpointPath: GRAPHQL_PATH, ...(auth.devCredential ? { devCredential: auth.devCredential } : {}) }));
  app.use(dashboardRouter(auth.devCredential ? { devCredential: auth.devCredential } : {}));
  let selfUrl = '';
  app.use(viewsRouter({ graphqlUrl: () => selfUrl }));
  app.use(registryApiRouter({ graphqlUrl: () => selfUrl }));
  // GET (with Apollo's CSRF prevention) and other methods, after GraphiQL has taken browsers' page loads.
  app.use(GRAPHQL_PATH, ...graphqlHandlers);
  const answerErrors = jsonErrorHandler({ log: errorLog, bodyLimitLabel: BODY_LIMIT_LABEL });
  app.use(answerErrors);
  listener = withDirectRoute(app, { method: 'POST', path: GRAPHQL_PATH, handlers: [...everyRequest, ...graphqlHandlers], onError: answerErrors });

  try {
    await listen(httpServer, port, host);
  } catch (error) {
    await server.stop();
    throw error;
  }

  // Static mode recomposes when its registry changes; in registry mode the registry composes.
  const unsubscribe =
    supergraphSource.mode === 'static'
      ? registry.onChange(() => {
          answers?.clear();
          void supergraphSource.composer.refresh().catch(() => undefined);
        })
      : () => undefined;
  let stopping: Promise<void> | undefined;
  selfUrl = `http://${urlHost(host)}:${(httpServer.address() as AddressInfo).port}${GRAPHQL_PATH}`;
  return {
    url: selfUrl,
    gateway,
    refresh: (refreshOptions) => refreshOf(supergraphSource, refreshOptions),
    stop: () => {
      stopping ??= (async () => {
        unsubscribe();
        unsubscribeSchema();
        await server.stop();
      })();
      return stopping;
    },
  };
}

/**
 * The checks an operation passes once parsed and validated, in the order they
 * refuse: unknown operation, then the limits from the cheapest to the cost estimate.
 */
function frontDoorPlugins(limits: OperationLimits, variableChecks: readonly OperationCheck[]): ApolloServerPlugin<GatewayContext>[] {
  return [
    operationResolutionPlugin(),
    operationNameLimitPlugin(limits),
    armorLimitsPlugin(limits),
    rootFieldLimitPlugin(limits),
    ...variableChecks.map(operationCheckPlugin),
  ];
}

/**
 * The front door's checks whose verdict depends on an operation's variables (page sizes, the cost
 * estimate), in the order they refuse: Apollo Server runs them as plugins, and the prepared path
 * before every read it serves. The others depend on the document alone and passed when the read was prepared.
 */
function operationVariableChecks(limits: OperationLimits, subgraphsOf: () => SubgraphsOf, registry: ZoneServiceRegistry): OperationCheck[] {
  return [
    listSizeCheck(limits),
    fanOutCostCheck({
      ...limits,
      subgraphsOf,
      services: () => registry.services().length,
      fanOutSubgraph: ZONES_SUBGRAPH,
    }),
  ];
}

/** Every service's breaker on the gateway's `/metrics` (requests and errors are counted by the middleware and plugin, fetches by the data sources). */
function breakerGauges(service: ServiceMetrics, registry: ZoneServiceRegistry, health: ServiceHealthBoard): void {
  breakerStateGauge(service.registry, () => [
    { subgraph: PROVINCE_SUBGRAPH, service: PROVINCE_SUBGRAPH, state: health.breaker('province', PROVINCE_SUBGRAPH).snapshot().state.state },
    ...registry.services().map(({ name }) => ({ subgraph: ZONES_SUBGRAPH, service: name, state: health.breaker('zone', name).snapshot().state.state })),
  ]);
}

function supergraphManagerOf(source: SupergraphSource): { readonly supergraphSdl: string | undefined } {
  return source.mode === 'static' ? source.composer : source.manager;
}

/** Registry mode: `/ready` reports the registry version served. */
function registryStateOf(source: SupergraphSource): Pick<ReadyRouterOptions, 'registryState'> {
  return source.mode === 'registry' ? { registryState: () => source.manager.served } : {};
}

async function refreshOf(source: SupergraphSource, options: RefreshOptions = {}): Promise<RefreshResult> {
  if (source.mode === 'static') return source.composer.refresh(options);
  if (options.sdlOverrides) throw new Error('sdlOverrides apply to a gateway that composes (static mode): in registry mode the registry composes');
  const result = await source.manager.refresh();
  if (result.outcome !== 'rejected') return { outcome: result.outcome, supergraphSdl: result.supergraphSdl };
  return { outcome: 'rejected', reason: result.reason, problems: [{ message: result.message }], supergraphSdl: result.supergraphSdl };
}

/** The environment's configuration as `startGateway` takes it: registry mode reads the registry's database. */
function startOptionsOf(config: GatewayConfig): StartGatewayOptions {
  if (config.mode === 'static') {
    const { mode: _static, ...options } = config;
    return options;
  }
  const { mode: _registry, registrySource, ...options } = config;
  return { ...options, registrySource: registrySourceOf(registrySource) };
}

/**
 * `compression` for answers of 1 KiB or more (see `compressible`). A POST whose client accepts no
 * encoding skips it: it would only wrap the response and add `Vary` (no cache keeps POST answers),
 * and that is most GraphQL traffic from programs.
 */
function compressAnswers(): RequestHandler {
  const compress = compression({ threshold: COMPRESSION_THRESHOLD_BYTES, filter: compressible });
  return (req, res, next) => {
    if (req.method === 'POST' && !req.headers['accept-encoding']) next();
    else compress(req, res, next);
  };
}

/**
 * What `compression` compresses: its own choice (text types, the client accepts an encoding) except
 * the views. They stream with backpressure read from `res.writableNeedDrain`, which a compressing
 * response never sets (its `write` answers for the compressor's buffer): a large table would pile
 * up in the compressor. A proxy in front may compress them.
 */
function compressible(req: Request, res: Response): boolean {
  return !req.path.startsWith(VIEWS_PATH_PREFIX) && compression.filter(req, res);
}

/** Whom a request counts against for the rate limit: its principal, else its remote address. */
function clientKeyOf(req: IncomingMessage): string {
  const principal = principalOfRequest(req);
  return principal ? `principal:${principal.subject}` : `address:${req.socket.remoteAddress ?? 'unknown'}`;
}

function listen(httpServer: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
}

function urlHost(host: string | undefined): string {
  if (!host || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** `node dist/main.js`: configuration from the environment (see `loadGatewayConfig`). */
if (require.main === module) {
  runFromEnvironment({
    title: 'Gateway',
    start: () =>
      startGateway({
        ...startOptionsOf(loadGatewayConfig(process.env)),
        ...loadResilienceConfig(process.env),
        auth: loadGatewayAuthOptions(process.env),
        logger: createLogger('gateway'),
      }),
    readyLine: (gateway) => `Gateway ready at ${gateway.url} (GraphiQL: open it in a browser)`,
  });
}
