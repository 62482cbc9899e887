import type { AbuseCase } from './abuseCase';

const invalid = (name: string, query: string): AbuseCase => ({ name, request: { query }, status: 400, code: 'GRAPHQL_VALIDATION_FAILED', data: 'none' });
const badVariable = (name: string, query: string, variables: Record<string, unknown>): AbuseCase => ({
  name,
  request: { query, variables },
  status: 400,
  code: 'BAD_USER_INPUT',
  data: 'none',
});
const refused = (name: string, query: string, field: string, variables?: Record<string, unknown>): AbuseCase => ({
  name,
  request: { query, ...(variables ? { variables } : {}) },
  status: 200,
  code: 'BAD_USER_INPUT',
  field,
});

const SEARCH = 'query ($n: Int!) { searchEnterprises(first: $n) { totalCount } }';
const ZONE = 'query ($id: ID!) { zone(id: $id) { id } }';

/** Arguments of the wrong type, out of range or missing. */
export const ARGUMENT_TYPE_CASES: readonly AbuseCase[] = [
  invalid('boolean for an ID', '{ zone(id: true) { id } }'),
  invalid('list for an ID', '{ zone(id: ["yongkang"]) { id } }'),
  invalid('object for an ID', '{ zone(id: { id: "yongkang" }) { id } }'),
  invalid('required argument missing', '{ zone { id } }'),
  invalid('null for a required argument', '{ zone(id: null) { id } }'),
  invalid('number for a String', '{ zones(province: 5) { id } }'),
  invalid('string for an Int', '{ searchEnterprises(first: "10") { totalCount } }'),
  invalid('float for an Int', '{ searchEnterprises(first: 1.5) { totalCount } }'),
  invalid('Int beyond 32 bits', '{ searchEnterprises(first: 99999999999) { totalCount } }'),
  invalid('string for an enum', '{ searchEnterprises(orderBy: "NAME_ASC") { totalCount } }'),
  invalid('unknown enum value', '{ searchEnterprises(orderBy: NAME_SIDEWAYS) { totalCount } }'),
  invalid('unknown input field', '{ searchEnterprises(filter: { unknownField: 1 }) { totalCount } }'),
  invalid('string for an input object', '{ searchEnterprises(filter: "x") { totalCount } }'),
  invalid('number in a list of strings', '{ compareZones(indicators: [1]) { rows { rank } } }'),
  invalid('null for a required list', '{ compareZones(indicators: null) { rows { rank } } }'),
  invalid('unknown argument', '{ zones { id(format: "x") } }'),
  invalid('unknown field', '{ zones { id password } }'),
  invalid('object field without a selection', '{ zones }'),
  invalid('selection on a scalar', '{ zones { id { value } } }'),
  invalid('variable of another type', 'query ($id: String!) { zone(id: $id) { id } }'),
  invalid('undefined variable', '{ zone(id: $nowhere) { id } }'),
  invalid('unused variable', 'query ($x: ID) { zones { id } }'),
  invalid('two operations with one name', 'query A { zones { id } } query A { provinces { code } }'),
  invalid('the key lookup the gateway keeps to itself', '{ apiKeyGrant(key: "x") { subject } }'),
  invalid('an entity field only subgraphs have', '{ _entities(representations: [{ __typename: "Zone", id: "yongkang" }]) { __typename } }'),
  invalid('the subgraph SDL field', '{ _service { sdl } }'),
  badVariable('object for an ID variable', ZONE, { id: { a: 1 } }),
  badVariable('required variable missing', ZONE, {}),
  badVariable('null for a required variable', ZONE, { id: null }),
  badVariable('string for an Int variable', SEARCH, { n: 'ten' }),
  badVariable('Int variable beyond 32 bits', 'query ($n: Int!) { searchEnterprises(offset: $n) { totalCount } }', { n: 2 ** 40 }),
  {
    name: 'page size beyond 32 bits in a variable',
    request: { query: SEARCH, variables: { n: 2 ** 40 } },
    status: 400,
    code: 'LIMIT_EXCEEDED',
    limit: 'listSize',
    data: 'none',
  },
  badVariable('float for an Int variable', SEARCH, { n: 2.5 }),
  badVariable('unknown enum value in a variable', 'query ($o: EnterpriseOrder!) { searchEnterprises(orderBy: $o) { totalCount } }', { o: 'DROP' }),
  refused('number for an ID (coerced, then malformed)', '{ zone(id: 42) { id } }', 'id'),
  refused('page size 0', '{ searchEnterprises(first: 0) { totalCount } }', 'first'),
  refused('negative page size', '{ searchEnterprises(first: -1) { totalCount } }', 'first'),
  refused('page size over the field maximum', '{ searchEnterprises(first: 201) { totalCount } }', 'first'),
  refused('negative offset', '{ searchEnterprises(offset: -5) { totalCount } }', 'offset'),
  refused('saved runs page over 100', '{ selectionRuns(first: 101) { id } }', 'first'),
  refused('peer limit over 20', '{ peerSuggestions(zoneId: "chuzhou", criteria: [{ indicator: "party_org.count" }], limit: 21) { consideredZones } }', 'limit'),
  refused('zone page size 0 (zone service)', '{ zone(id: "yongkang") { enterprises(first: 0) { totalCount } } }', 'first'),
];
