import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { Principal } from '@devzone/auth';
import express from 'express';
import { jsonBodyErrors, signedRequestsOnly, verifiedPrincipalOf, type SignedRequestsOnlyOptions } from './signedRequestsOnly';

export interface ServeSignedGraphQLOptions<TContext extends BaseContext> extends SignedRequestsOnlyOptions {
  /** Not started yet: it is started here. */
  readonly server: ApolloServer<TContext>;
  /** The GraphQL context of one verified request. */
  readonly context: (principal: Principal | null) => Promise<TContext>;
  /** @default 0 (a free port) */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
}

/** How long stopping waits for requests in flight. */
const STOP_GRACE_MS = 5000;

export interface ServedGraphQL {
  /** e.g. `http://127.0.0.1:4011/` */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Serves a subgraph at `/` for signed requests only (see `signedRequestsOnly`),
 * with an open `GET /health` for container healthchecks that says nothing but "ok".
 */
export async function serveSignedGraphQL<TContext extends BaseContext>(options: ServeSignedGraphQLOptions<TContext>): Promise<ServedGraphQL> {
  const { server, context, port = 0, host = '127.0.0.1' } = options;
  await server.start();
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/', ...signedRequestsOnly(options), expressMiddleware(server, { context: async ({ res }) => context(verifiedPrincipalOf(res)) }));
  app.use(jsonBodyErrors);
  const httpServer = createServer(app);
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
