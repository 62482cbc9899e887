import type { IncomingMessage } from 'node:http';
import type { Principal } from '@devzone/auth';

const principals = new WeakMap<IncomingMessage, Principal>();

/** The caller `requireAuthentication` established for a request; null for requests it let through anonymously. */
export function principalOfRequest(req: IncomingMessage): Principal | null {
  return principals.get(req) ?? null;
}

export function rememberPrincipal(req: IncomingMessage, principal: Principal): void {
  principals.set(req, principal);
}
