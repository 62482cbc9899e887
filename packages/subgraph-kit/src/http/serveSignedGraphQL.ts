import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { Principal } from '@devzone/auth';
import {
  carryRequestScope,
  createLogger,
  createServiceMetrics,
  databasePoolGauges,
  graphqlMetricsPlugin,
  metricsAccessFromEnv,
  metricsHandler,
  observeHttpRequests,
  requestLog,
  typeormPoolReading,
  type DatabasePoolReading,
  type ServiceMetrics,
} from '@devzone/observability';
import { expressMessageClasses } from '@devzone/service-shell';
import express from 'express';
import { ERRORS } from '@devzone/errors';
import { jsonBodyErrors, sendError, signedRequestsOnly, verifiedPrincipalOf, type SignedRequestsOnlyOptions } from './signedRequestsOnly';

/** One verified request to a signed route: its JSON body, and the principal the signer forwarded (null when none). */
export interface SignedRouteRequest {
  readonly body: unknown;
  readonly principal: Principal | null;
}

/** What a signed route answers: a status and a body sent as `application/json`. */
export interface SignedRouteAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** A JSON endpoint beside the GraphQL one, behind the same signature check (`POST` only, signed body). */
export interface SignedRoute {
  /** Under the service URL, e.g. `/data-versions`. */
  readonly path: `/${string}`;
  /** A throw is answered 500 `INTERNAL_SERVER_ERROR` (and logged): answer expected failures yourself. */
  readonly handle: (request: SignedRouteRequest) => Promise<SignedRouteAnswer>;
}

export interface ServeSignedGraphQLOptions<TContext extends BaseContext> extends SignedRequestsOnlyOptions {
  /** Not started yet: it is started here. */
  readonly server: ApolloServer<TContext>;
  /** The GraphQL context of one verified request. */
  readonly context: (principal: Principal | null) => Promise<TContext>;
  /** @default 0 (a free port) */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Names the service's log lines. @default 'subgraph' */
  readonly name?: string;
  /**
   * The database pool `/metrics` reports.
   * @default the pool of the TypeORM `dataSource` the service puts in its context, once a request has built one
   */
  readonly databasePool?: () => DatabasePoolReading | undefined;
  /** Mounted before GraphQL, each signed like it. @default [] */
  readonly signedRoutes?: readonly SignedRoute[];
  /** Where `/metrics` reads from, for a service that counts more of its own there. @default a new registry */
  readonly metrics?: ServiceMetrics;
}

/** How long stopping waits for requests in flight. */
const STOP_GRACE_MS = 5000;

/** The routes `http_server_request_duration_seconds` tells apart; any other path counts as `other`. */
const OBSERVED_ROUTES = ['/', '/health', '/metrics'];

export interface ServedGraphQL {
  /** e.g. `http://127.0.0.1:4011/` */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Serves a subgraph at `/` for signed requests only (see `signedRequestsOnly`),
 * and the `signedRoutes` beside it under the same check, with an open `GET /health` for container healthchecks that says nothing but "ok",
 * and `GET /metrics` (Prometheus: requests, errors by code, the database pool) for
 * the callers METRICS_PUBLIC/METRICS_TOKEN allow (docs/operations.md).
 */
export async function serveSignedGraphQL<TContext extends BaseContext>(options: ServeSignedGraphQLOptions<TContext>): Promise<ServedGraphQL> {
  const { server, context, port = 0, host = '127.0.0.1', signedRoutes = [] } = options;
  const log = createLogger(options.name ?? 'subgraph');
  const metricsAccess = metricsAccessFromEnv(process.env);
  const metrics = options.metrics ?? createServiceMetrics();
  let poolSource: unknown;
  const databasePool = options.databasePool ?? (() => typeormPoolReading(poolSource));
  databasePoolGauges(metrics.registry, () => [databasePool()].filter((pool) => pool !== undefined));
  server.addPlugin(graphqlMetricsPlugin(metrics));
  await server.start();
  const app = express();
  app.disable('x-powered-by');
  // No client revalidates a GraphQL answer; express would hash every body for an ETag.
  app.disable('etag');
  app.use(
    observeHttpRequests({
      metrics,
      routes: [...OBSERVED_ROUTES, ...signedRoutes.map((route) => route.path)],
      log,
    }),
  );
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/metrics', metricsHandler(metrics, metricsAccess));
  const contextOf = async (principal: Principal | null): Promise<TContext> => {
    const built = await context(principal);
    // Zone services and the province hand their TypeORM DataSource to every resolver: its pool is the one to report.
    poolSource ??= (built as { dataSource?: unknown }).dataSource;
    return built;
  };
  for (const route of signedRoutes) {
    app.all(route.path, ...signedRequestsOnly(options), async (req, res) => {
      try {
        const answer = await route.handle({ body: req.body as unknown, principal: verifiedPrincipalOf(res) });
        res.status(answer.status).type('application/json').send(JSON.stringify(answer.body));
      } catch (error) {
        requestLog(log, req).error({ err: error, route: route.path }, 'signed route failed');
        sendError(res, 500, 'Internal server error', ERRORS.INTERNAL_SERVER_ERROR.code);
      }
    });
  }
  app.use(
    '/',
    ...signedRequestsOnly(options),
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        const built = await contextOf(verifiedPrincipalOf(res));
        // The metrics plugin names the operation in the request's scope, found by the context.
        carryRequestScope(req, built);
        return built;
      },
    }),
  );
  app.use(jsonBodyErrors);
  const httpServer = createServer(expressMessageClasses(app), app);
  try {
    await listen(httpServer, port, host);
  } catch (error) {
    await server.stop();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${(httpServer.address() as AddressInfo).port}/`,
    stop: () => {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeIdleConnections();
          // Requests still running after the grace period are cut, as Apollo's drain plugin does.
          setTimeout(() => httpServer.closeAllConnections(), STOP_GRACE_MS).unref();
        });
        await server.stop();
      })();
      return stopping;
    },
  };
}

function listen(httpServer: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
