import { except, OUTSIDE_ANHUI, OUTSIDE_YONGKANG, type AbuseCase, type CallerName, type ErrorCode, type Fixtures } from './abuseCase';

const CRITERIA = '[{ indicator: "party_org.count" }]';

interface ScopedCaller {
  readonly as: CallerName;
  readonly outside: readonly string[];
  /** A zone, an enterprise, an organization and a province it may not read. */
  readonly foreignZone: string;
  readonly foreignEnterprise: string;
  readonly foreignOrganization: string;
  readonly foreignProvince: string;
  /** Whether it may run analytics (compareZones, selection, peers, saved runs). */
  readonly analyst: boolean;
}

const ANHUI_ANALYST: ScopedCaller = {
  as: 'anhuiAnalyst',
  outside: OUTSIDE_ANHUI,
  foreignZone: 'yongkang',
  foreignEnterprise: 'yongkang:sanfeng',
  foreignOrganization: 'yongkang:working-committee',
  foreignProvince: 'zhejiang',
  analyst: true,
};

/** The rows every scoped caller gets: lists hold only its zones, naming a foreign one is answered like an unknown one. */
function scopeCases(caller: ScopedCaller, label: string): AbuseCase[] {
  const { as, outside, foreignZone, foreignEnterprise, foreignOrganization, foreignProvince } = caller;
  const list = (path: string, query: string | ((f: Fixtures) => string)): AbuseCase => ({
    name: `${label}: ${path} lists only its zones`,
    as,
    request: typeof query === 'string' ? { query } : (f) => ({ query: query(f) }),
    status: 200,
    code: 'none',
    data: 'some',
    hidden: outside,
  });
  const named = (path: string, query: string, code: ErrorCode, asked: string, data?: AbuseCase['data']): AbuseCase => ({
    name: `${label}: ${path} naming ${asked}`,
    as,
    request: { query },
    status: 200,
    code,
    ...(data ? { data } : {}),
    hidden: except(outside, asked),
  });
  const analytics = (path: string, query: string, asked: string): AbuseCase =>
    caller.analyst
      ? named(path, query, 'BAD_USER_INPUT', asked, 'none')
      : { name: `${label}: ${path} naming ${asked}`, as, request: { query }, status: 200, code: 'FORBIDDEN', data: 'none', hidden: except(outside, asked) };
  const analyticsList = (path: string, query: string): AbuseCase =>
    caller.analyst ? list(path, query) : { name: `${label}: ${path}`, as, request: { query }, status: 200, code: 'FORBIDDEN', data: 'none', hidden: outside };
  return [
    list('zones', '{ zones { id nameZh nameEn province { code nameZh } } }'),
    list('provinces { zones }', '{ provinces { code nameZh zones { id nameZh } } }'),
    list('onsiteMeetings { hosts }', '{ onsiteMeetings { id title hosts { id nameZh } } }'),
    list('searchEnterprises', '{ searchEnterprises(first: 200) { totalCount items { id zone { id nameZh } } failedZones { zoneId } } }'),
    list('sourceDocuments { zoneIds }', '{ sourceDocuments { fileName zoneIds } }'),
    list('searchEnterprises by an honor', '{ searchEnterprises(filter: { honorContains: "党" }, first: 200) { items { id } } }'),
    named('zone(id)', `{ zone(id: "${foreignZone}") { id nameZh } }`, 'NOT_FOUND', foreignZone, 'none'),
    named('zones(ids)', `{ zones(ids: ["${foreignZone}"]) { id } }`, 'BAD_USER_INPUT', foreignZone, 'none'),
    named('zones(province)', `{ zones(province: "${foreignProvince}") { id } }`, 'BAD_USER_INPUT', foreignProvince, 'none'),
    named('enterprise(id)', `{ enterprise(id: "${foreignEnterprise}") { id nameZh } }`, 'NOT_FOUND', foreignEnterprise, 'none'),
    named('enterprise(id) with its zone', `{ enterprise(id: "${foreignEnterprise}") { zone { id nameZh } } }`, 'NOT_FOUND', foreignEnterprise, 'none'),
    named('partyOrganization(id)', `{ partyOrganization(id: "${foreignOrganization}") { id nameZh } }`, 'NOT_FOUND', foreignOrganization, 'none'),
    named('onsiteMeetings(province)', `{ onsiteMeetings(province: "${foreignProvince}") { id } }`, 'BAD_USER_INPUT', foreignProvince, 'none'),
    named('searchEnterprises(zoneIds)', `{ searchEnterprises(zoneIds: ["${foreignZone}"]) { totalCount } }`, 'BAD_USER_INPUT', foreignZone, 'none'),
    named('searchEnterprises(province)', `{ searchEnterprises(province: "${foreignProvince}") { totalCount } }`, 'BAD_USER_INPUT', foreignProvince, 'none'),
    list('sourceDocument { zoneIds } of an article about Yongkang', '{ sourceDocument(fileName: "000_b89a998cf9687559.txt") { fileName zoneIds } }'),
    analyticsList(
      'compareZones',
      `{ compareZones(indicators: ["party_org.count"]) { rows { zone { id nameZh } } provinceAggregates { province { code } } failedZones { zoneId } } }`,
    ),
    analytics('compareZones(zoneIds)', `{ compareZones(indicators: ["party_org.count"], zoneIds: ["${foreignZone}"]) { rows { rank } } }`, foreignZone),
    analytics(
      'compareZones(provinces)',
      `{ compareZones(indicators: ["party_org.count"], provinces: ["${foreignProvince}"]) { rows { rank } } }`,
      foreignProvince,
    ),
    analyticsList(
      'selectBenchmarkSites',
      `{ selectBenchmarkSites(input: { criteria: ${CRITERIA} }) { ranked { zone { id } } excluded { zone { id } message } } }`,
    ),
    analytics(
      'selectBenchmarkSites(zoneIds)',
      `{ selectBenchmarkSites(input: { criteria: ${CRITERIA}, zoneIds: ["${foreignZone}"] }) { ranked { rank } } }`,
      foreignZone,
    ),
    analytics(
      'selectBenchmarkSites(provinces)',
      `{ selectBenchmarkSites(input: { criteria: ${CRITERIA}, provinces: ["${foreignProvince}"] }) { ranked { rank } } }`,
      foreignProvince,
    ),
    analytics('peerSuggestions(zoneId)', `{ peerSuggestions(zoneId: "${foreignZone}", criteria: ${CRITERIA}) { consideredZones } }`, foreignZone),
    analytics(
      'peerSuggestions(provinces)',
      `{ peerSuggestions(zoneId: "chuzhou", criteria: ${CRITERIA}, provinces: ["${foreignProvince}"]) { consideredZones } }`,
      foreignProvince,
    ),
    analytics(
      'saveSelectionRun(zoneIds)',
      `mutation { saveSelectionRun(title: "scope", input: { criteria: ${CRITERIA}, zoneIds: ["${foreignZone}"] }) { id } }`,
      foreignZone,
    ),
    analyticsList('selectionRuns', '{ selectionRuns(first: 100) { id title createdBy } }'),
    {
      name: `${label}: selectionRun of the administrator's run`,
      as,
      request: (f) => ({ query: `{ selectionRun(id: "${f.adminRunId}") { id title } }` }),
      status: 200,
      code: caller.analyst ? 'NOT_FOUND' : 'FORBIDDEN',
      data: 'none',
      hidden: [...outside, 'abuse: admin run'],
    },
    {
      name: `${label}: deleteSelectionRun of the administrator's run`,
      as,
      request: (f) => ({ query: `mutation { deleteSelectionRun(id: "${f.adminRunId}") }` }),
      status: 200,
      code: caller.analyst ? 'NOT_FOUND' : 'FORBIDDEN',
      data: 'none',
      hidden: outside,
    },
    {
      name: `${label}: service urls`,
      as,
      request: { query: '{ zones { id service { name url } } }' },
      status: 200,
      code: 'FORBIDDEN',
      data: 'some',
      hidden: outside,
    },
    {
      name: `${label}: apiKeys`,
      as,
      request: { query: '{ apiKeys(includeRevoked: true) { keyId label } }' },
      status: 200,
      code: 'FORBIDDEN',
      data: 'none',
      hidden: [...outside, 'abuse: '],
    },
    {
      name: `${label}: issueApiKey for every province`,
      as,
      request: { query: 'mutation { issueApiKey(input: { label: "escalate", roles: [ADMIN], provinces: ["ALL"] }) { key } }' },
      status: 200,
      code: 'FORBIDDEN',
      data: 'none',
      hidden: outside,
    },
    {
      name: `${label}: revokeApiKey of the administrator's key`,
      as,
      request: { query: 'mutation { revokeApiKey(keyId: "0000000000000000") { keyId } }' },
      status: 200,
      code: 'FORBIDDEN',
      data: 'none',
      hidden: outside,
    },
  ];
}

/** Out-of-scope reads on every path, for an Anhui analyst (key and token), an Anhui BI reader and a Yongkang zone system. */
export const SCOPE_CASES: readonly AbuseCase[] = [
  ...scopeCases(ANHUI_ANALYST, 'Anhui analyst'),
  ...scopeCases({ ...ANHUI_ANALYST, as: 'anhuiAnalystJwt' }, 'Anhui analyst (JWT)'),
  ...scopeCases({ ...ANHUI_ANALYST, as: 'biReader', analyst: false }, 'Anhui BI reader'),
  ...scopeCases(
    {
      as: 'yongkangSystem',
      outside: OUTSIDE_YONGKANG,
      foreignZone: 'chuzhou',
      foreignEnterprise: 'chuzhou:rongshida',
      foreignOrganization: 'feixi:committee',
      foreignProvince: 'anhui',
      analyst: false,
    },
    'Yongkang zone system',
  ),
];
