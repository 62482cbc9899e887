import type {
  EnterpriseQuery,
  FigureRead,
  FigureReadOptions,
  RecordCompleteness,
  UnassessedIndicator,
  ZoneFigure,
  ZoneIndustryProfile,
  ZonePageOfEnterprises,
  ZoneReader,
  ZoneReadFailure,
} from './zoneReader';
import type { RequestSigner } from '@devzone/subgraph-kit';
import { ENTERPRISES_QUERY, FIGURES_QUERY } from './zoneReaderOperations';
import type {
  ProvinceReadsEnterprisesQuery,
  ProvinceReadsEnterprisesQueryVariables,
  ProvinceReadsFiguresQuery,
  ProvinceReadsFiguresQueryVariables,
} from './zoneReaderOperations.generated';

/** The most enterprise records read per zone for an industry profile (the zone page's maximum). */
export const INDUSTRY_SAMPLE_SIZE = 500;

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; zoneId?: string; service?: string } }[];
}

export interface GatewayZoneReaderOptions {
  /** Resolved on every call: the gateway may start after the province. */
  gatewayUrl: () => string | undefined;
  /**
   * Signs each read with the deployment's key for the caller the province is
   * answering: the gateway takes a verified service signature as authentication
   * of the forwarded principal (see docs/security.md).
   */
  sign: RequestSigner;
  /** @default 10000 */
  timeoutMs?: number;
}

export class GatewayZoneReader implements ZoneReader {
  constructor(private readonly options: GatewayZoneReaderOptions) {}

  private async post<T, V extends object>(query: string, variables: V): Promise<GraphQLAnswer<T>> {
    const url = this.options.gatewayUrl();
    if (!url) throw new Error('the province service does not know the gateway URL (set GATEWAY_URL)');
    const body = JSON.stringify({ query, variables });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.options.sign(body) },
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    const answer = (await response.json()) as GraphQLAnswer<T>;
    if (!answer.data) throw new Error(`the gateway refused the zone read: ${(answer.errors ?? []).map((e) => e.message).join('; ')}`);
    return answer;
  }

  async figures(zoneIds: readonly string[], codes: readonly string[], options: FigureReadOptions = {}): Promise<FigureRead> {
    const withIndustries = options.industryProfiles ?? false;
    const answer = await this.post<ProvinceReadsFiguresQuery, ProvinceReadsFiguresQueryVariables>(FIGURES_QUERY, {
      ids: [...zoneIds],
      codes: [...codes],
      withIndustries,
      sample: INDUSTRY_SAMPLE_SIZE,
    });
    const failures = failuresOf(answer.errors);
    const figures: ZoneFigure[] = [];
    const unassessed: UnassessedIndicator[] = [];
    const answered: string[] = [];
    const profiles: ZoneIndustryProfile[] = [];
    for (const zone of answer.data!.zones) {
      if (!zone.indicators || !zone.unassessedIndicators || (withIndustries && !zone.enterprises)) {
        if (!failures.has(zone.id)) failures.set(zone.id, { zoneId: zone.id, service: null, message: `Zone "${zone.id}" returned no figures` });
        continue;
      }
      answered.push(zone.id);
      for (const figure of zone.indicators) figures.push({ zoneId: zone.id, ...figure });
      for (const item of zone.unassessedIndicators) unassessed.push({ zoneId: zone.id, ...item });
      if (zone.enterprises) profiles.push(industryProfileOf(zone.id, zone.enterprises, zone.records?.enterprises ?? null));
    }
    return { figures, unassessed, answered, failures: [...failures.values()], ...(withIndustries ? { profiles } : {}) };
  }

  async enterprises(zoneIds: readonly string[], query: EnterpriseQuery): Promise<{ pages: ZonePageOfEnterprises[]; failures: ZoneReadFailure[] }> {
    const answer = await this.post<ProvinceReadsEnterprisesQuery, ProvinceReadsEnterprisesQueryVariables>(ENTERPRISES_QUERY, {
      ids: [...zoneIds],
      filter: query.filter ?? null,
      first: query.first,
      orderBy: query.orderBy,
    });
    const failures = failuresOf(answer.errors);
    const pages: ZonePageOfEnterprises[] = [];
    for (const zone of answer.data!.zones) {
      if (!zone.enterprises) {
        if (!failures.has(zone.id)) failures.set(zone.id, { zoneId: zone.id, service: null, message: `Zone "${zone.id}" returned no enterprises` });
        continue;
      }
      pages.push({
        zoneId: zone.id,
        totalCount: zone.enterprises.totalCount,
        items: zone.enterprises.items.map((e) => ({
          id: e.id,
          nameZh: e.nameZh,
          employees: e.employees?.value ?? null,
          outputValue: e.outputValue,
          tax: e.tax,
        })),
      });
    }
    return { pages, failures: [...failures.values()] };
  }
}

function industryProfileOf(
  zoneId: string,
  { totalCount, items }: { totalCount: number; items: readonly { industry: string | null }[] },
  enterpriseRecords: RecordCompleteness | null,
): ZoneIndustryProfile {
  const counts = new Map<string, number>();
  let unknownIndustry = 0;
  for (const { industry } of items) {
    if (industry === null || industry.trim() === '') unknownIndustry += 1;
    else counts.set(industry, (counts.get(industry) ?? 0) + 1);
  }
  return {
    zoneId,
    industries: [...counts].map(([industry, enterprises]) => ({ industry, enterprises })),
    unknownIndustry,
    enterprisesRead: items.length,
    totalCount,
    enterpriseRecords,
  };
}

/** Zone failures the gateway reported, one per zone (the first message wins). */
function failuresOf(errors: GraphQLAnswer<unknown>['errors']): Map<string, ZoneReadFailure> {
  const failures = new Map<string, ZoneReadFailure>();
  for (const error of errors ?? []) {
    const zoneId = error.extensions?.zoneId;
    if (zoneId && !failures.has(zoneId)) failures.set(zoneId, { zoneId, service: error.extensions?.service ?? null, message: error.message });
  }
  return failures;
}
