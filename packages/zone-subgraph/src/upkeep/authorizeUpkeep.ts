import { ERRORS } from '@devzone/errors';
import { isZoneId } from '@devzone/registry';
import type { Principal } from '@devzone/subgraph-kit';

/** Whether the caller may change zone `zoneId`: an administrator, or the zone's own zone system. */
export function mayKeepZone(principal: Principal | null, zoneId: string): boolean {
  if (!principal) return false;
  return principal.roles.includes('ADMIN') || (principal.roles.includes('ZONE_SYSTEM') && principal.zoneIds.includes(zoneId));
}

/**
 * The caller of an upkeep mutation (`action`) on zone `zoneId`, or the error:
 * UNAUTHENTICATED without a principal, BAD_USER_INPUT for a malformed zone id,
 * FORBIDDEN naming the zone for anyone but an administrator or the zone's own
 * zone system (decided before looking the zone up, so it tells nothing of
 * zones the caller may not change), NOT_FOUND naming it when this service does
 * not host it.
 */
export function authorizeUpkeep(principal: Principal | null, zoneId: string, hostedZoneIds: ReadonlySet<string>, action: string): Principal {
  if (!principal) throw ERRORS.UNAUTHENTICATED.err(`${action} needs a credential`);
  if (!isZoneId(zoneId)) throw ERRORS.BAD_USER_INPUT.err('zoneId: must be a zone id (lowercase letters, digits, dashes)', { field: 'zoneId' });
  if (!mayKeepZone(principal, zoneId))
    throw ERRORS.FORBIDDEN.err(
      `${action}: zone "${zoneId}" is changed only by an administrator or by its own zone system (ZONE_SYSTEM with "${zoneId}" among its zones)`,
      {
        action,
        zoneId,
      },
    );
  if (!hostedZoneIds.has(zoneId)) throw ERRORS.NOT_FOUND.err(`zone "${zoneId}" is not hosted by this zone service`, { id: zoneId, zoneId });
  return principal;
}
