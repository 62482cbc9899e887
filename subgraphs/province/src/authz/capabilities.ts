import type { Principal, Role } from '@devzone/auth';
import { ERRORS } from '@devzone/errors';
import type { GraphQLError } from 'graphql';

/**
 * What a role may do, whatever zones it reads (docs/security.md, "Roles and scope").
 * - READ: directory, lookups, search, on-site meetings (within the read scope);
 * - ANALYSE: comparison, benchmark selection, peer suggestions, saved runs (own ones);
 * - ANY_RUN: read and delete every saved run, not only one's own;
 * - SERVICE_URLS: see internal service addresses;
 * - API_KEYS: issue, revoke and list API keys.
 */
export type Capability = 'READ' | 'ANALYSE' | 'ANY_RUN' | 'SERVICE_URLS' | 'API_KEYS';

export const CAPABILITY_ROLES: Readonly<Record<Capability, readonly Role[]>> = {
  READ: ['ADMIN', 'ANALYST', 'BI_READER', 'ZONE_SYSTEM'],
  ANALYSE: ['ADMIN', 'ANALYST'],
  ANY_RUN: ['ADMIN'],
  SERVICE_URLS: ['ADMIN'],
  API_KEYS: ['ADMIN'],
};

export function may(principal: Principal | null, capability: Capability): boolean {
  return !!principal && principal.roles.some((role) => CAPABILITY_ROLES[capability].includes(role));
}

/**
 * FORBIDDEN for a known caller whose roles do not allow `action`. The message
 * names the action and the roles it needs, never a zone: a refusal must not
 * tell whether some zone exists.
 */
export function forbidden(action: string, capability: Capability): GraphQLError {
  return ERRORS.FORBIDDEN.err(`${action} needs the role ${CAPABILITY_ROLES[capability].join(' or ')}`, { action });
}

/** The caller, when it may do `action`; UNAUTHENTICATED without one, FORBIDDEN otherwise. */
export function requireCapability(principal: Principal | null, capability: Capability, action: string): Principal {
  if (!principal) throw ERRORS.UNAUTHENTICATED.err(`${action} needs a credential`);
  if (!may(principal, capability)) throw forbidden(action, capability);
  return principal;
}
