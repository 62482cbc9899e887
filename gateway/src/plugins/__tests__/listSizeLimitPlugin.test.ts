import { ApolloServer } from '@apollo/server';
import { buildSchema, parse } from 'graphql';
import { largestOf, listSizeLimitPlugin, pageSizeSites } from '../listSizeLimitPlugin';

const schema = buildSchema(`
  type Enterprise { id: ID! }
  type Zone { id: ID! enterprises(first: Int, offset: Int): [Enterprise!]! }
  type Query { zone(id: ID!): Zone zones(limit: Int): [Zone!]! }
`);
const PAGE_SIZE_ARGUMENTS = ['first', 'limit'];

describe('page sizes of a document', () => {
  const document = parse(
    'query($n: Int, $m: Int) { zones(limit: $m) { enterprises(first: $n, offset: 3) { id } } zone(id: "a") { enterprises(first: 20) { id } } }',
  );

  it('finds every page-size argument once, in document order, with its field', () => {
    expect(pageSizeSites(schema, document, PAGE_SIZE_ARGUMENTS).map(({ field, argument }) => `${field}(${argument})`)).toEqual([
      'Query.zones(limit)',
      'Zone.enterprises(first)',
      'Zone.enterprises(first)',
    ]);
  });

  it('takes the largest per request from the variables, the first of equals', () => {
    const sites = pageSizeSites(schema, document, PAGE_SIZE_ARGUMENTS);
    expect(largestOf(sites, { n: 5, m: 7 })).toEqual({ field: 'Zone.enterprises', argument: 'first', size: 20 });
    expect(largestOf(sites, { n: 900, m: 7 })).toEqual({ field: 'Zone.enterprises', argument: 'first', size: 900 });
    expect(largestOf(sites, { m: 20 })).toEqual({ field: 'Query.zones', argument: 'limit', size: 20 });
    expect(largestOf(sites, { n: 1000, m: 2000 })).toEqual({ field: 'Query.zones', argument: 'limit', size: 2000 });
  });
});

describe('listSizeLimitPlugin', () => {
  it('checks the variables of every request, even when the document was seen before with small ones', async () => {
    const server = new ApolloServer({ schema, plugins: [listSizeLimitPlugin({ maxListSize: 500 })] });
    await server.start();
    try {
      const query = 'query Page($n: Int) { zone(id: "a") { enterprises(first: $n) { id } } }';
      const small = await server.executeOperation({ query, variables: { n: 20 } });
      const large = await server.executeOperation({ query, variables: { n: 501 } });
      const errorsOf = (response: typeof small) => (response.body.kind === 'single' ? response.body.singleResult.errors : undefined);
      expect(errorsOf(small)).toBeUndefined();
      expect(errorsOf(large)?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'listSize', max: 500, actual: 501, field: 'Zone.enterprises' });
    } finally {
      await server.stop();
    }
  });
});
