import type { AbuseCase } from './abuseCase';

const Q = encodeURIComponent('{ provinces { code } }');
const post = (name: string, contentType: string, body: string, status: number): AbuseCase => ({
  name,
  request: { method: 'POST', headers: { 'content-type': contentType }, body },
  status,
  code: 'BAD_REQUEST',
  data: 'none',
});

/** Batches, GET with and without CSRF headers, other methods and content types. */
export const TRANSPORT_CASES: readonly AbuseCase[] = [
  post('batched array of two operations', 'application/json', JSON.stringify([{ query: '{ zones { id } }' }, { query: '{ provinces { code } }' }]), 400),
  post(
    'batched array of 100 mutations',
    'application/json',
    JSON.stringify(Array.from({ length: 100 }, () => ({ query: 'mutation { deleteSelectionRun(id: "x") }' }))),
    400,
  ),
  post('empty batch', 'application/json', '[]', 400),
  post('text/plain (simple CORS request)', 'text/plain', JSON.stringify({ query: '{ provinces { code } }' }), 400),
  post('form-encoded', 'application/x-www-form-urlencoded', `query=${Q}`, 400),
  post('multipart', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ provinces { code } }\r\n--x--', 400),
  post('XML', 'application/xml', '<query>{ provinces { code } }</query>', 400),
  post('application/graphql', 'application/graphql', '{ provinces { code } }', 400),
  post('JSON in a charset the server does not read', 'application/json; charset=latin1', JSON.stringify({ query: '{ provinces { code } }' }), 415),
  {
    name: 'POST without a content type',
    request: { method: 'POST', body: JSON.stringify({ query: '{ provinces { code } }' }) },
    status: 400,
    code: 'BAD_REQUEST',
    data: 'none',
  },
  {
    name: 'GET without a CSRF header',
    request: { method: 'GET', search: `?query=${Q}` },
    status: 400,
    code: 'BAD_REQUEST',
    data: 'none',
  },
  {
    name: 'GET with text/plain',
    request: { method: 'GET', search: `?query=${Q}`, headers: { 'content-type': 'text/plain' } },
    status: 400,
    code: 'BAD_REQUEST',
    data: 'none',
  },
  {
    name: 'GET with the CSRF header is answered',
    request: { method: 'GET', search: `?query=${Q}`, headers: { 'apollo-require-preflight': 'true' } },
    status: 200,
    code: 'none',
    data: 'some',
  },
  {
    name: 'GET with a JSON content type is answered',
    request: { method: 'GET', search: `?query=${Q}`, headers: { 'content-type': 'application/json' } },
    status: 200,
    code: 'none',
    data: 'some',
  },
  {
    name: 'mutation over GET (with the CSRF header)',
    request: {
      method: 'GET',
      search: `?query=${encodeURIComponent('mutation { deleteSelectionRun(id: "x") }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    },
    status: 405,
    code: 'BAD_REQUEST',
    data: 'none',
  },
  {
    name: 'GET with variables that are not JSON',
    request: { method: 'GET', search: `?query=${Q}&variables=%7Bnot-json`, headers: { 'apollo-require-preflight': 'true' } },
    status: 400,
    code: 'BAD_REQUEST',
    data: 'none',
  },
  {
    name: 'GET with an over-long query string of 2001 tokens',
    request: {
      method: 'GET',
      search: `?query=${encodeURIComponent(`{ provinces { ${'code '.repeat(2000)}} }`)}`,
      headers: { 'apollo-require-preflight': 'true' },
    },
    status: 400,
    code: 'LIMIT_EXCEEDED',
    limit: 'tokens',
    data: 'none',
  },
  {
    name: 'PUT',
    request: { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ provinces { code } }' }) },
    status: 405,
    code: 'BAD_REQUEST',
    data: 'none',
  },
  {
    name: 'DELETE',
    request: { method: 'DELETE', headers: { 'content-type': 'application/json' } },
    status: 405,
    code: 'BAD_REQUEST',
    data: 'none',
  },
];
