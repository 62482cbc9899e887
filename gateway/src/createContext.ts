import { carryRequestScope } from '@devzone/observability';
import type { ZoneServiceRegistry } from '@devzone/registry';
import type { Request, Response } from 'express';
import { answerLookedUp, versionsSeenBy } from './answerCache/answerFastPath';
import { principalOfRequest } from './auth/requestPrincipal';
import type { GatewayContext } from './context';
import { requestIdOf } from './http/requestId';

export interface CreateContextOptions {
  /** The shard map as it is now (an immutable snapshot), taken once per request. */
  readonly shardMap?: () => ZoneServiceRegistry;
}

/**
 * The context function of the express middleware: the request id `observeHttpRequests`
 * gave the request, the principal `requireAuthentication` established (null when none)
 * and, when the zone services can change at runtime, the shard map at the request's start.
 * The context is tied to the request's scope, where the metrics plugin names the operation.
 */
export function createContext({ shardMap }: CreateContextOptions = {}): (args: { req: Request; res: Response }) => Promise<GatewayContext> {
  return async ({ req, res }) => {
    const context: GatewayContext = {
      requestId: requestIdOf(res),
      principal: principalOfRequest(req),
      ...(shardMap ? { shardMap: shardMap() } : {}),
      ...(answerLookedUp(req) ? { answerLookedUp: true as const } : {}),
      zoneVersionsSeen: versionsSeenBy(req),
    };
    carryRequestScope(req, context);
    return context;
  };
}
