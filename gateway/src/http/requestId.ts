import { randomUUID } from 'node:crypto';
import { currentRequestScope } from '@devzone/observability';
import type { RequestHandler, Response } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming id is kept only when it is short and plain: it is echoed in headers and logs. */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/**
 * Gives every request an id: a well-formed incoming `x-request-id`, else a new
 * UUID. It is answered in the `x-request-id` header and kept in `res.locals`, where
 * `observeHttpRequests` (next in the chain) takes it into the request's scope, so that
 * error formatting and logging find it anywhere below.
 */
export function requestIdMiddleware(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get(REQUEST_ID_HEADER);
    const requestId = incoming && WELL_FORMED.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    next();
  };
}

/** The id of the request being handled (undefined outside one): the request scope's, one async store for every signal. */
export function currentRequestId(): string | undefined {
  return currentRequestScope()?.requestId;
}

/** The id `requestIdMiddleware` gave this response. */
export function requestIdOf(res: Response): string {
  const requestId: unknown = res.locals.requestId;
  return typeof requestId === 'string' ? requestId : (currentRequestId() ?? randomUUID());
}
