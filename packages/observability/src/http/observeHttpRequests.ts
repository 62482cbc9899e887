import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ServiceMetrics } from '../metrics/serviceMetrics';
import { bindRequestScope, requestScopeOf, type RequestScope } from '../requestScope';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming id is kept only when it is short and plain: it is echoed in headers and logs. */
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/** Whether an incoming `x-request-id` is kept as the request's id (else a new UUID is given). */
export function isWellFormedRequestId(incoming: string): boolean {
  return WELL_FORMED_REQUEST_ID.test(incoming);
}

/** Status counted for a request whose client went away before the answer was sent (nginx's convention). */
export const CLIENT_CLOSED_STATUS = 499;

export interface ObserveHttpRequestsOptions {
  readonly metrics: ServiceMetrics;
  /** The server's routes, as path prefixes (`/graphql`, `/views`); `/` matches only itself. Any other path is `other`. */
  readonly routes: readonly string[];
  /** One line per request goes here at `debug` (LOG_LEVEL=debug shows them). */
  readonly log: Logger;
}

/**
 * Middleware (express or plain node) that gives the request its id (a well-formed
 * incoming `x-request-id`, else a new UUID, answered in the `x-request-id` header),
 * ties the request's scope to it (`requestScopeOf(req)`) and, when the answer is sent, observes
 * `http_server_request_duration_seconds` with the operation name the GraphQL
 * plugin put in the scope.
 */
export function observeHttpRequests({ metrics, routes, log }: ObserveHttpRequestsOptions) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    const scope: RequestScope = { requestId: requestIdOf(req, res), operationName: undefined };
    bindRequestScope(req, scope);
    const route = routeOf(req.url ?? '/', routes);
    res.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const statusCode = res.writableFinished ? res.statusCode : CLIENT_CLOSED_STATUS;
      metrics.httpServer.observe({ method: req.method ?? 'GET', route, statusCode, operationName: scope.operationName, seconds });
      log.debug(
        {
          requestId: scope.requestId,
          method: req.method,
          route,
          status: statusCode,
          durationMs: Math.round(seconds * 1000),
          operationName: scope.operationName,
        },
        'request',
      );
    });
    next();
  };
}

/** `log` with the request's id on every line it writes (`log` itself for a request `observeHttpRequests` did not see). */
export function requestLog(log: Logger, req: IncomingMessage): Logger {
  const scope = requestScopeOf(req);
  return scope ? log.child({ requestId: scope.requestId }) : log;
}

function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const requestId = typeof incoming === 'string' && isWellFormedRequestId(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  return requestId;
}

/** The known route a path belongs to; `other` keeps unknown paths (scans, typos) out of the series. */
export function routeOf(url: string, routes: readonly string[]): string {
  const path = url.split('?')[0] ?? '/';
  const route = routes.find((known) => (known === '/' ? path === '/' : path === known || path.startsWith(`${known}/`)));
  return route ?? 'other';
}
