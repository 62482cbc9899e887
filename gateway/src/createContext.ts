import type { IncomingMessage } from 'node:http';
import type { Principal } from '@devzone/auth';
import type { Request, Response } from 'express';
import type { GatewayContext } from './context';
import { requestIdOf } from './http/requestId';

/** Establishes who is asking; null for an anonymous request. */
export type Authenticate = (req: IncomingMessage) => Promise<Principal | null>;

export interface CreateContextOptions {
  /**
   * Where authentication plugs in (main.ts passes the principal `requireAuthentication` established).
   * @default every request is anonymous (principal null)
   */
  readonly authenticate?: Authenticate;
}

/** The context function of the express middleware: the request id `requestIdMiddleware` gave the request, and its principal. */
export function createContext({ authenticate = async () => null }: CreateContextOptions = {}): (args: {
  req: Request;
  res: Response;
}) => Promise<GatewayContext> {
  return async ({ req, res }) => ({
    requestId: requestIdOf(res),
    principal: await authenticate(req),
  });
}
