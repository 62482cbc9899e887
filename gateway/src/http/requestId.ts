import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming id is kept only when it is short and plain: it is echoed in headers and logs. */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

const scope = new AsyncLocalStorage<string>();

/**
 * Gives every request an id: a well-formed incoming `x-request-id`, else a new
 * UUID. It is answered in the `x-request-id` header, kept in `res.locals` and in
 * an async scope, so that error formatting and logging find it anywhere below.
 */
export function requestIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get(REQUEST_ID_HEADER);
    const requestId = incoming && WELL_FORMED.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    scope.run(requestId, next);
  };
}

/** The id of the request being handled (undefined outside one). */
export function currentRequestId(): string | undefined {
  return scope.getStore();
}

/** The id `requestIdMiddleware` gave this response. */
export function requestIdOf(res: Response): string {
  const requestId: unknown = res.locals.requestId;
  return typeof requestId === 'string' ? requestId : (currentRequestId() ?? randomUUID());
}
