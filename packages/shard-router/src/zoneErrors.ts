import type { GraphQLFormattedError } from 'graphql';
import { ERRORS } from '@devzone/errors';

/** Set when the call was refused by the service's circuit breaker without being sent. */
export type BreakerRefusal = 'OPEN' | 'HALF_OPEN' | undefined;

/** What else a zone's unavailability says: the breaker that refused the call, the codes of the errors its service answered. */
export interface UnavailableDetail {
  readonly breaker?: BreakerRefusal;
  readonly serviceCodes?: readonly string[];
}

/**
 * Errors carry the path `["_entities", i]` of the zone's first entity so that the
 * gateway maps them onto the response path of that entity.
 */
export function zoneUnavailableError(
  zoneId: string,
  service: string,
  reason: string,
  index: number,
  { breaker, serviceCodes }: UnavailableDetail = {},
): GraphQLFormattedError {
  const error = ERRORS.ZONE_UNAVAILABLE.err(`Zone "${zoneId}" (service "${service}") is unavailable: ${reason}`, {
    zoneId,
    service,
    ...(breaker ? { breaker } : {}),
    ...(serviceCodes && serviceCodes.length > 0 ? { serviceCodes: [...serviceCodes] } : {}),
  });
  return { ...error.toJSON(), path: ['_entities', index] };
}

/**
 * The province (or another single-service subgraph) failed, timed out or is behind an
 * open breaker. The registry has no code of its own for it yet: `ZONE_UNAVAILABLE`
 * with `service` and no `zoneId`.
 */
export function serviceUnavailableError(service: string, reason: string, { breaker, serviceCodes }: UnavailableDetail = {}): GraphQLFormattedError {
  const error = ERRORS.ZONE_UNAVAILABLE.err(`Service "${service}" is unavailable: ${reason}`, {
    service,
    ...(breaker ? { breaker } : {}),
    ...(serviceCodes && serviceCodes.length > 0 ? { serviceCodes: [...serviceCodes] } : {}),
  });
  return error.toJSON();
}

export function zoneNotRoutedError(zoneId: string | null, index: number): GraphQLFormattedError {
  const message =
    zoneId === null ? `Entity representation ${index} carries no "id" to route on` : `Zone "${zoneId}" is not hosted by any registered zone service`;
  return { ...ERRORS.ZONE_NOT_ROUTED.err(message, { zoneId }).toJSON(), path: ['_entities', index] };
}
