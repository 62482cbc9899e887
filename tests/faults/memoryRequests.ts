/** The varied requests of the memory test: valid, invalid, over a limit, failing, anonymous and forged. */
export interface RawRequest {
  readonly kind: 'valid' | 'invalid' | 'limited' | 'failing' | 'unauthenticated';
  /** The exact body sent (malformed ones included). */
  readonly body: string;
  /** Whose `Authorization` it carries: the reader's, a forged one, or none. */
  readonly credential: 'reader' | 'forged' | 'none';
  /** HTTP statuses a right answer may have (429 is always allowed: the rate limit is part of the mix). */
  readonly statuses: readonly number[];
}

const body = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) });

const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: zones { id }`).join(' ')} }`;
const deep = (levels: number) => `{ zone(id: "yongkang") { ${'enterprises(first: 1) { items { zone { '.repeat(levels)}id${' } } }'.repeat(levels)} } }`;

/** `failingZone`'s service is down for the whole test: its reads answer ZONE_UNAVAILABLE. */
export function memoryRequests(enterpriseId: string, failingZone: string): RawRequest[] {
  const ok = [200];
  return [
    {
      kind: 'valid',
      credential: 'reader',
      statuses: ok,
      body: body('{ zones { id nameZh enterprises(first: 5) { totalCount items { id nameZh zone { id } } } } }'),
    },
    {
      kind: 'valid',
      credential: 'reader',
      statuses: ok,
      body: body('query Z($id: ID!) { zone(id: $id) { id indicators { value unitLabel } } }', { id: 'chuzhou' }),
    },
    {
      kind: 'valid',
      credential: 'reader',
      statuses: ok,
      body: body('query E($id: ID!) { enterprise(id: $id) { id nameZh honors { title } } }', { id: enterpriseId }),
    },
    {
      kind: 'failing',
      credential: 'reader',
      statuses: ok,
      body: body('query Z($id: ID!) { zone(id: $id) { id enterprises { totalCount } } }', { id: failingZone }),
    },
    { kind: 'invalid', credential: 'reader', statuses: [400], body: body('{ zones { id ') },
    { kind: 'invalid', credential: 'reader', statuses: [400], body: body('{ noSuchField }') },
    {
      kind: 'invalid',
      credential: 'reader',
      statuses: ok,
      body: body('query E($id: ID!) { enterprise(id: $id) { id } }', { id: `no-colon-\u0000-${'x'.repeat(200)}` }),
    },
    { kind: 'invalid', credential: 'reader', statuses: [400], body: body('query A { zones { id } }', {}, 'B') },
    { kind: 'invalid', credential: 'reader', statuses: [400], body: '{"query": "{ zones { id } }", ' },
    { kind: 'limited', credential: 'reader', statuses: [400], body: body(aliases(40)) },
    { kind: 'limited', credential: 'reader', statuses: [400], body: body(deep(8)) },
    { kind: 'limited', credential: 'reader', statuses: [400], body: body('{ zones { enterprises(first: 100000) { totalCount } } }') },
    { kind: 'unauthenticated', credential: 'none', statuses: [401], body: body('{ zones { id } }') },
    { kind: 'unauthenticated', credential: 'forged', statuses: [401], body: body('{ zones { id } }') },
  ];
}
