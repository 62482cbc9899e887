import type { Request, Response } from 'express';
import { principalOfRequest } from './auth/requestPrincipal';
import type { GatewayContext } from './context';
import { requestIdOf } from './http/requestId';

/**
 * The context function of the express middleware: the request id `requestIdMiddleware`
 * gave the request, and the principal `requireAuthentication` established (null when none).
 */
export function createContext(): (args: { req: Request; res: Response }) => Promise<GatewayContext> {
  return async ({ req, res }) => ({
    requestId: requestIdOf(res),
    principal: principalOfRequest(req),
  });
}
