import type { RequestSigner } from '@devzone/subgraph-kit';
import { describeFetchFailure } from '../http/describeFetchFailure';
import type { HeldEntityId } from './lookupIds';

/** What a zone service said about one entity. */
export type Existence =
  | { status: 'FOUND' }
  | { status: 'MISSING' }
  /** The service answered for this entity with another error (e.g. ZONE_NOT_HOSTED): passed on as it is. */
  | { status: 'REFUSED'; code: string; message: string }
  /** The service failed, timed out or answered garbage. */
  | { status: 'UNAVAILABLE'; reason: string };

const EXISTENCE_QUERY = 'query ProvinceChecksExistence($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }';

interface EntitiesAnswer {
  data?: { _entities?: unknown } | null;
  errors?: { message?: unknown; path?: unknown; extensions?: { code?: unknown } }[];
}

/**
 * Asks the zone service hosting these entities whether they exist: one
 * `_entities` request for all of them, the same operation the gateway sends,
 * so existence means exactly what the gateway would find. Signed with `sign`:
 * zone services answer signed requests only.
 */
export async function askZoneService(url: string, entities: readonly HeldEntityId[], timeoutMs: number, sign: RequestSigner): Promise<Existence[]> {
  let answer: EntitiesAnswer;
  try {
    const body = JSON.stringify({ query: EXISTENCE_QUERY, variables: { representations: entities.map((e) => ({ __typename: e.type, id: e.id })) } });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sign(body) },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    try {
      answer = JSON.parse(text) as EntitiesAnswer;
    } catch {
      return entities.map(() => unavailable(`HTTP ${response.status}, not a GraphQL answer`));
    }
  } catch (error) {
    return entities.map(() => unavailable(describeFetchFailure(error, timeoutMs)));
  }
  const found = answer.data?._entities;
  if (!Array.isArray(found) || found.length !== entities.length) {
    const first = answer.errors?.[0]?.message;
    return entities.map(() => unavailable(typeof first === 'string' ? first : `expected ${entities.length} entities in the answer`));
  }
  return entities.map((_, i): Existence => {
    if (found[i] !== null && found[i] !== undefined) return { status: 'FOUND' };
    const error = answer.errors?.find((e) => Array.isArray(e.path) && e.path[0] === '_entities' && e.path[1] === i);
    const code = error?.extensions?.code;
    if (code === 'NOT_FOUND') return { status: 'MISSING' };
    const message = typeof error?.message === 'string' ? error.message : 'no entity and no error for it';
    return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' ? { status: 'REFUSED', code, message } : unavailable(message);
  });
}

const unavailable = (reason: string): Existence => ({ status: 'UNAVAILABLE', reason });
