import { CanonicalQueries } from '../canonicalQueries';

describe('CanonicalQueries', () => {
  const queries = new CanonicalQueries();
  const QUERY = '{ zone(id: "chuzhou") { indicators { code value } } }';

  it('gives two spellings of one query the same text: whitespace, commas and comments aside', () => {
    const spelled = '# the figures\n{\n  zone(id: "chuzhou") {\n    indicators { code, value }\n  }\n}\n';
    expect(queries.of(spelled)).toBe(queries.of(QUERY));
    expect(queries.of('query Q($id: ID!) { zone(id: $id) { id } }')).toBe(queries.of('query Q( $id : ID! ){zone(id:$id){id}}'));
  });

  it('keeps apart what changes the answer: the order of fields, aliases, arguments, operation names', () => {
    const others = [
      '{ zone(id: "chuzhou") { indicators { value code } } }',
      '{ z: zone(id: "chuzhou") { indicators { code value } } }',
      '{ zone(id: "feixi") { indicators { code value } } }',
      'query Named { zone(id: "chuzhou") { indicators { code value } } }',
    ];
    expect(new Set([QUERY, ...others].map((query) => queries.of(query))).size).toBe(5);
  });

  it('keys a text that does not parse, or is longer than 16 KiB, as it is', () => {
    expect(queries.of('{ zone(id: ')).toBe('{ zone(id: ');
    const long = `{ zone(id: "chuzhou") { ${'id '.repeat(6000)} } }`;
    expect(queries.of(long)).toBe(long);
  });

  it('remembers at most its bound of texts, and still answers the same for one it forgot', () => {
    const small = new CanonicalQueries({ maxEntries: 2 });
    const first = small.of(QUERY);
    small.of('{ a }');
    small.of('{ b }');
    expect(small.of(QUERY)).toBe(first);
  });
});
