import { ERRORS } from '@devzone/errors';
import { GraphQLError } from 'graphql';
import { may, readableZoneById } from '../authz';
import type { DirectoryZoneRow } from '../db/entities';
import type { ProvinceContext } from '../graphql/context.type';
import { existenceLoaderFor } from './existenceLoader';
import { HELD_ENTITY_LABEL, parseHeldEntityId, parseZoneId, type HeldEntityType } from './lookupIds';

/**
 * Lookups by id answer the record or fail with an error saying why, whatever
 * fields are selected: BAD_USER_INPUT for a malformed id, NOT_FOUND (with the id)
 * for one that names nothing, ZONE_UNAVAILABLE / ZONE_NOT_ROUTED when the zone
 * that would hold it cannot say. A zone outside the caller's scope, or anything
 * it holds, is NOT_FOUND with the very message of an unknown one: the answer
 * never tells whether it exists, and the zone service is not even asked.
 */
export async function lookupZone(ctx: ProvinceContext, id: string): Promise<DirectoryZoneRow> {
  const zoneId = parseZoneId(id);
  const row = await readableZoneById(ctx, zoneId);
  if (!row) throw ERRORS.NOT_FOUND.err(`zone "${id}" not found (see zones)`, { id });
  return row;
}

/**
 * A reference to an entity a zone holds, once its zone service has said it
 * exists: with only `id` selected the gateway would never ask the zone.
 */
export async function lookupHeldEntity(ctx: ProvinceContext, id: string, type: HeldEntityType): Promise<{ id: string }> {
  const entity = parseHeldEntityId(id, type);
  const label = HELD_ENTITY_LABEL[type];
  const { zoneId } = entity;
  if (!(await readableZoneById(ctx, zoneId))) throw ERRORS.NOT_FOUND.err(`${label} "${id}" not found`, { id });
  const outcome = await existenceLoaderFor(ctx).load(entity);
  switch (outcome.status) {
    case 'FOUND':
      return { id };
    case 'MISSING':
      throw ERRORS.NOT_FOUND.err(`${label} "${id}" not found in zone "${zoneId}"`, { id, zoneId });
    case 'NOT_ROUTED':
      throw ERRORS.ZONE_NOT_ROUTED.err(`Zone "${zoneId}" is not hosted by any registered zone service (looking up ${label} "${id}")`, { zoneId, id });
    case 'UNAVAILABLE':
      // Why a service failed can carry its address (ECONNREFUSED host:port): internal addresses are for administrators.
      throw ERRORS.ZONE_UNAVAILABLE.err(
        `Zone "${zoneId}" (service "${outcome.service}") is unavailable${may(ctx.principal, 'SERVICE_URLS') ? `: ${outcome.reason}` : ''}`,
        {
          zoneId,
          service: outcome.service,
          id,
        },
      );
    case 'REFUSED':
      throw new GraphQLError(outcome.message, { extensions: { code: outcome.code, zoneId, service: outcome.service, id } });
  }
}
