import { ERRORS } from '@devzone/errors';
import type { GraphQLError } from 'graphql';
import { classifyDatabaseFailure } from './databaseFailure';

/** The service answering, and the zone a failure concerns when it is known. */
export interface FailureSite {
  readonly service: string;
  readonly zoneId?: string;
  /** The argument or field the request was resolving, named when the database refused one of its values. */
  readonly field?: string;
}

/**
 * A database failure as the client may see it, without the driver's words (which
 * carry SQL, values and addresses): a refused value is BAD_USER_INPUT, anything
 * else is ZONE_UNAVAILABLE naming the zone and the service. Null for any other error.
 */
export function databaseFailureError(error: unknown, site: FailureSite): GraphQLError | null {
  const failure = classifyDatabaseFailure(error);
  if (!failure) return null;
  const { service, zoneId, field } = site;
  if (failure === 'input') {
    const named = field ?? 'input';
    return ERRORS.BAD_USER_INPUT.err(`${named}: holds a value the database of service "${service}" cannot read`, { field: named });
  }
  const who = zoneId ? `Zone "${zoneId}" (service "${service}")` : `Service "${service}"`;
  return ERRORS.ZONE_UNAVAILABLE.err(`${who} is unavailable: its database failed`, { ...(zoneId ? { zoneId } : {}), service });
}
