import type { ZoneServiceProbe } from '@devzone/registry';
import type { RequestSigner } from '@devzone/subgraph-kit';
import { describeFetchFailure } from '../http/describeFetchFailure';

const SDL_QUERY = 'query RegistryProbesSchema { _service { sdl } }';
const ZONES_QUERY = 'query RegistryProbesZones($representations: [_Any!]!) { _entities(representations: $representations) { ... on Zone { id } } }';

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message?: unknown; path?: unknown }[];
}

/**
 * The registry's live checks of a candidate zone service, over HTTP, signed like every
 * request a zone service answers: its schema, and each claimed zone resolved as an entity
 * exactly as the gateway will ask for it.
 */
export class HttpZoneServiceProbe implements ZoneServiceProbe {
  constructor(
    private readonly sign: RequestSigner,
    private readonly timeoutMs: number,
  ) {}

  async fetchSdl(url: string): Promise<string> {
    const answer = await this.post(url, SDL_QUERY, {});
    const service = answer.data?._service as { sdl?: unknown } | null | undefined;
    if (typeof service?.sdl !== 'string') throw new Error(`not a federated subgraph: ${firstError(answer) ?? 'no _service.sdl in its answer'}`);
    return service.sdl;
  }

  async resolveZones(url: string, zoneIds: readonly string[]): Promise<ReadonlyMap<string, string | null>> {
    const answer = await this.post(url, ZONES_QUERY, { representations: zoneIds.map((id) => ({ __typename: 'Zone', id })) });
    const entities = answer.data?._entities;
    const outcomes = new Map<string, string | null>();
    zoneIds.forEach((zoneId, i) => {
      if (!Array.isArray(entities)) {
        outcomes.set(zoneId, `no entities in the answer: ${firstError(answer) ?? 'no error given'}`);
        return;
      }
      const entity = entities[i] as { id?: unknown } | null | undefined;
      if (entity?.id === zoneId) outcomes.set(zoneId, null);
      else if (entity && entity.id !== undefined) outcomes.set(zoneId, `resolved as zone "${String(entity.id)}"`);
      else outcomes.set(zoneId, errorAt(answer, i) ?? 'it answered null without an error');
    });
    return outcomes;
  }

  private async post(url: string, query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer> {
    const body = JSON.stringify({ query, variables });
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.sign(body) },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new Error(`unreachable: ${describeFetchFailure(error, this.timeoutMs)}`);
    }
    const text = await response.text();
    let answer: GraphQLAnswer;
    try {
      answer = JSON.parse(text) as GraphQLAnswer;
    } catch {
      throw new Error(`answered HTTP ${response.status} without a GraphQL answer`);
    }
    if (!response.ok && !answer.data) throw new Error(`answered HTTP ${response.status}: ${firstError(answer) ?? text.slice(0, 200)}`);
    return answer;
  }
}

function firstError(answer: GraphQLAnswer): string | undefined {
  const message = answer.errors?.[0]?.message;
  return typeof message === 'string' ? message : undefined;
}

function errorAt(answer: GraphQLAnswer, index: number): string | undefined {
  const error = answer.errors?.find((e) => Array.isArray(e.path) && e.path[0] === '_entities' && e.path[1] === index);
  return typeof error?.message === 'string' ? error.message : undefined;
}
