import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { pathOf } from './urlParts';

export interface DirectRoute {
  /** e.g. `POST` */
  readonly method: string;
  /** Matched exactly, query string aside: any other spelling goes through the app's router. */
  readonly path: string;
  /** Run in order, as express runs a route's handlers; the last one answers. */
  readonly handlers: readonly RequestHandler[];
  /** Where an error passed to `next` goes, as express's error handlers. */
  readonly onError: ErrorRequestHandler;
}

/**
 * The app, with one route served without express's router: the request and response get
 * the app's prototypes (`req.body`, `res.status`, `res.send`… work as in any express
 * handler), then the route's handlers run. Walking the router's layers for every client
 * operation cost the gateway ~4 % of its CPU; everything else goes to the app unchanged.
 */
export function withDirectRoute(app: Express, route: DirectRoute): RequestListener {
  return (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (incoming.method !== route.method || pathOf(incoming.url) !== route.path) {
      app(incoming, outgoing);
      return;
    }
    // What express's `app.handle` does before its router runs (the prototypes change nothing for
    // messages born with them: `expressMessageClasses`).
    const req = Object.setPrototypeOf(incoming, app.request) as Request;
    const res = Object.setPrototypeOf(outgoing, app.response) as Response;
    Object.assign(req, { res });
    Object.assign(res, { req, locals: Object.create(null) as Record<string, unknown> });
    let index = 0;
    const next: NextFunction = (error?: unknown) => {
      if (error !== undefined && error !== 'route' && error !== 'router') {
        // An error the handler declines (the answer has begun) ends the connection, as express's final handler does.
        route.onError(error, req, res, () => res.destroy());
        return;
      }
      const handler = route.handlers[index++];
      if (!handler) return;
      try {
        // As express 5: a handler's rejected promise is an error passed to `next`.
        const returned: unknown = handler(req, res, next);
        if (returned instanceof Promise) returned.catch(next);
      } catch (thrown) {
        next(thrown);
      }
    };
    next();
  };
}
