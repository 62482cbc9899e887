import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKeys, verifyRequest } from '@devzone/auth';
import { StaticZoneServiceRegistry } from '@devzone/registry';
import { CHECKED_ID, DEFAULT_MAX_RESPONSE_BYTES, GraphQLHttpClient, Resilience, ShardRouter } from '@devzone/shard-router';
import { createRequestSigner } from '@devzone/subgraph-kit';
import { signedZoneServiceSender } from '../zoneReader/signedZoneServiceSender';
import { askZoneServices } from './askZoneServices';
import type { HeldEntityId } from './lookupIds';

const KEYS = generateSigningKeys();
const sign = createRequestSigner(KEYS, null);

/** Asks one stand-in service hosting both zones, through a router of its own (no breaker carried over between tests). */
function askZoneService(url: string, entities: readonly HeldEntityId[], timeoutMs: number) {
  const resilience = new Resilience({ timeoutMs, retryMaxJitterMs: null });
  return askZoneServices(
    {
      router: new ShardRouter({ resilience }),
      shardMap: new StaticZoneServiceRegistry([{ name: 'stand-in', url, zoneIds: ['yongkang', 'chuzhou'] }]),
      send: signedZoneServiceSender(new GraphQLHttpClient(), sign, DEFAULT_MAX_RESPONSE_BYTES),
      budget: resilience.budgets.forOperation(undefined),
    },
    entities,
  );
}

/** A stand-in zone service answering every request with `reply` (status, body); an unsigned request is a 401, as a real one answers it. */
async function serve(reply: (body: { variables: { representations: { id: string }[] } }) => [number, string]): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      if (!verifyRequest({ keys: KEYS, headers: req.headers, body: raw }).ok) {
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: 'unsigned', extensions: { code: 'UNAUTHENTICATED' } }] }));
        return;
      }
      const [status, body] = reply(JSON.parse(raw) as { variables: { representations: { id: string }[] } });
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

const ENTITIES: HeldEntityId[] = [
  { id: 'yongkang:sanfeng', zoneId: 'yongkang', type: 'Enterprise' },
  { id: 'yongkang:nosuch', zoneId: 'yongkang', type: 'Enterprise' },
  { id: 'chuzhou:x', zoneId: 'chuzhou', type: 'PartyOrganization' },
];

describe('askZoneServices', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });
  const start = async (reply: Parameters<typeof serve>[0]) => {
    const { url, server } = await serve(reply);
    servers.push(server);
    return url;
  };

  it('reads found, NOT_FOUND and other refusals per entity from one _entities answer', async () => {
    const url = await start(({ variables }) => {
      expect(variables.representations.map((r) => r.id)).toEqual(ENTITIES.map((e) => e.id));
      return [
        200,
        JSON.stringify({
          data: { _entities: [{ __typename: 'Enterprise', [CHECKED_ID]: 'yongkang:sanfeng' }, null, null] },
          errors: [
            { message: 'Enterprise "yongkang:nosuch" not found', path: ['_entities', 1], extensions: { code: 'NOT_FOUND' } },
            { message: 'Zone "chuzhou" is not hosted by this service', path: ['_entities', 2], extensions: { code: 'ZONE_NOT_HOSTED' } },
          ],
        }),
      ];
    });
    expect(await askZoneService(url, ENTITIES, 2000)).toEqual([
      { status: 'FOUND', service: 'stand-in' },
      { status: 'MISSING', service: 'stand-in' },
      { status: 'REFUSED', code: 'ZONE_NOT_HOSTED', message: 'Zone "chuzhou" is not hosted by this service', service: 'stand-in' },
    ]);
  });

  it('treats a crash on one entity as the zone being unavailable, not as absence', async () => {
    const url = await start(() => [
      200,
      JSON.stringify({ data: { _entities: [null] }, errors: [{ message: 'db down', path: ['_entities', 0], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
    ]);
    expect(await askZoneService(url, ENTITIES.slice(0, 1), 2000)).toEqual([{ status: 'UNAVAILABLE', reason: 'db down', service: 'stand-in' }]);
  });

  it('marks every entity UNAVAILABLE on garbage, a wrong count, another entity, a refused connection or a timeout', async () => {
    const garbage = await start(() => [502, '<html>bad gateway</html>']);
    // Said to be JSON, and not: refused as the answer it is, whatever its status.
    expect(await askZoneService(garbage, ENTITIES, 2000)).toEqual(
      ENTITIES.map(() => ({ status: 'UNAVAILABLE', reason: expect.stringContaining('is not valid JSON'), service: 'stand-in' })),
    );

    const short = await start(() => [200, JSON.stringify({ data: { _entities: [{ __typename: 'Enterprise', [CHECKED_ID]: 'yongkang:sanfeng' }] } })]);
    expect(await askZoneService(short, ENTITIES, 2000)).toEqual(
      ENTITIES.map(() => ({ status: 'UNAVAILABLE', reason: 'answered 1 entities for 3 representations', service: 'stand-in' })),
    );

    const other = await start(() => [200, JSON.stringify({ data: { _entities: [{ __typename: 'Enterprise', [CHECKED_ID]: 'yongkang:other' }] } })]);
    expect(await askZoneService(other, ENTITIES.slice(0, 1), 2000)).toEqual([
      { status: 'UNAVAILABLE', reason: 'answered an entity with another id (asked "yongkang:sanfeng", got "yongkang:other")', service: 'stand-in' },
    ]);

    const closed = await start(() => [200, '{}']);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const [refused] = await askZoneService(closed, ENTITIES.slice(0, 1), 2000);
    expect(refused).toEqual({ status: 'UNAVAILABLE', reason: expect.stringContaining('ECONNREFUSED'), service: 'stand-in' });

    const silent = createServer(() => undefined);
    servers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const [late] = await askZoneService(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, ENTITIES.slice(0, 1), 200);
    expect(late).toEqual({ status: 'UNAVAILABLE', reason: 'timed out after 200 ms', service: 'stand-in' });
  });

  it('reports an entity of a zone no service hosts as NOT_ROUTED, without asking', async () => {
    const url = await start(() => {
      throw new Error('asked');
    });
    expect(await askZoneService(url, [{ id: 'atlantis:x', zoneId: 'atlantis', type: 'Enterprise' }], 2000)).toEqual([{ status: 'NOT_ROUTED' }]);
  });
});
