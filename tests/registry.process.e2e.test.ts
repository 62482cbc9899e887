/**
 * The runtime registry as a deployment runs it: every service its own process
 * (NODE_ENV=production), the province registering the four zone services at start
 * (REGISTER_ZONE_SERVICES), and two gateway replicas serving what the registry accepted
 * (REGISTRY_DATABASE_URL), as docker-compose and the Kubernetes manifests run them. A zone
 * system registering through one replica is served by that replica from its next request on
 * (whichever comes first: the NOTIFY, or the read of the registry the replica makes before it
 * answers a registry mutation), and by the other replica once it has seen the change; a
 * deregistration likewise.
 */
import { postGraphQL, startProcessStack, type ProcessStack, type ServiceProcess } from '@devzone/testkit';
import { startExternalZoneService, type ExternalZoneService } from './fixtures/externalZoneService';
import { NEW_PARK, NEW_PARK_FIGURE } from './fixtures/newPark';

jest.setTimeout(120_000);

const RESULT = 'outcome problems { check message }';
/** Longer than the registry poll (REGISTRY_POLL_MS, 1 s by default) with room for a slow machine. */
const REPLICA_CATCH_UP_MS = 15_000;

let stack: ProcessStack;
let replica: ServiceProcess;
let external: ExternalZoneService;

beforeAll(async () => {
  stack = await startProcessStack({ zoneServiceList: 'registry' });
  replica = await stack.startGatewayReplica('gateway replica');
  external = await startExternalZoneService({ zones: [{ id: NEW_PARK.id, figure: NEW_PARK_FIGURE }] });
}, 120_000);

afterAll(async () => {
  await external?.stop();
  await stack?.stop();
}, 60_000);

async function ask<T>(url: string, query: string, variables: Record<string, unknown> = {}) {
  return postGraphQL<T>(url, query, variables, { authorization: stack.credential });
}

/** The new park's party-organization count through one gateway, or the errors it answered instead. */
async function newParkFigure(url: string): Promise<{ value: number | null; errors: string[] }> {
  const body = await ask<{ zones: { id: string; indicators: { value: number }[] | null }[] }>(
    url,
    'query ($ids: [ID!]) { zones(ids: $ids) { id indicators(codes: ["party_org.count"]) { value } } }',
    { ids: [NEW_PARK.id] },
  );
  return { value: body.data?.zones[0]?.indicators?.[0]?.value ?? null, errors: (body.errors ?? []).map((error) => error.message) };
}

/** Registers the new park's zone service at the external service's URL through one gateway (or registers it there again): the change's result and errors. */
async function registerNewPark(url: string, mutation: 'registerZoneService' | 'updateZoneService') {
  const body = await ask<Record<string, { outcome: string; problems: unknown[] }>>(
    url,
    `mutation ($input: ZoneServiceRegistrationInput!) { ${mutation}(input: $input) { ${RESULT} } }`,
    { input: { name: 'tongling', url: external.url, contact: { name: 'Process test', email: 'process-test@example.cn' }, zones: [NEW_PARK] } },
  );
  return { errors: body.errors, result: body.data?.[mutation] };
}

/** Asks until `done` holds for the answer, for `REPLICA_CATCH_UP_MS` at most; the last answer either way. */
async function eventually<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<{ answer: T; afterMs: number }> {
  const started = Date.now();
  let answer = await ask();
  while (!done(answer) && Date.now() - started < REPLICA_CATCH_UP_MS) {
    await new Promise((wait) => setTimeout(wait, 100));
    answer = await ask();
  }
  return { answer, afterMs: Date.now() - started };
}

describe('the runtime registry with every service its own process and two gateway replicas', () => {
  it('serves the four zone services the province registered at start, on both replicas', async () => {
    for (const url of [stack.gatewayUrl, replica.url]) {
      const body = await ask<{ registryStatus: { services: { name: string; state: string }[] } }>(url, '{ registryStatus { services { name state } } }');
      expect(body.errors).toBeUndefined();
      expect(body.data!.registryStatus.services.map((service) => service.name).sort()).toEqual(['anhui', 'chengxi', 'jinjiang', 'yongkang']);
      expect((await ask<{ zone: { id: string } }>(url, '{ zone(id: "yongkang") { id } }')).data?.zone.id).toBe('yongkang');
    }
    expect((await newParkFigure(stack.gatewayUrl)).errors).toEqual([expect.stringMatching(/tongling/)]);
  });

  it('a zone system registered through one replica is served by it at once, and by the other once it has seen the change', async () => {
    const registered = await registerNewPark(stack.gatewayUrl, 'registerZoneService');
    expect(registered.errors).toBeUndefined();
    expect(registered.result).toEqual({ outcome: 'ACCEPTED', problems: [] });

    // The next request through the same replica: no wait.
    expect(await newParkFigure(stack.gatewayUrl)).toEqual({ value: 12, errors: [] });

    const { answer } = await eventually(
      () => newParkFigure(replica.url),
      (figure) => figure.value === 12,
    );
    expect(answer).toEqual({ value: 12, errors: [] });
  });

  it("registered again at another address through a replica whose breaker for it is open: that replica reads it at once, not after the old address's cool-down", async () => {
    await external.stop();
    const breakerOf = async () => {
      const body = await ask<unknown>(replica.url, 'query ($ids: [ID!]) { zones(ids: $ids) { id indicators(codes: ["party_org.count"]) { value } } }', {
        ids: [NEW_PARK.id],
      });
      return (body.errors ?? []).map((error) => `${String(error.extensions?.code)} ${String(error.extensions?.breaker ?? 'sent')}`);
    };
    // Failed reads open the replica's breaker for the service (BREAKER_FAILURE_THRESHOLD, 5 by default).
    let errors: string[] = [];
    for (let read = 0; read < 10 && !errors.includes('ZONE_UNAVAILABLE OPEN'); read++) errors = await breakerOf();
    expect(errors).toEqual(['ZONE_UNAVAILABLE OPEN']);

    external = await startExternalZoneService({ zones: [{ id: NEW_PARK.id, figure: NEW_PARK_FIGURE }] });
    const moved = await registerNewPark(replica.url, 'updateZoneService');
    expect(moved.errors).toBeUndefined();
    expect(moved.result).toEqual({ outcome: 'ACCEPTED', problems: [] });
    // Well within the cool-down (BREAKER_COOL_DOWN_MS, 10 s by default).
    expect(await newParkFigure(replica.url)).toEqual({ value: 12, errors: [] });
  });

  it('a deregistration through the other replica: it stops routing to the service at once, the first replica once it has seen the change', async () => {
    const removed = await ask<{ deregisterZoneService: { outcome: string } }>(replica.url, `mutation { deregisterZoneService(name: "tongling") { outcome } }`);
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.deregisterZoneService.outcome).toBe('ACCEPTED');

    const unknown = (figure: { value: number | null; errors: string[] }) => figure.value === null && figure.errors.some((error) => error.includes('tongling'));
    expect(unknown(await newParkFigure(replica.url))).toBe(true);
    const { answer } = await eventually(() => newParkFigure(stack.gatewayUrl), unknown);
    expect(unknown(answer)).toBe(true);
    // The other zone services are served as before.
    expect((await ask<{ zone: { id: string } }>(stack.gatewayUrl, '{ zone(id: "jinjiang") { id } }')).data?.zone.id).toBe('jinjiang');
  });
});
