import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKeys, verifyRequest } from '@devzone/auth';
import { createRequestSigner } from '@devzone/subgraph-kit';
import { askZoneService } from './askZoneService';
import type { HeldEntityId } from './lookupIds';

const KEYS = generateSigningKeys();
const sign = createRequestSigner(KEYS, null);

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

describe('askZoneService', () => {
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
          data: { _entities: [{ __typename: 'Enterprise' }, null, null] },
          errors: [
            { message: 'Enterprise "yongkang:nosuch" not found', path: ['_entities', 1], extensions: { code: 'NOT_FOUND' } },
            { message: 'Zone "chuzhou" is not hosted by this service', path: ['_entities', 2], extensions: { code: 'ZONE_NOT_HOSTED' } },
          ],
        }),
      ];
    });
    expect(await askZoneService(url, ENTITIES, 2000, sign)).toEqual([
      { status: 'FOUND' },
      { status: 'MISSING' },
      { status: 'REFUSED', code: 'ZONE_NOT_HOSTED', message: 'Zone "chuzhou" is not hosted by this service' },
    ]);
  });

  it('treats a crash on one entity as the zone being unavailable, not as absence', async () => {
    const url = await start(() => [
      200,
      JSON.stringify({ data: { _entities: [null] }, errors: [{ message: 'db down', path: ['_entities', 0], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
    ]);
    expect(await askZoneService(url, ENTITIES.slice(0, 1), 2000, sign)).toEqual([{ status: 'UNAVAILABLE', reason: 'db down' }]);
  });

  it('marks every entity UNAVAILABLE on garbage, a wrong count, a refused connection or a timeout', async () => {
    const garbage = await start(() => [502, '<html>bad gateway</html>']);
    expect(await askZoneService(garbage, ENTITIES, 2000, sign)).toEqual(
      ENTITIES.map(() => ({ status: 'UNAVAILABLE', reason: 'HTTP 502, not a GraphQL answer' })),
    );

    const short = await start(() => [200, JSON.stringify({ data: { _entities: [{ __typename: 'Enterprise' }] } })]);
    expect((await askZoneService(short, ENTITIES, 2000, sign)).every((e) => e.status === 'UNAVAILABLE')).toBe(true);

    const closed = await start(() => [200, '{}']);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const [refused] = await askZoneService(closed, ENTITIES.slice(0, 1), 2000, sign);
    expect(refused).toEqual({ status: 'UNAVAILABLE', reason: expect.stringContaining('ECONNREFUSED') });

    const silent = createServer(() => undefined);
    servers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const [late] = await askZoneService(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, ENTITIES.slice(0, 1), 200, sign);
    expect(late).toEqual({ status: 'UNAVAILABLE', reason: 'timed out after 200 ms' });
  });
});
