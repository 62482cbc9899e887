import type { EnterpriseQuery, ZonePageOfEnterprises, ZoneReader, ZoneReadFailure } from './zoneReader';

const ENTERPRISES_QUERY = /* GraphQL */ `
  query ProvinceReadsEnterprises($ids: [ID!]!, $filter: EnterpriseFilter, $first: Int!, $orderBy: EnterpriseOrder!) {
    zones(ids: $ids) {
      id
      enterprises(filter: $filter, first: $first, orderBy: $orderBy) {
        totalCount
        items { id nameZh employees { value } outputValue tax }
      }
    }
  }
`;

interface Answer {
  data?: {
    zones: {
      id: string;
      enterprises: { totalCount: number; items: { id: string; nameZh: string; employees: { value: number } | null; outputValue: number | null; tax: number | null }[] } | null;
    }[];
  } | null;
  errors?: { message: string; extensions?: { code?: string; zoneId?: string; service?: string } }[];
}

export interface GatewayZoneReaderOptions {
  /** Resolved on every call: the gateway may start after the province. */
  gatewayUrl: () => string | undefined;
  /** Headers forwarded to the gateway (e.g. the caller's credential). */
  headers?: Record<string, string>;
  /** @default 10000 */
  timeoutMs?: number;
}

export class GatewayZoneReader implements ZoneReader {
  constructor(private readonly options: GatewayZoneReaderOptions) {}

  async enterprises(zoneIds: readonly string[], query: EnterpriseQuery): Promise<{ pages: ZonePageOfEnterprises[]; failures: ZoneReadFailure[] }> {
    const url = this.options.gatewayUrl();
    if (!url) throw new Error('the province service does not know the gateway URL (set GATEWAY_URL)');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.options.headers ?? {}) },
      body: JSON.stringify({ query: ENTERPRISES_QUERY, variables: { ids: zoneIds, filter: query.filter ?? null, first: query.first, orderBy: query.orderBy } }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    const answer = (await response.json()) as Answer;
    if (!answer.data) throw new Error(`the gateway refused the zone read: ${(answer.errors ?? []).map((e) => e.message).join('; ')}`);
    const failures = new Map<string, ZoneReadFailure>();
    for (const error of answer.errors ?? []) {
      const zoneId = error.extensions?.zoneId;
      if (zoneId && !failures.has(zoneId)) failures.set(zoneId, { zoneId, service: error.extensions?.service ?? null, message: error.message });
    }
    const pages: ZonePageOfEnterprises[] = [];
    for (const zone of answer.data.zones) {
      if (!zone.enterprises) {
        if (!failures.has(zone.id)) failures.set(zone.id, { zoneId: zone.id, service: null, message: `Zone "${zone.id}" returned no enterprises` });
        continue;
      }
      pages.push({
        zoneId: zone.id,
        totalCount: zone.enterprises.totalCount,
        items: zone.enterprises.items.map((e) => ({ id: e.id, nameZh: e.nameZh, employees: e.employees?.value ?? null, outputValue: e.outputValue, tax: e.tax })),
      });
    }
    return { pages, failures: [...failures.values()] };
  }
}
