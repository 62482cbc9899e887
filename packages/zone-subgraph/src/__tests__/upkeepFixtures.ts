import type { Principal } from '@devzone/subgraph-kit';
import { generateSigningKeys, postSignedGraphQL, type SignedGraphQLBody } from '@devzone/testkit';
import type { WritableZoneSeed } from '../seed/seedSchema';
import type { RunningZoneService } from '../service/startZoneService';
import { usccCheckCharacter } from '../upkeep/uscc';

/** The service answers signed requests only: the tests sign as the gateway does, forwarding a principal. */
export const KEYS = generateSigningKeys();

export const ADMIN: Principal = { subject: 'key:admin0000000001', roles: ['ADMIN'], provinces: 'ALL', zoneIds: [] };
export const ALPHA_SYSTEM: Principal = { subject: 'key:alphasys00000001', roles: ['ZONE_SYSTEM'], provinces: [], zoneIds: ['alpha'] };
export const BETA_SYSTEM: Principal = { subject: 'key:betasys000000001', roles: ['ZONE_SYSTEM'], provinces: [], zoneIds: ['beta'] };
/** A zone system of a zone this service does not host. */
export const GAMMA_SYSTEM: Principal = { subject: 'key:gammasys00000001', roles: ['ZONE_SYSTEM'], provinces: [], zoneIds: ['gamma'] };
export const ANALYST: Principal = { subject: 'jwt:devzone/li.wei', roles: ['ANALYST'], provinces: 'ALL', zoneIds: [] };

/** A credit code in real format: the check character computed from its 17-character body. */
export const creditCode = (body: string) => body + usccCheckCharacter(body);

const source = { document: '001_43b773d05e2b406e.txt', passage: '发展党员29名' };
const named = {
  enterprises: 'named_only',
  partyOrganizations: 'named_only',
  honors: 'named_only',
  alliances: 'named_only',
  serviceStations: 'named_only',
} as const;

/** An article-seeded zone: two named enterprises, a committee and a branch, an honor, an alliance, an article's figure. */
export const ALPHA: WritableZoneSeed = {
  zone: { id: 'alpha', nameZh: '阿尔法开发区', nameEn: 'Alpha Zone', recordCompleteness: named, recordsAsOf: '2023' },
  enterprises: [
    { localId: 'sanfeng', nameZh: '三锋实业', flags: [], source },
    { localId: 'hals', nameZh: '哈尔斯', flags: ['listed'], employees: { value: 2000, qualifier: 'at_least' }, source },
  ],
  partyOrganizations: [
    { localId: 'committee', nameZh: '阿尔法党工委', type: 'working_committee', enterpriseLocalIds: [], source },
    { localId: 'hals-branch', nameZh: '哈尔斯党支部', type: 'branch', parentLocalId: 'committee', enterpriseLocalIds: ['hals'], source },
  ],
  honors: [{ localId: 'hals-clean', title: '金华市清廉民企', level: 'municipal', year: 2023, holder: { kind: 'enterprise', localId: 'hals' }, source }],
  alliances: [{ localId: 'logistics', nameZh: '红色物流党建联盟', memberOrganizationLocalIds: [], memberEnterpriseLocalIds: ['sanfeng', 'hals'], source }],
  serviceStations: [],
  indicators: [{ code: 'party_org.count', period: '2022', periodBasis: 'stated', value: 82, qualifier: 'exact', unit: 'count', source }],
};

export const BETA: WritableZoneSeed = {
  zone: { id: 'beta', nameZh: '贝塔开发区', nameEn: 'Beta Zone', recordCompleteness: named, recordsAsOf: '2023' },
  enterprises: [{ localId: 'one', nameZh: '贝塔企业', flags: [], source }],
  partyOrganizations: [],
  honors: [],
  alliances: [],
  serviceStations: [],
  indicators: [],
};

export interface GraphQLCaller {
  <T = Record<string, unknown>>(principal: Principal | null, query: string, variables?: Record<string, unknown>): Promise<SignedGraphQLBody<T>>;
}

/** Sends one operation to the service as the gateway would, on behalf of `principal`. */
export function callerOf(service: () => RunningZoneService): GraphQLCaller {
  return (principal, query, variables = {}) => postSignedGraphQL(service().url, KEYS, query, variables, principal ? { principal } : {});
}

export async function count(service: RunningZoneService, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await service.database.dataSource.query(sql, params)) as { n: number | string }[];
  return Number(row.n);
}
