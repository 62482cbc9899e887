import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { composedFixture } from '../../__tests__/fixtures/schemas';
import { estimateCost, type EstimateCostInput } from '../estimateCost';

const { schema, subgraphsOf } = composedFixture();

const cost = (query: string, overrides: Partial<EstimateCostInput> = {}) =>
  estimateCost({
    schema,
    document: parse(query),
    subgraphsOf,
    fanOut: { subgraph: 'zones', services: 3 },
    defaultListSize: 10,
    pageSizeArguments: ['first'],
    fetchCost: 100,
    ...overrides,
  });

describe('subgraphOwnership', () => {
  it('reads which subgraphs resolve each field from the supergraph', () => {
    expect(subgraphsOf('Query', 'zones')).toEqual(['province']);
    expect(subgraphsOf('Zone', 'name')).toEqual(['province']);
    expect(subgraphsOf('Zone', 'servedBy')).toEqual(['zones']);
    expect([...subgraphsOf('Zone', 'id')].sort()).toEqual(['province', 'zones']);
    expect(subgraphsOf('Zone', '__typename')).toEqual([]);
  });
});

describe('estimateCost', () => {
  it('counts province fields once per expected item, with no subgraph fetch', () => {
    // zones (1) + 10 zones × (id + name)
    expect(cost('{ zones { id name } }')).toEqual({ fields: 21, subgraphFetches: 0, total: 21 });
  });

  it('counts one fetch per zone service when a selection crosses into the zones subgraph, however many of its fields', () => {
    expect(cost('{ zones { servedBy } }')).toEqual({ fields: 11, subgraphFetches: 3, total: 311 });
    expect(cost('{ zones { servedBy enterprises { id } } }').subgraphFetches).toBe(3);
    expect(cost('{ zones { servedBy } }', { fanOut: { subgraph: 'zones', services: 40 } }).subgraphFetches).toBe(40);
  });

  it('counts fetches per alias, so an alias bomb costs its fan-out 300 times', () => {
    const bomb = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: zones { servedBy }`).join(' ')} }`;
    expect(cost(bomb)).toEqual({ fields: 300 * 11, subgraphFetches: 900, total: 300 * 11 + 900 * 100 });
  });

  it('multiplies nested lists, and stays in the zones subgraph while fields resolve there', () => {
    const twoLevels = cost('{ zones { enterprises { zone { enterprises { id } } } } }');
    // zones 1 + 10 × (enterprises 1 + 10 × (zone 1 + enterprises 1 + 10 × id 1))
    expect(twoLevels).toEqual({ fields: 1 + 10 * (1 + 10 * (1 + 1 + 10)), subgraphFetches: 3, total: 1211 + 300 });
  });

  it('counts a page-size argument (literal, variable or schema default) as the list size', () => {
    const paged = buildPagedSchema();
    const input = { schema: paged, subgraphsOf: () => [] };
    expect(cost('{ page(first: 500) { total items { id } } }', input).fields).toBe(1 + 1 + 1 + 500);
    expect(cost('query ($n: Int) { page(first: $n) { items { id } } }', { ...input, variables: { n: 40 } }).fields).toBe(1 + 1 + 40);
    expect(cost('{ page { items { id } } }', input).fields).toBe(1 + 1 + 20);
    expect(cost('{ list(first: 7) { id } }', input).fields).toBe(1 + 7);
  });

  it('follows fragments, counts __typename as nothing, and costs 0 for an operation it cannot find', () => {
    expect(cost('query { ...Z } fragment Z on Query { zones { __typename id } }').fields).toBe(11);
    expect(cost('query A { zones { id } } query B { zones { id } }').total).toBe(0);
    expect(cost('query A { zones { id } } query B { zones { id } }', { operationName: 'B' }).total).toBe(11);
  });
});

function buildPagedSchema() {
  return composeServices([
    {
      name: 'only',
      url: 'http://only/graphql',
      typeDefs: parse(`
        type Query { page(first: Int = 20): Page! list(first: Int): [Item!]! }
        type Page { total: Int! items: [Item!]! }
        type Item { id: ID! }
      `),
    },
  ])
    .schema!.toAPISchema()
    .toGraphQLJSSchema();
}
