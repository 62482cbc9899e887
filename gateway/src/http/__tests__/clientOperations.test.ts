import { createHash } from 'node:crypto';
import { ClientOperations, getOperationFieldsOf, persistedQueryHashOf, plainOperationOf } from '../clientOperations';

const QUERY = 'query Q { zone(id: "chuzhou") { indicators { value } } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');
const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

describe('plainOperationOf', () => {
  it('takes a query with at most an operation name and variables', () => {
    expect(plainOperationOf({ query: QUERY })).toEqual({ query: QUERY, operationName: undefined, variables: undefined });
    expect(plainOperationOf({ query: QUERY, operationName: null, variables: null })).toEqual({ query: QUERY, operationName: undefined, variables: undefined });
    expect(plainOperationOf({ query: QUERY, operationName: 'Q', variables: { a: 1 } })).toEqual({ query: QUERY, operationName: 'Q', variables: { a: 1 } });
  });

  it('leaves everything else to Apollo Server: extensions, a batch, no query, fields of the wrong type', () => {
    for (const body of [
      { query: QUERY, extensions: persisted(HASH) },
      [{ query: QUERY }],
      { operationName: 'Q' },
      { query: '' },
      { query: QUERY, operationName: 7 },
      { query: QUERY, variables: [1] },
      { query: QUERY, variables: '{"a":1}' },
      undefined,
      'query',
    ]) {
      expect(plainOperationOf(body)).toBeUndefined();
    }
  });
});

describe('persistedQueryHashOf', () => {
  it("reads exactly Apollo's extension, version 1 with a SHA-256 in hex", () => {
    expect(persistedQueryHashOf(persisted(HASH))).toBe(HASH);
    for (const extensions of [
      undefined,
      null,
      [],
      {},
      { persistedQuery: { version: 2, sha256Hash: HASH } },
      { persistedQuery: { version: 1, sha256Hash: 'ab' } },
      { persistedQuery: { version: 1, sha256Hash: HASH.toUpperCase() } },
      { persistedQuery: { version: 1, sha256Hash: HASH, extra: true } },
      { persistedQuery: { version: 1, sha256Hash: HASH }, clientLibrary: 'x' },
      { persistedQuery: null },
    ]) {
      expect(persistedQueryHashOf(extensions)).toBeUndefined();
    }
  });
});

describe('ClientOperations', () => {
  it('reads a plain body as plainOperationOf does', () => {
    const operations = new ClientOperations();
    expect(operations.of({ query: QUERY, operationName: 'Q', variables: { a: 1 } })).toEqual({ query: QUERY, operationName: 'Q', variables: { a: 1 } });
    expect(operations.of([{ query: QUERY }])).toBeUndefined();
  });

  it('takes a query sent with its own hash and remembers it; then takes the hash alone', () => {
    const operations = new ClientOperations();
    expect(operations.of({ extensions: persisted(HASH), operationName: 'Q' })).toBeUndefined();
    expect(operations.of({ query: QUERY, extensions: persisted(HASH), variables: { a: 1 } })).toEqual({
      query: QUERY,
      operationName: undefined,
      variables: { a: 1 },
    });
    expect(operations.of({ extensions: persisted(HASH), operationName: 'Q', variables: { a: 2 } })).toEqual({
      query: QUERY,
      operationName: 'Q',
      variables: { a: 2 },
    });
  });

  it('leaves to Apollo Server a hash that is not the query’s (nothing remembered), other extensions, and malformed fields beside a hash', () => {
    const operations = new ClientOperations();
    const other = createHash('sha256').update('{ zones { id } }').digest('hex');
    expect(operations.of({ query: QUERY, extensions: persisted(other) })).toBeUndefined();
    expect(operations.of({ extensions: persisted(other) })).toBeUndefined();
    expect(operations.of({ query: QUERY, extensions: { ...persisted(HASH), tracing: true } })).toBeUndefined();
    expect(operations.of({ query: QUERY, extensions: persisted(HASH), operationName: 7 })).toBeUndefined();
    operations.of({ query: QUERY, extensions: persisted(HASH) });
    expect(operations.of({ extensions: persisted(HASH), variables: [1] })).toBeUndefined();
    expect(operations.of({ query: '{ zones { id } }', extensions: persisted(HASH) })).toBeUndefined();
  });

  it('remembers at most maxPersistedQueries hashes, the least recently used leaving first', () => {
    const operations = new ClientOperations({ maxPersistedQueries: 1 });
    const second = '{ zones { id } }';
    const secondHash = createHash('sha256').update(second).digest('hex');
    operations.of({ query: QUERY, extensions: persisted(HASH) });
    operations.of({ query: second, extensions: persisted(secondHash) });
    expect(operations.of({ extensions: persisted(HASH) })).toBeUndefined();
    expect(operations.of({ extensions: persisted(secondHash) })?.query).toBe(second);
  });
});

/** A GET's target with its operation in the query string, as Apollo Client's HTTP link writes it. */
function getUrl(fields: Record<string, string>): string {
  return `/graphql?${new URLSearchParams(fields).toString()}`;
}

const JSON_TYPE = { 'content-type': 'application/json' };

describe('getOperationFieldsOf', () => {
  it('reads query, operationName, variables and extensions (JSON objects) from the query string; other parameters are ignored', () => {
    const url = getUrl({ query: QUERY, operationName: 'Q', variables: '{"a":1}', extensions: JSON.stringify(persisted(HASH)), other: 'x' });
    expect(getOperationFieldsOf(url, JSON_TYPE)).toEqual({ query: QUERY, operationName: 'Q', variables: { a: 1 }, extensions: persisted(HASH) });
    expect(getOperationFieldsOf(getUrl({ query: QUERY }), JSON_TYPE)).toEqual({ query: QUERY });
  });

  it("passes Apollo Server's CSRF prevention only as Apollo Server does: a JSON content type, or a non-empty preflight header", () => {
    const url = getUrl({ query: QUERY });
    for (const headers of [
      JSON_TYPE,
      { 'content-type': 'Application/JSON; charset=utf-8' },
      { 'x-apollo-operation-name': 'Q' },
      { 'apollo-require-preflight': 'true' },
    ]) {
      expect(getOperationFieldsOf(url, headers)).toEqual({ query: QUERY });
    }
    for (const headers of [
      {},
      { 'x-apollo-operation-name': '' },
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/jsonx' },
      { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' },
    ]) {
      expect(getOperationFieldsOf(url, headers)).toBeUndefined();
    }
  });

  it('leaves to Apollo Server a field given twice and variables or extensions that are not a JSON object', () => {
    expect(getOperationFieldsOf(`/graphql?query=${encodeURIComponent(QUERY)}&query=x`, JSON_TYPE)).toBeUndefined();
    for (const variables of ['{"a":', '[1]', '1', 'null']) expect(getOperationFieldsOf(getUrl({ query: QUERY, variables }), JSON_TYPE)).toBeUndefined();
    expect(getOperationFieldsOf(getUrl({ query: QUERY, extensions: '"x"' }), JSON_TYPE)).toBeUndefined();
  });
});

describe('ClientOperations.ofRequest', () => {
  it('reads a POST from its body and a GET from its query string, each with its method', () => {
    const operations = new ClientOperations();
    expect(operations.ofRequest({ method: 'POST', url: '/graphql', headers: JSON_TYPE, body: { query: QUERY, variables: { a: 1 } } })).toEqual({
      method: 'POST',
      query: QUERY,
      operationName: undefined,
      variables: { a: 1 },
    });
    expect(operations.ofRequest({ method: 'GET', url: getUrl({ query: QUERY, operationName: 'Q', variables: '{"a":2}' }), headers: JSON_TYPE })).toEqual({
      method: 'GET',
      query: QUERY,
      operationName: 'Q',
      variables: { a: 2 },
    });
  });

  it("takes a GET by its persisted query's hash alone once the query was sent with it, by either method", () => {
    const operations = new ClientOperations();
    const hashOnly = getUrl({ extensions: JSON.stringify(persisted(HASH)), variables: '{"a":3}' });
    expect(operations.ofRequest({ method: 'GET', url: hashOnly, headers: JSON_TYPE })).toBeUndefined();
    operations.ofRequest({ method: 'POST', url: '/graphql', headers: JSON_TYPE, body: { query: QUERY, extensions: persisted(HASH) } });
    expect(operations.ofRequest({ method: 'GET', url: hashOnly, headers: JSON_TYPE })).toEqual({
      method: 'GET',
      query: QUERY,
      operationName: undefined,
      variables: { a: 3 },
    });
  });

  it('reads a request once, whoever asks again (and a request it leaves to Apollo Server too)', () => {
    const operations = new ClientOperations();
    const req: { method: string; url: string; headers: typeof JSON_TYPE; body: unknown } = {
      method: 'POST',
      url: '/graphql',
      headers: JSON_TYPE,
      body: { query: QUERY },
    };
    expect(operations.ofRequest(req)?.query).toBe(QUERY);
    req.body = { query: '{ zones { id } }' };
    expect(operations.ofRequest(req)?.query).toBe(QUERY);
    expect(operations.ofRequest({ ...req })?.query).toBe('{ zones { id } }');
    const refused = { method: 'POST', url: '/graphql', headers: JSON_TYPE, body: [{ query: QUERY }] as unknown };
    expect(operations.ofRequest(refused)).toBeUndefined();
    refused.body = { query: QUERY };
    expect(operations.ofRequest(refused)).toBeUndefined();
  });

  it('leaves other methods, a GET Apollo Server refuses, and a body that is not plain to Apollo Server', () => {
    const operations = new ClientOperations();
    expect(operations.ofRequest({ method: 'PUT', url: '/graphql', headers: JSON_TYPE, body: { query: QUERY } })).toBeUndefined();
    expect(operations.ofRequest({ method: 'GET', url: getUrl({ query: QUERY }), headers: {} })).toBeUndefined();
    expect(operations.ofRequest({ method: 'GET', url: '/graphql', headers: JSON_TYPE })).toBeUndefined();
    expect(operations.ofRequest({ method: 'POST', url: '/graphql', headers: JSON_TYPE, body: [{ query: QUERY }] })).toBeUndefined();
  });
});

describe('ClientOperations.forApolloServer', () => {
  const remembering = () => {
    const operations = new ClientOperations();
    operations.ofRequest({ method: 'POST', url: '/graphql', headers: JSON_TYPE, body: { query: QUERY, extensions: persisted(HASH) } });
    return operations;
  };

  it('gives a POST sent by a remembered hash alone its query back; anything else goes as sent', () => {
    const operations = remembering();
    expect(
      operations.forApolloServer({ method: 'POST', url: '/graphql?x=1', headers: JSON_TYPE, body: { extensions: persisted(HASH), variables: { a: 1 } } }),
    ).toEqual({
      body: { extensions: persisted(HASH), variables: { a: 1 }, query: QUERY },
      search: '?x=1',
    });
    const other = createHash('sha256').update('{ zones { id } }').digest('hex');
    for (const body of [
      { extensions: persisted(other) },
      { query: '{ zones { id } }', extensions: persisted(HASH) },
      { query: QUERY },
      [{ extensions: persisted(HASH) }],
      'text',
    ]) {
      expect(operations.forApolloServer({ method: 'POST', url: '/graphql', headers: JSON_TYPE, body })).toEqual({ body, search: '' });
    }
    expect(new ClientOperations().forApolloServer({ method: 'POST', url: '/graphql', headers: JSON_TYPE, body: { extensions: persisted(HASH) } }).body).toEqual(
      {
        extensions: persisted(HASH),
      },
    );
  });

  it('gives a GET sent by a remembered hash alone its query in the query string; anything else goes as sent', () => {
    const operations = remembering();
    const url = getUrl({ extensions: JSON.stringify(persisted(HASH)), variables: '{"a":1}' });
    const handed = operations.forApolloServer({ method: 'GET', url, headers: {} });
    expect(Object.fromEntries(new URLSearchParams(handed.search))).toEqual({ extensions: JSON.stringify(persisted(HASH)), variables: '{"a":1}', query: QUERY });
    for (const sent of [
      getUrl({ query: QUERY, extensions: JSON.stringify(persisted(HASH)) }),
      getUrl({ extensions: '{"persistedQuery":' }),
      getUrl({ query: QUERY }),
    ]) {
      expect(operations.forApolloServer({ method: 'GET', url: sent, headers: {} }).search).toBe(sent.slice(sent.indexOf('?')));
    }
  });
});
