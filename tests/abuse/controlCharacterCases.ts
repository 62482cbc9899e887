import type { AbuseCase } from './abuseCase';

const NUL = '\u0000';
const byVariable = (name: string, query: string, variables: Record<string, unknown>, field: string, data?: AbuseCase['data']): AbuseCase => ({
  name,
  request: { query, variables },
  status: 200,
  code: 'BAD_USER_INPUT',
  field,
  ...(data ? { data } : {}),
});

const ENTERPRISE = 'query ($id: ID!) { enterprise(id: $id) { id nameZh } }';
const ORGANIZATION = 'query ($id: ID!) { partyOrganization(id: $id) { id } }';
const ZONE = 'query ($id: ID!) { zone(id: $id) { id } }';
const SEARCH = 'query ($f: EnterpriseSearchFilter) { searchEnterprises(filter: $f) { totalCount } }';
const SAVE = 'mutation ($t: String!) { saveSelectionRun(title: $t, input: { criteria: [{ indicator: "party_org.count" }] }) { id } }';
const ZONE_ENTERPRISES = 'query ($f: EnterpriseFilter) { zone(id: "yongkang") { enterprises(filter: $f) { totalCount } } }';

/** NUL bytes and control characters in ids, titles and search text: refused naming the argument, before any SQL. */
export const CONTROL_CHARACTER_CASES: readonly AbuseCase[] = [
  {
    name: 'NUL escape in an enterprise id literal',
    request: { query: '{ enterprise(id: "yongkang:\\u0000x") { id } }' },
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'id',
    data: 'none',
  },
  byVariable('NUL in an enterprise id', ENTERPRISE, { id: `yongkang:${NUL}x` }, 'id', 'none'),
  byVariable('NUL alone as the local id', ENTERPRISE, { id: `chuzhou:${NUL}` }, 'id', 'none'),
  byVariable('NUL in a party-organization id', ORGANIZATION, { id: `yongkang:${NUL}` }, 'id', 'none'),
  byVariable('NUL in a zone id', ZONE, { id: `yongkang${NUL}` }, 'id', 'none'),
  byVariable('NUL in zones(ids)', 'query ($ids: [ID!]) { zones(ids: $ids) { id } }', { ids: ['chuzhou', `x${NUL}`] }, 'ids[1]', 'none'),
  byVariable('NUL in a province', 'query ($p: String) { zones(province: $p) { id } }', { p: `anhui${NUL}` }, 'province', 'none'),
  byVariable('NUL in search text', SEARCH, { f: { nameContains: `a${NUL}b` } }, 'filter.nameContains'),
  byVariable('NUL in honor search', SEARCH, { f: { honorContains: NUL } }, 'filter.honorContains'),
  byVariable('NUL in industry', SEARCH, { f: { industry: `${NUL}` } }, 'filter.industry'),
  byVariable('NUL in a searched zone id', 'query ($z: [ID!]) { searchEnterprises(zoneIds: $z) { totalCount } }', { z: [`chuzhou${NUL}`] }, 'zoneIds[0]'),
  byVariable('NUL in a zone filter (zone service)', ZONE_ENTERPRISES, { f: { nameContains: `x${NUL}` } }, 'filter.nameContains'),
  byVariable(
    'NUL in an organization filter (zone service)',
    'query ($t: String) { zone(id: "chuzhou") { partyOrganizations(filter: { honorContains: $t }) { totalCount } } }',
    { t: NUL },
    'filter.honorContains',
  ),
  byVariable(
    'NUL in indicator codes (zone service)',
    'query ($c: [String!]) { zone(id: "feixi") { indicators(codes: $c) { value } } }',
    { c: [`org${NUL}`] },
    'codes[0]',
  ),
  byVariable('NUL in a period', 'query ($p: String) { zone(id: "feixi") { indicators(period: $p) { value } } }', { p: `2020${NUL}` }, 'period'),
  byVariable(
    'NUL in a compared indicator',
    'query ($c: [String!]!) { compareZones(indicators: $c) { rows { rank } } }',
    { c: [`party_org.count${NUL}`] },
    'indicators[0]',
    'none',
  ),
  byVariable('NUL in a saved-run id', 'query ($id: ID!) { selectionRun(id: $id) { id } }', { id: `00000000-0000-4000-8000-00000000000${NUL}` }, 'id', 'none'),
  byVariable(
    'NUL in a source file name',
    'query ($f: String!) { sourceDocument(fileName: $f) { title } }',
    { f: `../../etc/passwd${NUL}.md` },
    'fileName',
    'none',
  ),
  byVariable('NUL in a preset code', 'query ($c: [String!]) { benchmarkPresets(codes: $c) { code } }', { c: [NUL] }, 'codes[0]', 'none'),
  byVariable('NUL in a saved-run title', SAVE, { t: `title${NUL}` }, 'title', 'none'),
  byVariable('BEL in a saved-run title', SAVE, { t: 'a\u0007b' }, 'title', 'none'),
  byVariable('ESC sequence in a saved-run title', SAVE, { t: '\u001b[31mred' }, 'title', 'none'),
  byVariable('C1 control in a saved-run title', SAVE, { t: 'a\u0085b' }, 'title', 'none'),
  byVariable('DEL in a saved-run title', SAVE, { t: 'a\u007fb' }, 'title', 'none'),
  byVariable('newline in a saved-run title', SAVE, { t: 'line\nbreak' }, 'title', 'none'),
  byVariable('NUL in a revoked key id', 'mutation ($k: ID!) { revokeApiKey(keyId: $k) { keyId } }', { k: `0123${NUL}` }, 'keyId', 'none'),
  byVariable('NUL in a deleted run id', 'mutation ($id: ID!) { deleteSelectionRun(id: $id) }', { id: NUL }, 'id', 'none'),
  byVariable(
    'NUL in an API-key label',
    'mutation ($l: String!) { issueApiKey(input: { label: $l, roles: [ANALYST], provinces: ["anhui"] }) { key } }',
    { l: `a${NUL}` },
    'input.label',
    'none',
  ),
  byVariable(
    'NUL in a peer learner',
    'query ($z: ID!) { peerSuggestions(zoneId: $z, criteria: [{ indicator: "party_org.count" }]) { consideredZones } }',
    { z: NUL },
    'zoneId',
    'none',
  ),
  byVariable(
    'NUL in a selection zone id',
    'query ($z: [ID!]) { selectBenchmarkSites(input: { criteria: [{ indicator: "party_org.count" }], zoneIds: $z }) { ranked { rank } } }',
    { z: [`chuzhou${NUL}`] },
    'input.zoneIds[0]',
    'none',
  ),
];
