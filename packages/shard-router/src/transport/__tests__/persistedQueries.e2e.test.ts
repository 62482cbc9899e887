import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodePrincipal, signRequest, type Principal } from '@devzone/auth';
import { generateZones } from '@devzone/synthetic';
import { createTestDatabase, generateSigningKeys, pgTargets, type TestDatabase } from '@devzone/testkit';
import { startZoneService, type RunningZoneService } from '@devzone/zone-subgraph';
import { GraphQLHttpClient, type GraphQLPost } from '../graphqlHttpClient';
import { PooledHttpClient } from '../pooledHttpClient';

const KEYS = generateSigningKeys();
const PRINCIPAL: Principal = { subject: 'apq-test', roles: ['ANALYST'], provinces: 'ALL', zoneIds: [] };
const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { id enterprises(first: 2) { totalCount } } } }';

/** What one body the zone service received carried: the query text, the APQ hash, both. */
type Sent = 'query' | 'hash' | 'query+hash';

/**
 * A pass-through in front of a real zone service that notes what each body carried;
 * `target` may be switched to another service (a restarted one, with an empty APQ store).
 */
async function recordingPassThrough(initialTarget: string): Promise<{ url: string; sent: Sent[]; retarget(url: string): void; close(): Promise<void> }> {
  let target = new URL(initialTarget);
  const sent: Sent[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const parsed = JSON.parse(body.toString('utf8')) as { query?: string; extensions?: { persistedQuery?: unknown } };
      sent.push(parsed.query === undefined ? 'hash' : parsed.extensions?.persistedQuery ? 'query+hash' : 'query');
      const forward = httpRequest(target, { method: 'POST', headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.end(body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    sent,
    retarget: (url) => (target = new URL(url)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('automatic persisted queries towards a real zone service', () => {
  const zones = generateZones({ zones: 2, enterprisesPerZone: 5, seed: 3, prefix: 'apq' });
  const databases: TestDatabase[] = [];
  const services: RunningZoneService[] = [];
  const http = new PooledHttpClient();
  let passThrough: Awaited<ReturnType<typeof recordingPassThrough>>;

  const startService = async (label: string) => {
    const database = await createTestDatabase(pgTargets()[0]!.adminUrl, label);
    databases.push(database);
    const service = await startZoneService({ name: 'synthetic', databaseUrl: database.url, seeds: zones, synthetic: true, signingKeys: KEYS });
    services.push(service);
    return service;
  };

  beforeAll(async () => {
    passThrough = await recordingPassThrough((await startService('apq_a')).url);
  });

  afterAll(async () => {
    await http.close();
    await passThrough?.close();
    await Promise.all(services.map((service) => service.stop()));
    await Promise.all(databases.map((database) => database.drop()));
  });

  const principalHeader = encodePrincipal(PRINCIPAL);
  const post = (persisted: boolean): GraphQLPost => ({
    request: { query: ENTITIES, variables: { r: zones.map((zone) => ({ __typename: 'Zone', id: zone.zone.id })) } },
    headers: { 'x-devzone-principal': principalHeader },
    sign: (body) => ({ ...signRequest({ keys: KEYS, body, principalHeader }) }),
    persisted,
    maxResponseBytes: 1024 * 1024,
  });
  const expected = { data: { _entities: zones.map((zone) => ({ id: zone.zone.id, enterprises: { totalCount: 5 } })) } };

  it('sends the full query once (registering its hash), then the hash alone', async () => {
    const client = new GraphQLHttpClient(http);
    for (let i = 0; i < 3; i += 1) expect((await client.post(passThrough.url, post(true))).body).toEqual(expected);

    expect(passThrough.sent).toEqual(['query+hash', 'hash', 'hash']);
  });

  it('sends the full query again when the service answers PersistedQueryNotFound (restarted: an empty store)', async () => {
    const client = new GraphQLHttpClient(http);
    await client.post(passThrough.url, post(true));
    passThrough.retarget((await startService('apq_b')).url);
    passThrough.sent.length = 0;

    expect((await client.post(passThrough.url, post(true))).body).toEqual(expected);
    expect((await client.post(passThrough.url, post(true))).body).toEqual(expected);
    expect(passThrough.sent).toEqual(['hash', 'query+hash', 'hash']);
  });

  it('sends the full query with its hash first to an address whose service it was told to forget (one registered there anew)', async () => {
    const client = new GraphQLHttpClient(http);
    await client.post(passThrough.url, post(true));
    passThrough.retarget((await startService('apq_c')).url);
    passThrough.sent.length = 0;
    client.forgetService(passThrough.url);

    expect((await client.post(passThrough.url, post(true))).body).toEqual(expected);
    expect((await client.post(passThrough.url, post(true))).body).toEqual(expected);
    expect(passThrough.sent).toEqual(['query+hash', 'hash']);
  });

  it('sends full queries only when told not to persist (mutations)', async () => {
    const client = new GraphQLHttpClient(http);
    passThrough.sent.length = 0;
    await client.post(passThrough.url, post(false));
    await client.post(passThrough.url, post(false));
    expect(passThrough.sent).toEqual(['query', 'query']);
  });
});
