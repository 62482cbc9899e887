import { ApolloServer } from '@apollo/server';
import { encodePrincipal, generateSigningKeys, PRINCIPAL_HEADER, signRequest, type Principal } from '@devzone/auth';
import { serveSignedGraphQL, type ServedGraphQL } from './serveSignedGraphQL';

interface Context {
  principal: Principal | null;
}

/** A subgraph that says who its context says is asking. */
const server = new ApolloServer<Context>({
  typeDefs: 'type Query { whoami: String roles: [String!] }',
  resolvers: {
    Query: {
      whoami: (_: unknown, __: unknown, ctx: Context) => ctx.principal?.subject ?? null,
      roles: (_: unknown, __: unknown, ctx: Context) => ctx.principal?.roles ?? null,
    },
  },
});
const keys = generateSigningKeys();
const analyst: Principal = { subject: 'key:analyst-1', roles: ['ANALYST'], provinces: ['anhui'], zoneIds: [] };
const BODY = JSON.stringify({ query: '{ whoami roles }' });

describe('serveSignedGraphQL', () => {
  let served: ServedGraphQL;
  beforeAll(async () => {
    served = await serveSignedGraphQL({
      server,
      keys,
      context: async (principal) => ({ principal }),
      signedRoutes: [
        { path: '/echo', handle: async ({ body, principal }) => ({ status: 201, body: { body, who: principal?.subject ?? null } }) },
        {
          path: '/broken',
          handle: async () => {
            throw new Error('secret detail');
          },
        },
      ],
    });
  });
  afterAll(async () => {
    await served.stop();
  });

  async function post(headers: Record<string, string>, body = BODY, path = '') {
    const response = await fetch(served.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, type: response.headers.get('content-type'), json: (await response.json()) as Record<string, unknown> };
  }

  it('puts the signed principal in the context, and null when the signer forwarded none', async () => {
    const principalHeader = encodePrincipal(analyst);
    expect(await post({ ...signRequest({ keys, body: BODY, principalHeader }), [PRINCIPAL_HEADER]: principalHeader })).toMatchObject({
      status: 200,
      json: { data: { whoami: 'key:analyst-1', roles: ['ANALYST'] } },
    });
    expect(await post({ ...signRequest({ keys, body: BODY }) })).toMatchObject({ status: 200, json: { data: { whoami: null, roles: null } } });
  });

  it('sends no ETag with an answer: nothing revalidates one, and hashing each body costs CPU', async () => {
    const response = await fetch(served.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signRequest({ keys, body: BODY }) },
      body: BODY,
    });
    expect([response.status, response.headers.get('etag')]).toEqual([200, null]);
  });

  it('trusts no malformed principal, even signed', async () => {
    const principalHeader = Buffer.from(JSON.stringify({ ...analyst, roles: ['ROOT'] })).toString('base64url');
    expect(await post({ ...signRequest({ keys, body: BODY, principalHeader }), [PRINCIPAL_HEADER]: principalHeader })).toMatchObject({
      status: 200,
      json: { data: { whoami: null } },
    });
  });

  it('refuses what is not signed, and claims nothing for it', async () => {
    const answer = await post({ [PRINCIPAL_HEADER]: encodePrincipal(analyst) });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('answers a signed body that is not JSON, and one over the limit, with a JSON error and no stack', async () => {
    const garbage = '{"query": ';
    expect(await post({ ...signRequest({ keys, body: garbage }) }, garbage)).toMatchObject({
      status: 400,
      json: { errors: [{ extensions: { code: 'BAD_REQUEST' } }] },
    });
    const huge = JSON.stringify({ query: `{ whoami } # ${'x'.repeat(1_100_000)}` });
    const answer = await post({}, huge);
    expect(answer.status).toBe(413);
    expect(answer.type).toMatch(/^application\/json/);
    expect(JSON.stringify(answer.json)).not.toMatch(/ at |node_modules/);
  });

  it('serves signed routes before GraphQL, under the same check, with the body and principal', async () => {
    const body = JSON.stringify({ zones: ['a'] });
    const principalHeader = encodePrincipal(analyst);
    expect(await post({ ...signRequest({ keys, body, principalHeader }), [PRINCIPAL_HEADER]: principalHeader }, body, 'echo')).toEqual({
      status: 201,
      type: expect.stringMatching(/^application\/json/),
      json: { body: { zones: ['a'] }, who: 'key:analyst-1' },
    });
    expect(await post({ ...signRequest({ keys, body }) }, body, 'echo')).toMatchObject({ status: 201, json: { who: null } });
    expect(await post({}, body, 'echo')).toMatchObject({ status: 401, json: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] } });
  });

  it('answers a route that throws with a JSON 500 that says nothing of the error', async () => {
    const body = '{}';
    const answer = await post({ ...signRequest({ keys, body }) }, body, 'broken');
    expect(answer).toEqual({
      status: 500,
      type: expect.stringMatching(/^application\/json/),
      json: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
    });
  });
});
