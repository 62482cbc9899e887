import type { GraphQLFormattedError } from 'graphql';
import type { ZoneRoute } from '../zoneReader/zoneRoute';
import type { HeldEntityId } from './lookupIds';

/** What a zone service said about one entity. */
export type Existence =
  | { status: 'FOUND' }
  | { status: 'MISSING' }
  /** The service answered for this entity with another error (e.g. ZONE_NOT_HOSTED): passed on as it is. */
  | { status: 'REFUSED'; code: string; message: string }
  /** The service failed, timed out, is behind an open breaker or answered garbage. */
  | { status: 'UNAVAILABLE'; reason: string };

/** What the province learnt about one entity and from which service; NOT_ROUTED when no service hosts its zone. */
export type ExistenceOutcome = (Existence & { service: string }) | { status: 'NOT_ROUTED' };

const EXISTENCE_QUERY = 'query ProvinceChecksExistence($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }';

/**
 * Asks the zone services hosting these entities whether they exist: one `_entities`
 * request per service for all of its entities, the same operation the gateway sends, so
 * existence means exactly what the gateway would find. Sent through the shard router
 * (deadline, breaker, retry, answers checked entity by entity), signed for the caller.
 */
export async function askZoneServices(route: ZoneRoute, entities: readonly HeldEntityId[]): Promise<ExistenceOutcome[]> {
  const servedBy = new Map<string, string>();
  const answer = await route.router.fetchEntities({
    query: EXISTENCE_QUERY,
    representations: entities.map((entity) => ({ __typename: entity.type, id: entity.id })),
    serviceForZone: (zoneId) => {
      const service = route.shardMap.serviceForZone(zoneId);
      if (service) servedBy.set(zoneId, service.name);
      return service;
    },
    send: route.send,
    budget: route.budget,
  });
  const failed = new Map(answer.failures.map((failure) => [failure.zoneId, failure]));
  return entities.map((entity, i): ExistenceOutcome => {
    const failure = failed.get(entity.zoneId);
    if (failure) return failure.service === null ? { status: 'NOT_ROUTED' } : { status: 'UNAVAILABLE', reason: failure.reason, service: failure.service };
    const service = servedBy.get(entity.zoneId)!;
    if (answer.entities[i] !== null && answer.entities[i] !== undefined) return { status: 'FOUND', service };
    return { ...existenceOfMissing(answer.errors.find((error) => error.path?.[0] === '_entities' && error.path[1] === i)), service };
  });
}

/** An entity answered null: not found, refused with the service's own code, or unavailable when it says nothing better. */
function existenceOfMissing(error: GraphQLFormattedError | undefined): Existence {
  const code = error?.extensions?.code;
  if (code === 'NOT_FOUND') return { status: 'MISSING' };
  const message = error?.message ?? 'no entity and no error for it';
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' ? { status: 'REFUSED', code, message } : { status: 'UNAVAILABLE', reason: message };
}
