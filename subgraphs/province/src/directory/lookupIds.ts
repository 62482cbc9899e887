import { ERRORS } from '@devzone/errors';
import { isZoneId, localIdOf, zoneIdOf } from '@devzone/registry';

/** Entities a zone holds that the province looks up by global id. */
export type HeldEntityType = 'Enterprise' | 'PartyOrganization';

export const HELD_ENTITY_LABEL: Readonly<Record<HeldEntityType, string>> = {
  Enterprise: 'enterprise',
  PartyOrganization: 'party organization',
};

export interface HeldEntityId {
  id: string;
  zoneId: string;
  type: HeldEntityType;
}

/**
 * Checks the shape of a lookup id. A malformed id can never name a record, so it
 * is BAD_USER_INPUT naming the argument; a well-formed id that names nothing is
 * NOT_FOUND, decided later.
 */
export function parseHeldEntityId(id: string, type: HeldEntityType, field = 'id'): HeldEntityId {
  const zoneId = zoneIdOf(id);
  if (!id.includes(':') || !isZoneId(zoneId) || localIdOf(id) === '') {
    throw ERRORS.BAD_USER_INPUT.err(`${field}: "${id}" is not ${article(HELD_ENTITY_LABEL[type])} id (expected <zoneId>:<localId>, e.g. "yongkang:sanfeng")`, {
      field,
      id,
    });
  }
  return { id, zoneId, type };
}

/** A zone id is lowercase letters, digits and dashes, without a colon. */
export function parseZoneId(id: string, field = 'id'): string {
  if (id.includes(':')) {
    throw ERRORS.BAD_USER_INPUT.err(`${field}: "${id}" is the id of something a zone holds; a zone id has no colon (e.g. "${zoneIdOf(id)}")`, { field, id });
  }
  if (!isZoneId(id))
    throw ERRORS.BAD_USER_INPUT.err(`${field}: "${id}" is not a zone id (lowercase letters, digits and dashes, e.g. "yongkang")`, { field, id });
  return id;
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);
