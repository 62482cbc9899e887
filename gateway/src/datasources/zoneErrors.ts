import type { GraphQLFormattedError } from 'graphql';
import { ERRORS } from '@devzone/errors';

/**
 * Errors carry the path `["_entities", i]` of the zone's first entity so that the
 * gateway maps them onto the response path of that entity.
 */
export function zoneUnavailableError(zoneId: string, service: string, reason: string, index: number): GraphQLFormattedError {
  const error = ERRORS.ZONE_UNAVAILABLE.err(`Zone "${zoneId}" (service "${service}") is unavailable: ${reason}`, {
    zoneId,
    service,
  });
  return { ...error.toJSON(), path: ['_entities', index] };
}

export function zoneNotRoutedError(zoneId: string | null, index: number): GraphQLFormattedError {
  const message =
    zoneId === null ? `Entity representation ${index} carries no "id" to route on` : `Zone "${zoneId}" is not hosted by any registered zone service`;
  return { ...ERRORS.ZONE_NOT_ROUTED.err(message, { zoneId }).toJSON(), path: ['_entities', index] };
}
