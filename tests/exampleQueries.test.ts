import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningStack } from '@devzone/stack';
import { postGraphQL, startTestStack } from '@devzone/testkit';

const QUERY_DIR = join(__dirname, '..', 'docs', 'queries');
const files = readdirSync(QUERY_DIR).filter((f) => f.endsWith('.graphql')).sort();

/** What each documented query must show on the seeded data (beyond answering without errors). */
const EXPECTATIONS: Record<string, (data: any) => void> = {
  'zones-by-province.graphql': (data) => {
    const chuzhou = data.zones.find((z: any) => z.id === 'chuzhou');
    expect(chuzhou.service.name).toBe('anhui');
    expect(chuzhou.indicators.some((i: any) => i.code === 'org_coverage.rate' && i.value === 71 && i.provenance.kind === 'REPORTED')).toBe(true);
  },
  'compare-party-networks.graphql': (data) => {
    expect(data.provinces.map((p: any) => p.code).sort()).toEqual(['anhui', 'fujian', 'zhejiang']);
    const yongkang = data.provinces.flatMap((p: any) => p.zones).find((z: any) => z.id === 'yongkang');
    expect(yongkang.indicators.some((i: any) => i.code === 'party_member.count' && i.qualifier === 'AT_LEAST')).toBe(true);
  },
  'party-organization-tree.graphql': (data) => {
    expect(data.zone.organizationTree.length).toBeGreaterThan(0);
    expect(data.zone.partyOrganizations.totalCount).toBeGreaterThan(3);
  },
  'search-enterprises-by-honor.graphql': (data) => {
    expect(data.searchEnterprises.failedZones).toEqual([]);
    expect(data.searchEnterprises.items.some((e: any) => e.nameZh.includes('三锋'))).toBe(true);
  },
  'onsite-meeting-history.graphql': (data) => {
    const span = data.onsiteMeetings.find((m: any) => m.precision === 'WITHIN_PERIOD');
    expect(span.period).toBe('2018/2019');
    expect(data.onsiteMeetings.some((m: any) => m.precision === 'ANNOUNCED' && m.hosts.some((h: any) => h.id === 'feixi'))).toBe(true);
  },
  'enterprise-detail.graphql': (data) => {
    expect(data.enterprise.nameZh).toContain('三锋');
    expect(data.enterprise.zone.nameZh).toContain('永康');
  },
};

describe('docs/queries run against the seeded stack', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('documents only queries that have an expectation here', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTATIONS).sort());
  });

  it.each(files)('%s answers without errors', async (file) => {
    const body = await postGraphQL(stack.gatewayUrl, readFileSync(join(QUERY_DIR, file), 'utf8'));
    expect(body.errors).toBeUndefined();
    EXPECTATIONS[file](body.data);
  });
});
