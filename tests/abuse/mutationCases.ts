import type { AbuseCase, CallerName } from './abuseCase';

const SAVE = 'mutation ($t: String!, $input: BenchmarkSelectionInput!) { saveSelectionRun(title: $t, input: $input) { id } }';
const ISSUE = 'mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key } }';
const CRITERIA = [{ indicator: 'party_org.count' }];

const title = (name: string, t: string, field = 'title', as: CallerName = 'admin', input: Record<string, unknown> = { criteria: CRITERIA }): AbuseCase => ({
  name: `saveSelectionRun: ${name}`,
  as,
  request: { query: SAVE, variables: { t, input } },
  status: 200,
  code: 'BAD_USER_INPUT',
  field,
  data: 'none',
});
const key = (name: string, input: Record<string, unknown>, field: string): AbuseCase => ({
  name: `issueApiKey: ${name}`,
  request: { query: ISSUE, variables: { input: { label: 'abuse', roles: ['ANALYST'], provinces: ['anhui'], ...input } } },
  status: 200,
  code: 'BAD_USER_INPUT',
  field,
  data: 'none',
});

/** Mutations with bad input: refused naming the field, nothing written. */
export const MUTATION_CASES: readonly AbuseCase[] = [
  title('right-to-left override in the title', 'report\u202Efdp.exe'),
  title('left-to-right embedding in the title', 'a\u202Ab'),
  title('pop directional formatting in the title', 'a\u202Cb'),
  title('first-strong isolate in the title', 'a\u2068b'),
  title('pop directional isolate in the title', 'a\u2069b'),
  title('right-to-left mark in the title', 'a\u200Fb'),
  title('empty title', ''),
  title('title of 201 characters', 't'.repeat(201)),
  title('bidi title from an analyst', 'x\u202Ey', 'title', 'anhuiAnalyst'),
  title('unknown indicator in the criteria', 'ok', 'input.criteria[0].indicator', 'admin', { criteria: [{ indicator: 'no.such' }] }),
  title('negative weight', 'ok', 'input.criteria[0].weight', 'admin', { criteria: [{ indicator: 'party_org.count', weight: -1 }] }),
  title('no criteria and no preset', 'ok', 'input.criteria', 'admin', { criteria: [] }),
  key('right-to-left override in the label', { label: 'evil\u202Etxt' }, 'input.label'),
  key('isolate in the label', { label: 'a\u2066b' }, 'input.label'),
  key('NUL in the label', { label: 'a\u0000b' }, 'input.label'),
  key('newline in the label', { label: 'a\nb' }, 'input.label'),
  key('empty label', { label: '' }, 'input.label'),
  key('unknown province', { provinces: ['atlantis'] }, 'input.provinces'),
  key('zone system without zones', { roles: ['ZONE_SYSTEM'], provinces: [] }, 'input.zoneIds'),
  key('zone system with an unknown zone', { roles: ['ZONE_SYSTEM'], provinces: [], zoneIds: ['nowhere'] }, 'input.zoneIds'),
  key('no roles', { roles: [] }, 'input.roles'),
  {
    name: 'issueApiKey: unknown role',
    request: { query: ISSUE, variables: { input: { label: 'x', roles: ['ROOT'], provinces: ['ALL'] } } },
    status: 400,
    code: 'BAD_USER_INPUT',
    data: 'none',
  },
  {
    name: 'saveSelectionRun: repeated 10 times under aliases with a bidi title',
    request: {
      query: `mutation { ${Array.from({ length: 10 }, (_, i) => `r${i}: saveSelectionRun(title: "x\\u202Ey", input: { criteria: [{ indicator: "party_org.count" }] }) { id }`).join(' ')} }`,
    },
    status: 200,
    code: 'BAD_USER_INPUT',
    field: 'title',
    data: 'none',
  },
];

/** Introspection and field suggestions: analysts and administrators only (GATEWAY_INTROSPECTION=analysts, the default). */
export const INTROSPECTION_CASES: readonly AbuseCase[] = [
  ...(['biReader', 'yongkangSystem'] as const).flatMap((as): AbuseCase[] => [
    { name: `${as}: __schema`, as, request: { query: '{ __schema { types { name } } }' }, status: 403, code: 'FORBIDDEN', data: 'none' },
    { name: `${as}: __type`, as, request: { query: '{ __type(name: "Zone") { fields { name } } }' }, status: 403, code: 'FORBIDDEN', data: 'none' },
    {
      name: `${as}: __schema hidden in a fragment`,
      as,
      request: { query: '{ provinces { code } ...F } fragment F on Query { __schema { queryType { name } } }' },
      status: 403,
      code: 'FORBIDDEN',
      data: 'none',
    },
    {
      name: `${as}: a misspelt field gets no suggestion`,
      as,
      request: { query: '{ zones { nameZhh } }' },
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      data: 'none',
      hidden: ['Did you mean', 'nameZh"'],
    },
    {
      name: `${as}: a misspelt enum value gets no suggestion`,
      as,
      request: { query: '{ searchEnterprises(orderBy: NAME_AS) { totalCount } }' },
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      data: 'none',
      hidden: ['Did you mean', 'NAME_ASC'],
    },
  ]),
  {
    name: 'analyst: __typename alone is not introspection',
    as: 'anhuiAnalyst',
    request: { query: '{ __typename }' },
    status: 200,
    code: 'none',
    data: 'some',
  },
  {
    name: 'BI reader: __typename alone is not introspection',
    as: 'biReader',
    request: { query: '{ __typename provinces { __typename code } }' },
    status: 200,
    code: 'none',
    data: 'some',
  },
  {
    name: 'analyst: __schema is answered',
    as: 'anhuiAnalyst',
    request: { query: '{ __schema { queryType { name } } }' },
    status: 200,
    code: 'none',
    data: 'some',
  },
];
