import { createHash } from 'node:crypto';
import type { Principal } from '@devzone/auth';

/** An `_entities` fetch as the key reads it: `representations`, if among the variables, is left out. */
export interface FetchRequest {
  readonly query?: string | undefined;
  readonly variables?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * What every entity of one fetch shares in its key: the fetch's query text, its variables
 * other than `representations`, and the principal forwarded with it (the zone services
 * answer by the caller's scope). A digest, so that per-entity keys stay short.
 */
export function fetchScopeOf(request: FetchRequest, principal: Principal | null | undefined): string {
  const { representations: _representations, ...variables } = request.variables ?? {};
  return digest(JSON.stringify([request.query ?? '', variables, principal ?? null]));
}

/** What one entity's answer depends on besides its fetch: the representation asked, its zone, the service hosting it and that zone's data version there. */
export interface EntityKeyParts {
  readonly fetchScope: string;
  /** Name and URL of the hosting service: versions count per database. */
  readonly service: string;
  readonly zoneId: string;
  readonly version: string;
  readonly representation: unknown;
}

/**
 * The key an entity is stored under: every part, as JSON (unambiguous). Not a digest: a read
 * of 400 zones makes 400 keys, and hashing each cost more than the rest of a cached read's lookups.
 */
export function entryKeyOf({ fetchScope, service, zoneId, version, representation }: EntityKeyParts): string {
  return JSON.stringify([fetchScope, service, zoneId, version, representation]);
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
