import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GRAPHIQL_EXAMPLE_QUERY } from '@devzone/gateway';
import type { RunningStack } from '@devzone/stack';
import { postGraphQL, startTestStack } from '@devzone/testkit';
import type * as Q from './generated/docsQueries';

const QUERY_DIR = join(__dirname, '..', 'docs', 'queries');
const files = readdirSync(QUERY_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .sort();

/** What each documented query must show on the seeded data (beyond answering without errors). */
/** The answer type of each documented operation, generated from docs/queries by `pnpm generate`. */
/** The value, or a test failure naming what was missing (the schema allows null where a zone can fail). */
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing from the answer`);
  return value;
}

interface DocumentedAnswers {
  'zones-by-province.graphql': Q.ZonesByProvinceQuery;
  'compare-party-networks.graphql': Q.ComparePartyNetworksQuery;
  'party-organization-tree.graphql': Q.PartyOrganizationTreeQuery;
  'search-enterprises-by-honor.graphql': Q.SearchEnterprisesByHonorQuery;
  'onsite-meeting-history.graphql': Q.OnsiteMeetingHistoryQuery;
  'enterprise-detail.graphql': Q.EnterpriseDetailQuery;
  'peer-suggestions.graphql': Q.PeerSuggestionsQuery;
  'saved-selection-run.graphql': Q.SaveQualityRankingMutation;
  'methods-side-by-side.graphql': Q.MethodsSideBySideQuery;
  'select-onsite-meeting-host.graphql': Q.SelectOnsiteMeetingHostQuery;
  'compare-sorted-by-indicator.graphql': Q.CompareSortedByIndicatorQuery;
  'compare-zones-and-provinces.graphql': Q.CompareZonesAndProvincesQuery;
}

const EXPECTATIONS: { [File in keyof DocumentedAnswers]: (data: DocumentedAnswers[File]) => void } = {
  'zones-by-province.graphql': (data) => {
    const chuzhou = present(
      data.zones.find((z) => z.id === 'chuzhou'),
      'chuzhou',
    );
    expect(chuzhou.service?.name).toBe('anhui');
    expect(
      present(chuzhou.indicators, 'chuzhou.indicators').some((i) => i.code === 'org_coverage.rate' && i.value === 71 && i.provenance.kind === 'REPORTED'),
    ).toBe(true);
  },
  'compare-party-networks.graphql': (data) => {
    expect(data.provinces.map((p) => p.code).sort()).toEqual(['anhui', 'fujian', 'zhejiang']);
    const yongkang = present(
      data.provinces.flatMap((p) => p.zones).find((z) => z.id === 'yongkang'),
      'yongkang',
    );
    expect(present(yongkang.indicators, 'yongkang.indicators').some((i) => i.code === 'party_member.count' && i.qualifier === 'AT_LEAST')).toBe(true);
  },
  'party-organization-tree.graphql': (data) => {
    const zone = present(data.zone, 'zone');
    expect(present(zone.organizationTree, 'organizationTree').length).toBeGreaterThan(0);
    expect(present(zone.partyOrganizations, 'partyOrganizations').totalCount).toBeGreaterThan(3);
  },
  'search-enterprises-by-honor.graphql': (data) => {
    expect(data.searchEnterprises.failedZones).toEqual([]);
    expect(data.searchEnterprises.items.some((e) => e?.nameZh.includes('三锋'))).toBe(true);
  },
  'onsite-meeting-history.graphql': (data) => {
    const span = present(
      data.onsiteMeetings.find((m) => m.precision === 'WITHIN_PERIOD'),
      'a meeting within a period',
    );
    expect(span.period).toBe('2018/2019');
    expect(data.onsiteMeetings.some((m) => m.precision === 'ANNOUNCED' && m.hosts.some((h) => h.id === 'feixi'))).toBe(true);
  },
  'enterprise-detail.graphql': (data) => {
    const enterprise = present(data.enterprise, 'enterprise');
    expect(enterprise.nameZh).toContain('三锋');
    expect(enterprise.zone.nameZh).toContain('永康');
  },
  'peer-suggestions.graphql': (data) => {
    const { zone, peers, notSuggested, consideredZones, failedZones } = data.peerSuggestions;
    expect(failedZones).toEqual([]);
    expect(consideredZones).toBe(peers.length + notSuggested.length);
    expect([...peers, ...notSuggested].map((p) => p.zone.id)).not.toContain(zone.id);
    expect(
      peers.every(
        (p) => p.strongerOn > 0 && p.gaps.some((g) => g.peerIsStronger && g.gap === present(g.peer.value, 'peer value') - present(g.own.value, 'own value')),
      ),
    ).toBe(true);
    // Industry profiles over the few enterprises an article names are not assessable: similarity is size alone.
    expect(peers.every((p) => p.industrySimilarity === null && p.similarityNote.includes('not assessable'))).toBe(true);
    // Yongkang (82) and Ningguo (83) report more organizations and members than Chengxi (60余, 600余), at a similar size.
    expect(peers[0]).toMatchObject({ rank: 1, zone: { id: 'yongkang' }, strongerOn: 2, similarity: 0.8643 });
    expect(peers.map((p) => p.zone.id)).toEqual(['yongkang', 'ningguo', 'chuzhou']);
    // Zones whose only figures count what an article names are left out by default.
    expect(
      notSuggested
        .filter((e) => e.reason === 'MISSING_FIGURES')
        .map((e) => e.zone.id)
        .sort(),
    ).toEqual(['changfeng', 'dangtu', 'feixi', 'jinjiang', 'suixi']);
  },
  'saved-selection-run.graphql': (data) => {
    const run = data.saveSelectionRun;
    expect(run.replayMatchesSaved).toBe(true);
    expect(run.result.settings).toMatchObject({ preset: 'party_building_quality', method: 'TOPSIS', seed: 7 });
    expect(run.result.selected).toHaveLength(3);
    // Honors per organization would rest on the honors an article names: not assessable by default.
    expect(run.result.unassessableCriteria.map((u) => u.indicator)).toEqual(['work_coverage.rate', 'derived.honors_per_org']);
    // Nothing changed between saving and re-running on current data.
    expect(run.rerunOnCurrentData).toEqual({ selectionChanged: false, moves: [], figureChanges: [] });
  },
  'methods-side-by-side.graphql': (data) => {
    const { entropyWeights, ahpWeights, blendedWeights, ...rankings } = data;
    const runs = [...Object.values(rankings), entropyWeights, ahpWeights, blendedWeights];
    expect(runs).toHaveLength(8);
    for (const run of runs) {
      // Only four zones report a figure on organizations, members or pioneer posts.
      expect(run.excluded.map((e) => e.zone.id).sort()).toEqual(['changfeng', 'dangtu', 'feixi', 'jinjiang', 'suixi']);
      expect(run.ranked.map((r) => r.zone.id).sort()).toEqual(['chengxi', 'chuzhou', 'ningguo', 'yongkang']);
      expect(run.ranked[0].zone.id).toBe('yongkang');
      expect(run.weights.reduce((sum, w) => sum + w.weight, 0)).toBeCloseTo(1, 10);
    }
    expect(data.ahpWeights.weights.map((w) => w.weight)).toEqual([expect.closeTo(0.4, 6), expect.closeTo(0.2, 6), expect.closeTo(0.4, 6)]);
    expect(data.ahpWeights.consistencyRatio).toBeLessThan(1e-9);
    // Entropy weighs pioneer posts most: the zones differ most on them (197 against 21余).
    const entropy = Object.fromEntries(data.entropyWeights.weights.map((w) => [w.indicator, w.weight]));
    expect(entropy['pioneer_post.count']).toBeGreaterThan(Math.max(entropy['party_org.count'], entropy['party_member.count']));
    // Efficacy scores sit on the 60-100 scale around the bounds; TOPSIS closeness in [0, 1].
    expect(data.weightedSumEfficacy.ranked[0].score).toBeGreaterThan(60);
    expect(data.topsis.ranked.every((r) => r.score >= 0 && r.score <= 1)).toBe(true);
  },
  'select-onsite-meeting-host.graphql': (data) => {
    const selection = data.selectBenchmarkSites;
    expect(selection.failedZones).toEqual([]);
    expect(
      selection.excluded
        .filter((e) => e.reason === 'HOSTED_RECENTLY')
        .map((e) => e.zone.id)
        .sort(),
    ).toEqual(['changfeng', 'dangtu', 'feixi', 'suixi']);
    expect(selection.selected).toHaveLength(1);
    const winner = present(selection.ranked[0], 'the winner');
    expect(winner.breakdown.reduce((sum, b) => sum + b.contribution, 0)).toBeCloseTo(winner.score, 9);
    expect(data.benchmarkPresets[0].criteria.map((c) => c.dimension.split(' ')[0])).toContain('示范性');
  },
  'compare-sorted-by-indicator.graphql': (data) => {
    const { asReported, withNamedOnly } = data;
    type Sorted = Q.CompareSortedByIndicatorQuery['asReported'];
    const ranks = (c: Sorted) => c.rows.map((r) => [r.zone.id, r.rank]);
    expect(ranks(asReported)).toEqual([
      ['chuzhou', 1],
      ['ningguo', 2],
      ['yongkang', 3],
      ['chengxi', 4],
      ['changfeng', null],
      ['dangtu', null],
      ['feixi', null],
      ['suixi', null],
      ['jinjiang', null],
    ]);
    expect(asReported.rows[3].rankNote).toContain('lower bound (at least 60)');
    expect(ranks(withNamedOnly).slice(4)).toEqual([
      ['changfeng', 5],
      ['jinjiang', 6],
      ['feixi', 7],
      ['dangtu', null],
      ['suixi', null],
    ]);
    for (const row of withNamedOnly.rows.slice(4, 7)) expect(row.cells[0].provenance).toMatchObject({ kind: 'COMPUTED', recordCompleteness: 'NAMED_ONLY' });
    // Coverage rates over named-only records are never computed: only Chuzhou's reported 71 %.
    for (const run of [asReported, withNamedOnly])
      expect(run.rows.filter((r) => r.cells[1].status === 'PRESENT').map((r) => [r.zone.id, r.cells[1].value])).toEqual([['chuzhou', 71]]);
    const anhui = (c: Sorted) => c.provinceAggregates.find((a) => a.province.code === 'anhui' && a.indicator === 'party_org.count');
    expect(anhui(asReported)).toMatchObject({ mean: 99, qualifier: 'EXACT', reportedCount: 2, computedCount: 0 });
    expect(anhui(withNamedOnly)).toMatchObject({ mean: 51.5, qualifier: 'AT_LEAST', reportedCount: 2, computedCount: 2, namedOnlyCount: 2 });
  },
  'compare-zones-and-provinces.graphql': (data) => {
    const { rows, provinceAggregates, failedZones } = data.compareZones;
    expect(failedZones).toEqual([]);
    expect(rows.map((r) => r.zone.province.code).sort()).toEqual(['anhui', 'anhui', 'anhui', 'anhui', 'anhui', 'anhui', 'fujian', 'zhejiang', 'zhejiang']);
    const cell = (zoneId: string, code: string) =>
      present(
        present(
          rows.find((r) => r.zone.id === zoneId),
          zoneId,
        ).cells.find((c) => c.code === code),
        `${zoneId} ${code}`,
      );
    expect(cell('chuzhou', 'org_coverage.rate')).toMatchObject({ value: 71, provenance: { kind: 'REPORTED', document: '003_037c2896ec0aa84d.txt' } });
    expect(cell('yongkang', 'derived.members_per_org').inputs.map((i) => i.value)).toEqual([2000, 82]);
    const members = provinceAggregates.find((a) => a.province.code === 'zhejiang' && a.indicator === 'party_member.count');
    expect(members).toMatchObject({ valueCount: 2, lowerBoundCount: 2, qualifier: 'AT_LEAST', mean: 1300 });
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

  it('the query GraphiQL opens on answers without errors', async () => {
    const body = await postGraphQL<{ compareZones: { rows: unknown[]; failedZones: unknown[] } }>(stack.gatewayUrl, GRAPHIQL_EXAMPLE_QUERY);
    expect(body.errors).toBeUndefined();
    expect(body.data!.compareZones.rows.length).toBeGreaterThan(0);
    expect(body.data!.compareZones.failedZones).toEqual([]);
  });

  it.each(files)('%s answers without errors', async (file) => {
    const body = await postGraphQL(stack.gatewayUrl, readFileSync(join(QUERY_DIR, file), 'utf8'));
    expect(body.errors).toBeUndefined();
    // The answer has the shape its generated type describes: the operation was checked against the schema.
    (EXPECTATIONS[file as keyof DocumentedAnswers] as (data: unknown) => void)(body.data);
  });
});
