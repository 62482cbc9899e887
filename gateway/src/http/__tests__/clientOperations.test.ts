import { createHash } from 'node:crypto';
import { ClientOperations, persistedQueryHashOf, plainOperationOf } from '../clientOperations';

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
