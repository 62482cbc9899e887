import type { IncomingMessage } from 'node:http';
import type { Principal } from '@devzone/auth';

const principals = new WeakMap<IncomingMessage, Principal>();
const rawBodies = new WeakMap<IncomingMessage, Buffer>();

/** The caller `requireAuthentication` established for a request; null for requests it let through anonymously. */
export function principalOfRequest(req: IncomingMessage): Principal | null {
  return principals.get(req) ?? null;
}

export function rememberPrincipal(req: IncomingMessage, principal: Principal): void {
  principals.set(req, principal);
}

/** `express.json({ verify: keepRawBody })`: keeps the exact bytes, which a service signature covers. */
export function keepRawBody(req: IncomingMessage, _res: unknown, body: Buffer): void {
  rawBodies.set(req, body);
}

export function rawBodyOf(req: IncomingMessage): Buffer | undefined {
  return rawBodies.get(req);
}
