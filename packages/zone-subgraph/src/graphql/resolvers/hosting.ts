import { ERRORS } from '@devzone/errors';
import { zoneIdOf } from '@devzone/registry';
import type { ZoneContext } from '../context.type';

/** A zone service answers only for its own zones: anything else is a routing mistake, said loudly. */
export function assertHosted(id: string, context: ZoneContext): void {
  const zoneId = zoneIdOf(id);
  if (!context.hostedZoneIds.has(zoneId)) {
    throw ERRORS.ZONE_NOT_HOSTED.err(`Zone "${zoneId}" is not hosted by this service (asked for "${id}")`, { zoneId, id });
  }
}
