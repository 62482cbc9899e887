import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { runFromEnvironment } from '@devzone/service-shell';
import express from 'express';
import { loadGatewayConfig } from './config';
import { createGateway, type CreateGatewayOptions } from './createGateway';
import { graphiqlRouter } from './graphiql/graphiqlRouter';
import { healthRouter } from './http/healthRouter';
import { consoleLogger } from './logger';
import type { RefreshOptions, RefreshResult } from './supergraphManagers/FederatedComposer';

export interface StartGatewayOptions extends CreateGatewayOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 4000
   */
  readonly port?: number;
  /** @default all interfaces */
  readonly host?: string;
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  readonly url: string;
  readonly gateway: ApolloGateway;
  /** Recomposes the supergraph; the last good one keeps being served when this is rejected. */
  refresh(options?: RefreshOptions): Promise<RefreshResult>;
  /** Stops accepting requests, drains those in flight and stops the gateway. */
  stop(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

/**
 * Starts the gateway over HTTP (express 5): GraphQL at `/graphql`, GraphiQL at `/`
 * (and at `/graphql` for browsers), `GET /health`. Rejects if no supergraph can be
 * composed at start-up.
 */
export async function startGateway({ port = 4000, host, ...options }: StartGatewayOptions): Promise<RunningGateway> {
  const { gateway, composer } = createGateway(options);
  const app = express();
  const httpServer = createServer(app);
  const server = new ApolloServer({
    gateway,
    introspection: true,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginDrainHttpServer({ httpServer })],
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await server.start();

  app.use(healthRouter({ registry: options.registry }));
  app.use(graphiqlRouter({ endpointPath: GRAPHQL_PATH }));
  app.use(GRAPHQL_PATH, express.json({ limit: '1mb' }), expressMiddleware(server));

  try {
    await listen(httpServer, port, host);
  } catch (error) {
    await server.stop();
    throw error;
  }

  const unsubscribe = options.registry.onChange(() => {
    void composer.refresh().catch(() => undefined);
  });
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${(httpServer.address() as AddressInfo).port}${GRAPHQL_PATH}`,
    gateway,
    refresh: (refreshOptions) => composer.refresh(refreshOptions),
    stop: () => {
      stopping ??= (async () => {
        unsubscribe();
        await server.stop();
      })();
      return stopping;
    },
  };
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
    start: () => startGateway({ ...loadGatewayConfig(process.env), logger: consoleLogger }),
    readyLine: (gateway) => `Gateway ready at ${gateway.url} (GraphiQL: open it in a browser)`,
  });
}
