import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { decodePrincipal, generateSigningKeys, PRINCIPAL_HEADER, verifyRequest, type Principal } from '@devzone/auth';
import { GraphQLHttpClient } from '@devzone/shard-router';
import { parse, GraphQLError } from 'graphql';
import { SigningRemoteGraphQLDataSource } from '../SigningRemoteGraphQLDataSource';
import { GraphQLDataSourceRequestKind } from '../types';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A service that notes what it received and answers with `answer` (status, content type, text). */
async function recordingService(
  answer: () => { status: number; type: string; text: string },
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      const { status, type, text } = answer();
      res.writeHead(status, { 'content-type': type }).end(text);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const principal: Principal = { subject: 'analyst-a', roles: ['ANALYST'], provinces: 'ALL', zoneIds: [] };

const incoming = (query: string, context: object): GraphQLDataSourceProcessOptions =>
  ({
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query, variables: { id: 'feixi' } },
    document: parse(query),
    context,
    incomingRequestContext: { overallCachePolicy: undefined },
  }) as unknown as GraphQLDataSourceProcessOptions;

describe('SigningRemoteGraphQLDataSource', () => {
  const keys = generateSigningKeys();
  let answer = { status: 200, type: 'application/json; charset=utf-8', text: '{"data":{"zone":{"id":"feixi"}}}' };
  let service: Awaited<ReturnType<typeof recordingService>>;

  beforeAll(async () => {
    service = await recordingService(() => answer);
  });
  afterAll(() => service.close());

  it('forwards the principal and the request id, and signs the exact body sent together with the principal', async () => {
    const source = new SigningRemoteGraphQLDataSource({ url: service.url, maxResponseBytes: 1024, signingKeys: keys });
    const response = await source.process(incoming('query Z($id: ID!) { zone(id: $id) { id } }', { principal, requestId: 'req-12345678' }));

    expect(response).toEqual({ data: { zone: { id: 'feixi' } } });
    const { headers, body } = service.received.at(-1)!;
    expect(headers['x-request-id']).toBe('req-12345678');
    expect(decodePrincipal(headers[PRINCIPAL_HEADER] as string)).toEqual(principal);
    expect(verifyRequest({ keys, headers, body }).ok).toBe(true);
    // A read sends its query with its APQ hash the first time (the service stores it).
    expect(JSON.parse(body.toString('utf8'))).toMatchObject({
      query: expect.stringContaining('zone(id: $id)'),
      extensions: { persistedQuery: { version: 1 } },
    });
  });

  it('sends a read whole again, with its hash, once told its service left the address (forgetAddress)', async () => {
    const source = new SigningRemoteGraphQLDataSource({ url: service.url, maxResponseBytes: 1024, signingKeys: keys, client: new GraphQLHttpClient() });
    const read = () => source.process(incoming('query Z($id: ID!) { zone(id: $id) { id } }', { principal, requestId: 'req-12345678' }));
    const sent = () => ('query' in (JSON.parse(service.received.at(-1)!.body.toString('utf8')) as object) ? 'query+hash' : 'hash');
    const carried: string[] = [];
    for (const forget of [false, false, true, false]) {
      if (forget) source.forgetAddress();
      await read();
      carried.push(sent());
    }
    expect(carried).toEqual(['query+hash', 'hash', 'query+hash', 'hash']);
  });

  it('sends a mutation as it is, without an APQ hash', async () => {
    const source = new SigningRemoteGraphQLDataSource({ url: service.url, maxResponseBytes: 1024, signingKeys: keys });
    await source.process(incoming('mutation M($id: ID!) { renameZone(zoneId: $id) { id } }', { principal, requestId: 'req-12345678' }));

    const body = JSON.parse(service.received.at(-1)!.body.toString('utf8')) as Record<string, unknown>;
    expect(body).toEqual({ query: 'mutation M($id: ID!) { renameZone(zoneId: $id) { id } }', variables: { id: 'feixi' } });
  });

  it('fails as RemoteGraphQLDataSource did: a non-2xx answer is a GraphQLError carrying the status and body; a non-JSON one an Error', async () => {
    const source = new SigningRemoteGraphQLDataSource({ url: service.url, maxResponseBytes: 1024, signingKeys: keys });
    answer = { status: 503, type: 'application/json', text: '{"errors":[{"message":"database down"}]}' };
    const failure: unknown = await source.process(incoming('{ zones { id } }', { principal })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphQLError);
    expect(failure).toMatchObject({
      message: '503: Service Unavailable',
      extensions: { response: { status: 503, body: { errors: [{ message: 'database down' }] } } },
    });

    answer = { status: 200, type: 'text/html', text: '<html>502 Bad Gateway</html>' };
    await expect(source.process(incoming('{ zones { id } }', { principal }))).rejects.toThrow(
      'Expected JSON response body, but received: <html>502 Bad Gateway</html>',
    );
  });
});
