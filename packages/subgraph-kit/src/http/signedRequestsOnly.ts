import { decodePrincipal, verifyRequest, type Principal, type SigningKeys } from '@devzone/auth';
import { ERRORS } from '@devzone/errors';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** The body limit of a subgraph request: the gateway's own limit for a client request. */
export const SUBGRAPH_BODY_LIMIT = '1mb';

export interface SignedRequestsOnlyOptions {
  readonly keys: SigningKeys;
  /** @default Date.now */
  readonly now?: () => number;
}

/** The principal of a request that passed `signedRequestsOnly`; null when the signer forwarded none. */
export function verifiedPrincipalOf(res: Response): Principal | null {
  const principal: unknown = res.locals.principal;
  return principal && typeof principal === 'object' ? (principal as Principal) : null;
}

/** Answers with one GraphQL-shaped error (`{ errors: [{ message, extensions: { code } }] }`), as JSON. */
export function sendError(res: Response, status: number, message: string, code: string): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Lets through only requests signed by the gateway (or the province) with a
 * key of this deployment. The body is read raw so the signature is checked on
 * the exact bytes sent, and parsed as JSON only once it verified; the
 * principal header is decoded only then, so a direct caller cannot claim one.
 */
export function signedRequestsOnly({ keys, now = Date.now }: SignedRequestsOnlyOptions): RequestHandler[] {
  const readRaw = express.raw({ type: () => true, limit: SUBGRAPH_BODY_LIMIT });
  const verify = (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST') {
      sendError(res, 401, 'This service answers only POST requests signed by the gateway', ERRORS.UNAUTHENTICATED.code);
      return;
    }
    const body: unknown = req.body;
    const raw = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const verdict = verifyRequest({ keys, headers: req.headers, body: raw, now: now() });
    if (!verdict.ok) {
      sendError(res, 401, `This service answers only requests signed by the gateway: ${verdict.message}`, ERRORS.UNAUTHENTICATED.code);
      return;
    }
    try {
      req.body = JSON.parse(raw.toString('utf8'));
    } catch {
      sendError(res, 400, 'The request body is not JSON', ERRORS.BAD_REQUEST.code);
      return;
    }
    res.locals.principal = decodePrincipal(verdict.principalHeader);
    next();
  };
  return [readRaw, verify];
}

/** Body-reading failures (too large, aborted) as a JSON GraphQL error: never express's HTML page with a stack. */
export const jsonBodyErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const status = (error as { status?: unknown }).status;
  if (status === 413) sendError(res, 413, `The request body is larger than ${SUBGRAPH_BODY_LIMIT}`, ERRORS.BAD_REQUEST.code);
  else if (typeof status === 'number' && status >= 400 && status < 500) sendError(res, status, 'The request body could not be read', ERRORS.BAD_REQUEST.code);
  else sendError(res, 500, 'Internal server error', ERRORS.INTERNAL_SERVER_ERROR.code);
};
