/**
 * Who is asking, as every service sees it. The gateway establishes it from a
 * credential (a signed token or an API key) and forwards it to the subgraphs
 * in the `x-devzone-principal` header, which the request signature covers: a
 * service trusts the header only on a request whose signature verifies.
 */
export type Role = 'ADMIN' | 'ANALYST' | 'ZONE_SYSTEM' | 'BI_READER';

export const ROLES: readonly Role[] = ['ADMIN', 'ANALYST', 'ZONE_SYSTEM', 'BI_READER'];

export interface Principal {
  /** Stable id of the caller: `key:<keyId>` for an API key (the dev credential is one too), `jwt:<issuer>/<sub>` for a token. */
  readonly subject: string;
  readonly roles: readonly Role[];
  /** Province codes whose zones the caller may read; 'ALL' for national roles and administrators. */
  readonly provinces: readonly string[] | 'ALL';
  /** Zones a zone system may change (its own); empty for every other role. */
  readonly zoneIds: readonly string[];
}

/** The header that carries the principal from the gateway to the subgraphs. */
export const PRINCIPAL_HEADER = 'x-devzone-principal';

export const hasRole = (principal: Principal | null | undefined, role: Role): boolean => principal?.roles.includes(role) ?? false;
