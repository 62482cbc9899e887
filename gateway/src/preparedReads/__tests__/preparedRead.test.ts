import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { loadDashboardOperations } from '../../dashboard/dashboardOperations';
import { inClientOrder, preparedReadOf, type KeyOrder, type PreparedRead, type PreparedRootRead, type ResolvedPlan } from '../preparedRead';

/**
 * Which operations `preparedReadOf` prepares, on the plans Apollo's own planner makes over the
 * project's supergraph (gateway/supergraph.graphql). The services are never asked: only the plan
 * matters, and it is made before any fetch.
 */
const supergraphSdl = readFileSync(join(__dirname, '../../../supergraph.graphql'), 'utf8');
let resolved: ResolvedPlan | undefined;
const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: () => ({ process: async () => ({ data: null }) }),
  experimental_didResolveQueryPlan: (plan) => {
    resolved = plan;
  },
});
const server = new ApolloServer({ gateway });

beforeAll(async () => {
  await server.start();
});

afterAll(async () => {
  await server.stop();
});

async function verdictOf(query: string, variables?: Record<string, unknown>): Promise<PreparedRead | PreparedRootRead | string> {
  resolved = undefined;
  await server.executeOperation({ query, ...(variables ? { variables } : {}) });
  if (!resolved) throw new Error(`no plan for ${query}`);
  return preparedReadOf(resolved, { lookup: 'province', entities: 'zones' });
}

async function prepared(query: string, variables?: Record<string, unknown>): Promise<PreparedRead | PreparedRootRead> {
  const verdict = await verdictOf(query, variables);
  if (typeof verdict === 'string') throw new Error(`not prepared: ${verdict}`);
  return verdict;
}

describe('preparedReadOf', () => {
  it("prepares one zone's fields: a lookup, then the entity fetch selecting what the client selects", async () => {
    const read = await prepared('{ zone(id: "yongkang") { indicators { code value } honors { title } } }');
    expect(read).toMatchObject({ rootField: 'zone', list: false, typename: 'Zone', keyFields: ['__typename', 'id'], parts: undefined });
    expect(read).toMatchObject({ lookup: { serviceName: 'province', variableUsages: [] }, entities: { serviceName: 'zones', variableUsages: [] } });
  });

  it('prepares zones(ids:) as a list, the key fields from the lookup in the client order, aliases kept', async () => {
    const read = await prepared('{ zones(ids: ["yongkang", "chengxi"]) { figures: indicators { code } id } }');
    expect(read).toMatchObject({ rootField: 'zones', list: true });
    expect('parts' in read && read.parts).toEqual([
      { key: 'figures', from: 'fetch' },
      { key: 'id', from: 'lookup', field: 'id' },
    ]);
  });

  it('prepares the province-wide read: the whole list, then one entity fetch for every zone', async () => {
    const read = await prepared('{ zones { id indicators(codes: ["party_org.count"]) { code value } } }');
    expect(read).toMatchObject({
      rootField: 'zones',
      list: true,
      parts: [
        { key: 'id', from: 'lookup', field: 'id' },
        { key: 'indicators', from: 'fetch' },
      ],
    });
  });

  it('prepares a read the province answers alone, with its variables: one fetch from the root, its data the answer', async () => {
    const read = await prepared(
      'query ($codes: [String!]!) { zone(id: "yongkang") { nameZh city } compareZones(indicators: $codes) { rows { zone { id } } } }',
      {
        codes: ['party_org.count'],
      },
    );
    expect(read).toMatchObject({ kind: 'root', fetch: { serviceName: 'province', variableUsages: ['codes'] } });
  });

  it("prepares reads with __typename where Apollo Client puts it (last), which the planner fetches first, with the client's order to answer in", async () => {
    const entity = await prepared('{ zone(id: "yongkang") { indicators { code value __typename } __typename } }');
    expect(entity).toMatchObject({ kind: 'entities', rootField: 'zone' });
    const order = 'order' in entity ? entity.order : undefined;
    expect(order?.keys).toEqual(['indicators', '__typename']);
    expect(order?.nested.get('indicators')?.keys).toEqual(['code', 'value', '__typename']);

    const root = await prepared('{ compareZones(indicators: ["party_org.count"]) { rows { zone { id __typename } __typename } __typename } }');
    expect(root).toMatchObject({ kind: 'root' });
    expect(root.order?.keys).toEqual(['compareZones']);
    expect(root.order?.nested.get('compareZones')?.keys).toEqual(['rows', '__typename']);

    const inFetchOrder = await prepared('{ zone(id: "yongkang") { __typename indicators { __typename code } } }');
    expect(inFetchOrder.order).toBeUndefined();
  });

  it('prepares a read whose zone fields take variables: the entity fetch passes them on', async () => {
    const read = await prepared('query Page($o: Int!, $n: Int) { zone(id: "jinjiang") { enterprises(first: $n, offset: $o) { totalCount } } }', { o: 0 });
    expect(read.kind === 'entities' && read.entities.variableUsages).toEqual(['n', 'o']);
    expect(read.variableDefinitions.map((definition) => definition.variable.name.value)).toEqual(['o', 'n']);
  });

  it('prepares a read whose looked-up ids are variables: the lookup passes them on', async () => {
    const one = await prepared('query ($id: ID!) { zone(id: $id) { indicators { code } } }', { id: 'yongkang' });
    expect(one.kind === 'entities' && one.lookup.variableUsages).toEqual(['id']);
    expect(one.kind === 'entities' && one.entities.variableUsages).toEqual([]);
    const list = await prepared('query Zones($ids: [ID!]!, $n: Int) { zones(ids: $ids) { id enterprises(first: $n) { totalCount } } }', { ids: ['yongkang'] });
    expect(list.kind === 'entities' && [list.list, list.lookup.variableUsages, list.entities.variableUsages]).toEqual([true, ['ids'], ['n']]);
  });

  it("prepares a root read with named fragments, the dashboard's among them: compared with the fetch's fields in place of each spread", async () => {
    const names = await prepared(
      '{ zone(id: "yongkang") { ...Names province { ...Province } } } fragment Names on Zone { nameZh nameEn } fragment Province on Province { code }',
    );
    expect(names.kind).toBe('root');
    const operations = loadDashboardOperations(join(__dirname, '../../../dashboard/operations'), join(__dirname, '../../../dashboard/fragments'));
    const compare = await prepared(operations.compareZones!, { indicators: ['party_org.count'] });
    expect(compare.kind === 'root' && compare.fetch.operation).toContain('fragment DashboardFigureCell on FigureCell');
  });

  it("prepares a lookup and entity read with named fragments, as Apollo Client writes them: the fragments' fields in place of each spread", async () => {
    const read = await prepared(
      'query Z($id: ID!) { zone(id: $id) { ...Names indicators { ...Figure __typename } __typename } } fragment Names on Zone { nameZh id } fragment Figure on IndicatorValue { code value }',
      { id: 'yongkang' },
    );
    expect(read).toMatchObject({ kind: 'entities', rootField: 'zone', list: false });
    expect(read.kind === 'entities' && read.parts).toEqual([
      { key: 'nameZh', from: 'lookup', field: 'nameZh' },
      { key: 'id', from: 'lookup', field: 'id' },
      { key: 'indicators', from: 'fetch' },
      { key: '__typename', from: 'lookup', field: '__typename' },
    ]);
    expect(read.order?.nested.get('indicators')?.keys).toEqual(['code', 'value', '__typename']);
    const list = await prepared('{ zones(ids: ["yongkang"]) { ...Z } } fragment Z on Zone { id indicators { code } }');
    expect(list).toMatchObject({ kind: 'entities', rootField: 'zones', list: true });
  });

  it('prepares reads with inline fragments on the type they are in (every one, in a schema without interfaces or unions): their fields in place', async () => {
    const entity = await prepared('{ zone(id: "yongkang") { ... on Zone { indicators { ... on IndicatorValue { code __typename } } } ... { nameZh } } }');
    expect(entity).toMatchObject({ kind: 'entities', rootField: 'zone' });
    expect(entity.kind === 'entities' && entity.parts?.map((part) => part.key)).toEqual(['indicators', 'nameZh']);
    expect(entity.order?.nested.get('indicators')?.keys).toEqual(['code', '__typename']);
    const root = await prepared('{ ... on Query { zone(id: "yongkang") { ... on Zone { nameZh } } } }');
    expect(root.kind).toBe('root');
  });

  it("prepares directory fields next to the zone's: those come from the lookup, as the client asked them", async () => {
    const read = await prepared('{ zone(id: "yongkang") { indicators { code } nameZh city province { code } id } }');
    expect(read.kind === 'entities' && read.lookup.operation).toBe('{zone(id:"yongkang"){__typename id nameZh city province{code}}}');
    expect(read.kind === 'entities' && read.parts).toEqual([
      { key: 'indicators', from: 'fetch' },
      { key: 'nameZh', from: 'lookup', field: 'nameZh' },
      { key: 'city', from: 'lookup', field: 'city' },
      { key: 'province', from: 'lookup', field: 'province' },
      { key: 'id', from: 'lookup', field: 'id' },
    ]);
    const aliasedKey = await prepared('{ zones(ids: ["yongkang"]) { zoneId: id indicators { code } } }');
    expect(aliasedKey.kind === 'entities' && aliasedKey.parts?.[0]).toEqual({ key: 'zoneId', from: 'lookup', field: 'zoneId' });
    const list = await prepared('{ zones { n: nameEn indicators(codes: ["honor.count"]) { value } } }');
    expect(list.kind === 'entities' && [list.list, list.parts?.map((part) => part.key)]).toEqual([true, ['n', 'indicators']]);
  });

  it.each([
    ['a mutation', 'mutation { issueApiKey(input: { label: "k", roles: [ANALYST], provinces: ["anhui"] }) { key } }', undefined, 'not a query'],
    ['a directive', '{ zone(id: "yongkang") { indicators @skip(if: false) { code } } }', undefined, 'directives'],
    [
      'a field both in a named fragment and beside its spread (the executor merges them)',
      '{ zone(id: "yongkang") { id ...F } } fragment F on Zone { id indicators { code } }',
      undefined,
      'entity fetch selects other than the client',
    ],
    ['an aliased root field', '{ z: zone(id: "yongkang") { indicators { code } } }', undefined, 'not one unaliased root field with a selection'],
    [
      'two root fields',
      '{ zone(id: "yongkang") { indicators { code } } zones(ids: ["chengxi"]) { id } }',
      undefined,
      'not one unaliased root field with a selection',
    ],
    [
      'a list of one province (the province answers it by a filter)',
      '{ zones(province: "anhui") { indicators { code } } }',
      undefined,
      'first fetch is not a directory lookup',
    ],
  ])('leaves %s to Apollo Server', async (_case, query, variables, reason) => {
    expect(await verdictOf(query, variables)).toBe(reason);
  });
});

describe('inClientOrder', () => {
  const order: KeyOrder = {
    keys: ['rows', '__typename'],
    nested: new Map([['rows', { keys: ['value', 'zone', '__typename'], nested: new Map([['zone', { keys: ['id'], nested: new Map() }]]) }]]),
  };

  it('puts every object in the client order, through lists and nulls, and keeps the values', () => {
    const fetched = {
      __typename: 'Comparison',
      rows: [
        { __typename: 'Row', value: 1, zone: { id: 'a' } },
        { __typename: 'Row', value: null, zone: null },
      ],
    };
    const ordered = inClientOrder(fetched, order);
    expect(JSON.stringify(ordered)).toBe(
      '{"rows":[{"value":1,"zone":{"id":"a"},"__typename":"Row"},{"value":null,"zone":null,"__typename":"Row"}],"__typename":"Comparison"}',
    );
  });

  it('answers undefined when a field the client selected is missing or an object is not one', () => {
    expect(inClientOrder({ rows: [] }, order)).toBeUndefined();
    expect(inClientOrder({ __typename: 'Comparison', rows: [{ value: 1, zone: 'a', __typename: 'Row' }] }, order)).toBeUndefined();
    expect(inClientOrder('text', order)).toBeUndefined();
  });
});
