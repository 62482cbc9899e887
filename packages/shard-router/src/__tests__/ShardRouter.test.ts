import { StaticZoneServiceRegistry, type ZoneServiceEntry } from '@devzone/registry';
import { CHECKED_ID } from '../entityIdCheck';
import { Resilience } from '../resilience';
import { ShardRouter } from '../ShardRouter';
import type { ServiceRequest, SubgraphAnswer } from '../subgraphAnswer';

const registry = new StaticZoneServiceRegistry([
  { name: 'anhui', url: 'http://anhui.test/graphql', zoneIds: ['chuzhou', 'feixi'] },
  { name: 'jiangsu', url: 'http://jiangsu.test/graphql', zoneIds: ['chengxi'] },
]);
const QUERY = 'query($representations: [_Any!]!, $codes: [String!]) { _entities(representations: $representations) { ... on Zone { name } } }';
const zone = (id: string) => ({ __typename: 'Zone', id });

/** A service answering each representation with its id and the service's name. */
async function answering(service: ZoneServiceEntry, request: ServiceRequest): Promise<SubgraphAnswer> {
  const representations = request.variables.representations as { id: string }[];
  return { data: { _entities: representations.map(({ id }) => ({ name: `${id}@${service.name}`, [CHECKED_ID]: id })) } };
}

function routerAndBudget() {
  const resilience = new Resilience({ retryMaxJitterMs: 0, timeoutMs: 200 });
  return { router: new ShardRouter({ resilience }), budget: resilience.budgets.forOperation(undefined) };
}

describe('ShardRouter.fetchEntities', () => {
  it('sends each service its own representations, with the other variables and the id check, and reassembles in order', async () => {
    const { router, budget } = routerAndBudget();
    const sent: { service: string; request: ServiceRequest }[] = [];
    const result = await router.fetchEntities({
      query: QUERY,
      representations: [zone('chengxi'), zone('chuzhou'), zone('feixi')],
      variables: { codes: ['a'] },
      serviceForZone: (zoneId) => registry.serviceForZone(zoneId),
      send: (service, request) => {
        sent.push({ service: service.name, request });
        return answering(service, request);
      },
      budget,
    });
    expect(result).toEqual({
      entities: [{ name: 'chengxi@jiangsu' }, { name: 'chuzhou@anhui' }, { name: 'feixi@anhui' }],
      errors: [],
      failures: [],
    });
    expect(sent.map((s) => [s.service, s.request.variables])).toEqual([
      ['jiangsu', { codes: ['a'], representations: [zone('chengxi')] }],
      ['anhui', { codes: ['a'], representations: [zone('chuzhou'), zone('feixi')] }],
    ]);
    expect(sent[0]!.request.query).toContain(`${CHECKED_ID}: id`);
  });

  it('reports every zone of a failed service and every unrouted zone, and still answers the others', async () => {
    const { router, budget } = routerAndBudget();
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } });
    const result = await router.fetchEntities({
      query: QUERY,
      representations: [zone('chuzhou'), zone('chengxi'), zone('feixi'), zone('atlantis')],
      serviceForZone: (zoneId) => registry.serviceForZone(zoneId),
      send: (service, request) => (service.name === 'anhui' ? Promise.reject(refused) : answering(service, request)),
      budget,
    });
    expect(result.entities).toEqual([null, { name: 'chengxi@jiangsu' }, null, null]);
    expect(result.failures).toEqual([
      {
        zoneId: 'chuzhou',
        service: 'anhui',
        message: 'Zone "chuzhou" (service "anhui") is unavailable: fetch failed (ECONNREFUSED)',
        reason: 'fetch failed (ECONNREFUSED)',
      },
      {
        zoneId: 'feixi',
        service: 'anhui',
        message: 'Zone "feixi" (service "anhui") is unavailable: fetch failed (ECONNREFUSED)',
        reason: 'fetch failed (ECONNREFUSED)',
      },
      {
        zoneId: 'atlantis',
        service: null,
        message: 'Zone "atlantis" is not hosted by any registered zone service',
        reason: 'no registered zone service hosts it',
      },
    ]);
    expect(result.errors.map((error) => [error.extensions?.code, error.path])).toEqual([
      ['ZONE_UNAVAILABLE', ['_entities', 0]],
      ['ZONE_UNAVAILABLE', ['_entities', 2]],
      ['ZONE_NOT_ROUTED', ['_entities', 3]],
    ]);
  });

  it('refuses an answer that gives another entity than the one asked, and opens the breaker after repeated failures', async () => {
    const resilience = new Resilience({ retryMaxJitterMs: 0, breakerFailureThreshold: 2 });
    const router = new ShardRouter({ resilience });
    let calls = 0;
    const fetchOnce = () =>
      router.fetchEntities({
        query: QUERY,
        representations: [zone('chengxi')],
        serviceForZone: (zoneId) => registry.serviceForZone(zoneId),
        send: async () => {
          calls += 1;
          return { data: { _entities: [{ name: 'x', [CHECKED_ID]: 'chuzhou' }] } };
        },
        budget: resilience.budgets.forOperation(undefined),
      });
    expect((await fetchOnce()).failures[0]!.message).toContain('answered an entity with another id (asked "chengxi", got "chuzhou")');
    await fetchOnce();
    const third = await fetchOnce();
    expect(third.failures[0]!.message).toContain('its circuit breaker is open after 2 consecutive failures');
    expect(calls).toBe(2);
  });
});
