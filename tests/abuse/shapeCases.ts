import type { AbuseCase } from './abuseCase';

const limited = (name: string, query: string, limit: string): AbuseCase => ({
  name,
  request: { query },
  status: 400,
  code: 'LIMIT_EXCEEDED',
  limit,
  data: 'none',
});
const invalid = (name: string, query: string): AbuseCase => ({ name, request: { query }, status: 400, code: 'GRAPHQL_VALIDATION_FAILED', data: 'none' });

const nest = (depth: number): string => `{ zones { partyOrganizations { items { ${'children { '.repeat(depth)}id${' }'.repeat(depth)} } } } }`;
const aliases = (n: number, field: string): string => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** Deep, wide and alias-heavy operations and fragment cycles: refused before any subgraph is asked. */
export const SHAPE_CASES: readonly AbuseCase[] = [
  limited('depth 16 through the organization tree', nest(12), 'depth'),
  limited(
    'depth 40 through zone round trips',
    `{ enterprise(id: "yongkang:sanfeng") { ${'zone { honors { id } enterprises(first: 1) { items { '.repeat(10)}id${' } } }'.repeat(10)} } }`,
    'depth',
  ),
  limited('31 aliases of one field', `{ zones { ${Array.from({ length: 31 }, (_, i) => `a${i}: id`).join(' ')} } }`, 'aliases'),
  limited('300 aliases of zones { indicators } (over the token limit first)', aliases(300, 'zones { indicators { value } }'), 'tokens'),
  limited('100 aliases of zones { id }', aliases(100, 'zones { id }'), 'aliases'),
  limited('16 aliased root fields', `{ ${Array.from({ length: 16 }, (_, i) => `p${i}: provinces { code }`).join(' ')} }`, 'rootFields'),
  limited(
    '16 distinct root fields without aliases',
    `{ zones { id } provinces { code } onsiteMeetings { id } sourceDocuments { fileName } indicatorCatalogue { code } benchmarkPresets { code } selectionRuns { id } apiKeys { keyId } __typename z1: zone(id: "chuzhou") { id } z2: zone(id: "feixi") { id } z3: zone(id: "dangtu") { id } z4: zone(id: "suixi") { id } z5: zone(id: "ningguo") { id } z6: zone(id: "changfeng") { id } z7: zone(id: "yongkang") { id } z8: zone(id: "jinjiang") { id } }`,
    'rootFields',
  ),
  limited('21 directives', `{ zones { ${Array.from({ length: 21 }, () => 'id @include(if: true)').join(' ')} } }`, 'directives'),
  limited('2001 tokens', `{ zones { ${'id '.repeat(2000)}} }`, 'tokens'),
  limited('page size over 500', '{ zone(id: "yongkang") { enterprises(first: 501) { totalCount } } }', 'listSize'),
  {
    name: 'page size over 500 in a variable',
    request: { query: 'query ($n: Int!) { zone(id: "yongkang") { enterprises(first: $n) { totalCount } } }', variables: { n: 100_000 } },
    status: 400,
    code: 'LIMIT_EXCEEDED',
    limit: 'listSize',
    data: 'none',
  },
  limited(
    'fan-out cost: three nested pages of 500',
    `{ enterprise(id: "yongkang:sanfeng") { ${'zone { enterprises(first: 500) { items { '.repeat(2)}id${' } } }'.repeat(2)} } }`,
    'cost',
  ),
  {
    name: 'operation name over 100 characters',
    request: { query: `query ${'N'.repeat(101)} { zones { id } }`, operationName: 'N'.repeat(101) },
    status: 400,
    code: 'LIMIT_EXCEEDED',
    limit: 'operationName',
    data: 'none',
  },
  {
    name: 'operation name over 100 characters in the document only',
    request: { query: `query ${'N'.repeat(101)} { zones { id } }` },
    status: 400,
    code: 'LIMIT_EXCEEDED',
    limit: 'operationName',
    data: 'none',
  },
  invalid('fragment spreading itself', 'query { zones { ...A } } fragment A on Zone { id ...A }'),
  invalid('two fragments spreading each other', 'query { zones { ...A } } fragment A on Zone { id ...B } fragment B on Zone { nameZh ...A }'),
  invalid('fragment cycle through a nested field', 'query { zones { ...A } } fragment A on Zone { enterprises { items { zone { ...A } } } }'),
  invalid('fragment on an unknown type', 'query { zones { ...A } } fragment A on Nothing { id }'),
  invalid('unused fragment', 'query { zones { id } } fragment A on Zone { id }'),
  invalid('conflicting fields under one alias', '{ zones { x: id x: nameZh } }'),
  invalid('spread of an undefined fragment', '{ zones { ...Missing } }'),
];
