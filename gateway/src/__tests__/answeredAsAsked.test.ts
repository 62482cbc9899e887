import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import * as resultShaping from '@apollo/gateway/dist/resultShaping';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/**
 * The gateway patch's shortcut (patches/@apollo__gateway@2.14.4.patch, dist/answeredAsAsked.js):
 * a plan that is one root fetch selecting exactly what the client selects skips result shaping.
 * Each case checks the answer the client gets and whether shaping ran: the shortcut must be taken
 * only where shaping would give the subgraph's answer unchanged.
 */
const zones = {
  name: 'zones',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Query {
      zones: [Zone!]!
      zone(id: ID!): Zone
      broken: Broken
      finding: Finding
    }
    type Zone @key(fields: "id") {
      id: ID!
      name: String!
      stats: Stats!
    }
    type Stats {
      count: Int!
      rate: Float
    }
    type Broken {
      id: ID!
      mustHave: String!
    }
    type Honor {
      title: String!
    }
    type Visit {
      host: String!
    }
    union Finding = Honor | Visit
  `),
  resolvers: {
    Query: {
      zones: () => [
        { id: 'z1', name: '永康', stats: { count: 3, rate: 0.5 } },
        { id: 'z2', name: '晋江', stats: { count: 7, rate: null } },
      ],
      zone: (_: unknown, { id }: { id: string }) => (id === 'z1' ? { id: 'z1', name: '永康', stats: { count: 3, rate: 0.5 } } : null),
      broken: () => ({ id: 'b1', mustHave: null }),
      finding: () => ({ __typename: 'Honor', title: '示范' }),
    },
    Finding: { __resolveType: (value: { __typename: string }) => value.__typename },
  },
};

const ratings = {
  name: 'ratings',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
    type Zone @key(fields: "id") {
      id: ID!
      rating: Int!
    }
  `),
  resolvers: {
    Zone: { __resolveReference: ({ id }: { id: string }) => ({ id, rating: id === 'z1' ? 5 : 4 }) },
  },
};

const subgraphs = [zones, ratings];

let server: ApolloServer;

beforeAll(async () => {
  const composed = composeServices(subgraphs.map(({ name, typeDefs }) => ({ name, typeDefs, url: `http://${name}.invalid/graphql` })));
  if (composed.errors) throw new Error(composed.errors.map((error) => error.message).join('\n'));
  const gateway = new ApolloGateway({
    supergraphSdl: composed.supergraphSdl,
    buildService: ({ name }) => {
      const subgraph = subgraphs.find((candidate) => candidate.name === name);
      if (!subgraph) throw new Error(`no subgraph ${name}`);
      return new LocalGraphQLDataSource(buildSubgraphSchema(subgraph));
    },
  });
  server = new ApolloServer({ gateway });
  await server.start();
});

afterAll(async () => {
  await server.stop();
});

afterEach(() => {
  jest.restoreAllMocks();
});

/** The client's answer (as JSON text: key order counts) and whether result shaping ran for it. */
async function ask(query: string, variables?: Record<string, unknown>): Promise<{ json: string; shaped: boolean }> {
  const shaping = jest.spyOn(resultShaping, 'computeResponse');
  const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
  if (response.body.kind !== 'single') throw new Error('expected a single answer');
  const { data, errors } = response.body.singleResult;
  return { json: JSON.stringify({ data, ...(errors ? { errors: errors.map((error) => error.message) } : {}) }), shaped: shaping.mock.calls.length > 0 };
}

describe("the gateway's shortcut past result shaping", () => {
  it('passes on the answer of one root fetch selecting what the client selects, aliases and variables included', async () => {
    const answer = await ask('query Z($id: ID!) { first: zone(id: $id) { id label: name stats { count rate } } zones { id stats { rate } } }', { id: 'z1' });
    expect(answer.shaped).toBe(false);
    expect(answer.json).toBe(
      JSON.stringify({
        data: {
          first: { id: 'z1', label: '永康', stats: { count: 3, rate: 0.5 } },
          zones: [
            { id: 'z1', stats: { rate: 0.5 } },
            { id: 'z2', stats: { rate: null } },
          ],
        },
      }),
    );
  });

  it('answers the same through shaping when the client used a fragment', async () => {
    const plain = await ask('{ zones { id name stats { count } } }');
    const withFragment = await ask('{ zones { ...Named } } fragment Named on Zone { id name stats { count } }');
    expect(plain.shaped).toBe(false);
    expect(withFragment.shaped).toBe(true);
    expect(withFragment.json).toBe(plain.json);
  });

  it('shapes an answer assembled from two subgraphs', async () => {
    const answer = await ask('{ zones { id rating } }');
    expect(answer.shaped).toBe(true);
    expect(answer.json).toBe(
      JSON.stringify({
        data: {
          zones: [
            { id: 'z1', rating: 5 },
            { id: 'z2', rating: 4 },
          ],
        },
      }),
    );
  });

  it('shapes an abstract selection: the __typename the planner adds never reaches the client', async () => {
    const answer = await ask('{ finding { ... on Honor { title } } }');
    expect(answer.shaped).toBe(true);
    expect(answer.json).toBe(JSON.stringify({ data: { finding: { title: '示范' } } }));
  });

  it('shapes an answer that came with errors', async () => {
    const answer = await ask('{ broken { id mustHave } }');
    expect(answer.shaped).toBe(true);
    expect(JSON.parse(answer.json)).toMatchObject({ data: { broken: null }, errors: [expect.stringContaining('mustHave')] });
  });

  it('answers a root __typename and a root field skipped by a variable as shaping does', async () => {
    const typename = await ask('{ __typename zones { id } }');
    expect(typename.json).toBe(JSON.stringify({ data: { __typename: 'Query', zones: [{ id: 'z1' }, { id: 'z2' }] } }));
    for (const skip of [true, false]) {
      const answer = await ask('query ($skip: Boolean!) { zones @skip(if: $skip) { id } zone(id: "z2") { id } }', { skip });
      expect(answer.json).toBe(JSON.stringify({ data: { ...(skip ? {} : { zones: [{ id: 'z1' }, { id: 'z2' }] }), zone: null } }));
    }
  });
});
