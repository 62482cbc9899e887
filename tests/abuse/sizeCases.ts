import type { AbuseCase } from './abuseCase';

/** About 900 KB: inside the gateway's 1 MB body limit. */
const NEAR_LIMIT = 'x'.repeat(900 * 1024);
const OVER_LIMIT = 'x'.repeat(1100 * 1024);
const SEARCH = 'query ($text: String) { searchEnterprises(filter: { nameContains: $text }) { totalCount } }';

/** Huge strings inside the body limit, and bodies beyond it. */
export const SIZE_CASES: readonly AbuseCase[] = [
  {
    name: '900 KB search text',
    request: { query: SEARCH, variables: { text: NEAR_LIMIT } },
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'filter.nameContains',
  },
  {
    name: '900 KB honor text',
    request: { query: 'query ($t: String) { searchEnterprises(filter: { honorContains: $t }) { totalCount } }', variables: { t: NEAR_LIMIT } },
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'filter.honorContains',
  },
  {
    name: '900 KB zone id',
    request: { query: 'query ($id: ID!) { zone(id: $id) { id } }', variables: { id: NEAR_LIMIT } },
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'id',
    data: 'none',
  },
  {
    name: '900 KB enterprise id',
    request: { query: 'query ($id: ID!) { enterprise(id: $id) { id } }', variables: { id: `yongkang:${NEAR_LIMIT}` } },
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'id',
    data: 'none',
  },
  {
    name: '900 KB string literal in the document',
    request: { query: `{ searchEnterprises(filter: { industry: "${NEAR_LIMIT}" }) { totalCount } }` },
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'filter.industry',
  },
  {
    name: '900 KB saved-run title',
    request: {
      query: 'mutation ($t: String!) { saveSelectionRun(title: $t, input: { criteria: [{ indicator: "party_org.count" }] }) { id } }',
      variables: { t: NEAR_LIMIT },
    },
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'title',
    data: 'none',
  },
  {
    name: '900 KB API-key label',
    request: {
      query: 'mutation ($l: String!) { issueApiKey(input: { label: $l, roles: [ANALYST], provinces: ["anhui"] }) { key } }',
      variables: { l: NEAR_LIMIT },
    },
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'input.label',
    data: 'none',
  },
  {
    name: '900 KB period',
    request: { query: 'query ($p: String) { zone(id: "yongkang") { indicators(period: $p) { value } } }', variables: { p: NEAR_LIMIT } },
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'period',
  },
  {
    name: '900 KB operationName',
    request: { query: 'query A { zones { id } }', operationName: NEAR_LIMIT },
    status: 400,
    code: 'LIMIT_EXCEEDED',
    limit: 'operationName',
    data: 'none',
  },
  {
    name: '900 KB of unused variables',
    request: { query: '{ provinces { code } }', variables: { junk: NEAR_LIMIT } },
    status: 200,
    code: 'none',
    data: 'some',
  },
  { name: '1.1 MB search text (body over 1 MB)', request: { query: SEARCH, variables: { text: OVER_LIMIT } }, status: 413, code: 'BAD_REQUEST', data: 'none' },
  {
    name: '1.1 MB body of whitespace',
    request: { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":"{ zones { id } }"${' '.repeat(1100 * 1024)}}` },
    status: 413,
    code: 'BAD_REQUEST',
    data: 'none',
  },
  {
    name: '1.1 MB body, anonymous',
    as: 'anonymous',
    request: { query: SEARCH, variables: { text: OVER_LIMIT } },
    status: 413,
    code: 'BAD_REQUEST',
    data: 'none',
  },
  {
    name: '2 MB gzip-declared body that is not gzip',
    request: { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: 'x'.repeat(2 * 1024 * 1024) },
    status: 400,
    code: 'BAD_REQUEST',
    data: 'none',
  },
];
