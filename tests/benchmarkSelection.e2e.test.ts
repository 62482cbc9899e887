import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningStack } from '@devzone/stack';
import { postGraphQL, startTestStack } from '@devzone/testkit';

/** Benchmark-site selection, presets and saved runs over the real seeded stack (gateway → province → zones). */

interface Contribution {
  indicator: string;
  raw: number;
  weight: number;
  contribution: number;
  imputed: boolean;
  figure: {
    status: string;
    value: number | null;
    qualifier: string | null;
    provenance: { kind: string; document: string | null; computation: string | null } | null;
  };
}
interface Ranked {
  zone: { id: string };
  rank: number;
  score: number;
  selected: boolean;
  probabilityFirst: number | null;
  breakdown: Contribution[];
}
interface Selection {
  settings: { preset: string | null; asOfYear: number; excludeHostedWithinYears: number | null; method: string; normalization: string };
  ranked: Ranked[];
  selected: { zone: { id: string } }[];
  excluded: { zone: { id: string }; reason: string; message: string; indicators: string[] }[];
  weights: { indicator: string; weight: number; subjectiveWeight: number | null; entropyWeight: number | null }[];
  unassessableCriteria: { indicator: string; reason: string }[];
  consistencyRatio: number | null;
  robustness: {
    stable: boolean | null;
    monteCarloDraws: number | null;
    dethrone: { winner: { id: string }; indicator: string; newLeader: { id: string } } | null;
    notes: string[];
  };
  failedZones: { zoneId: string; service: string | null; message: string }[];
}

const SELECTION_FIELDS = `
  settings { preset asOfYear excludeHostedWithinYears method normalization }
  ranked { zone { id } rank score selected probabilityFirst
    breakdown { indicator raw weight contribution imputed figure { status value qualifier provenance { kind document computation } } } }
  selected { zone { id } }
  excluded { zone { id } reason message indicators }
  weights { indicator weight subjectiveWeight entropyWeight }
  unassessableCriteria { indicator reason }
  consistencyRatio
  robustness { stable monteCarloDraws dethrone { winner { id } indicator newLeader { id } } notes }
  failedZones { zoneId service message }
`;
const SELECT = `query Select($input: BenchmarkSelectionInput!) { selectBenchmarkSites(input: $input) { ${SELECTION_FIELDS} } }`;
const presetFile = JSON.parse(readFileSync(join(__dirname, '..', 'subgraphs', 'province', 'seed', 'presets.json'), 'utf8')) as {
  presets: { code: string; settings: { criteria: { indicator: string; weight: number }[] } }[];
};

describe('benchmark-site selection on the seeded stack', () => {
  let stack: RunningStack;
  const select = async (input: Record<string, unknown>) => postGraphQL<{ selectBenchmarkSites: Selection }>(stack.gatewayUrl, SELECT, { input });
  const anhuiDatabase = () => stack.zoneServices.find((s) => s.name === 'anhui')!.database.dataSource;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('stores the presets in the province database and explains every criterion', async () => {
    const stored = await stack.province.database.dataSource.query(`SELECT code FROM benchmark_preset ORDER BY code`);
    expect(stored.map((r: { code: string }) => r.code)).toEqual(presetFile.presets.map((p) => p.code).sort());
    const body = await postGraphQL<{
      benchmarkPresets: {
        code: string;
        justification: string;
        criteria: { indicator: string; weight: number; dimension: string; justification: string; definition: { nameZh: string } }[];
      }[];
    }>(stack.gatewayUrl, `{ benchmarkPresets { code justification criteria { indicator weight dimension justification definition { nameZh } } } }`);
    expect(body.errors).toBeUndefined();
    const host = body.data!.benchmarkPresets.find((p) => p.code === 'onsite_meeting_host')!;
    expect(new Set(host.criteria.map((c) => c.dimension.split(' ')[0]))).toEqual(new Set(['代表性', '先进性', '示范性']));
    for (const preset of body.data!.benchmarkPresets) {
      expect(preset.criteria.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 10);
      expect(preset.criteria.every((c) => c.justification.length > 20 && c.definition.nameZh.length > 0)).toBe(true);
    }
  });

  it('picks the 2020 Anhui on-site meeting host from zones that had not hosted, on the real meeting history', async () => {
    stack.zoneServices.forEach((s) => s.stats.reset());
    const body = await select({ preset: 'onsite_meeting_host', provinces: ['anhui'], constraints: { asOfYear: 2020 } });
    expect(body.errors).toBeUndefined();
    const result = body.data!.selectBenchmarkSites;
    // 当涂 (2018), 当涂/长丰(双凤)/濉溪 (2018-2019, span only) and 肥西 (announced for 2020) hosted within 3 years.
    const hosted = Object.fromEntries(result.excluded.filter((e) => e.reason === 'HOSTED_RECENTLY').map((e) => [e.zone.id, e.message]));
    expect(Object.keys(hosted).sort()).toEqual(['changfeng', 'dangtu', 'feixi', 'suixi']);
    expect(hosted.suixi).toContain('the source gives only the span');
    expect(hosted.feixi).toContain('announced for 2020');
    expect(result.ranked.map((r) => r.zone.id).sort()).toEqual(['chuzhou', 'ningguo']);
    expect(result.selected).toHaveLength(1);
    expect(result.selected[0].zone.id).toBe(result.ranked[0].zone.id);
    for (const ranked of result.ranked) {
      expect(ranked.breakdown.reduce((sum, b) => sum + b.contribution, 0)).toBeCloseTo(ranked.score, 9);
      for (const part of ranked.breakdown) {
        if (part.imputed) expect(part.figure.status).not.toBe('PRESENT');
        else expect(part.figure).toMatchObject({ status: 'PRESENT', value: part.raw });
      }
    }
    // Ningguo's 900余 members are used as the lower bound they are, with their source.
    const ningguoMembers = result.ranked.find((r) => r.zone.id === 'ningguo')!.breakdown.find((b) => b.indicator === 'party_member.count')!;
    expect(ningguoMembers.figure).toMatchObject({ value: 900, qualifier: 'AT_LEAST', provenance: { kind: 'REPORTED', document: '003_037c2896ec0aa84d.txt' } });
    expect(result.robustness.monteCarloDraws).toBe(1000);
    expect(result.ranked.reduce((sum, r) => sum + (r.probabilityFirst ?? 0), 0)).toBeCloseTo(1, 6);
    // Only the Anhui service was read, once.
    expect(Object.fromEntries(stack.zoneServices.map((s) => [s.name, s.stats.requests]))).toEqual({ yongkang: 0, chengxi: 0, jinjiang: 0, anhui: 1 });
  });

  it('keeps the province codes in the settings whatever name the analyst typed', async () => {
    const body = await postGraphQL<{ selectBenchmarkSites: { settings: { provinces: string[] | null } } }>(
      stack.gatewayUrl,
      `{ selectBenchmarkSites(input: { preset: "onsite_meeting_host", provinces: ["安徽省", "Zhejiang"] }) { settings { provinces } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.selectBenchmarkSites.settings.provinces).toEqual(['anhui', 'zhejiang']);
  });

  it('counts no hosting when the rule is switched off, and reports criteria nobody has', async () => {
    const body = await select({ preset: 'party_building_quality', constraints: { excludeHostedWithinYears: 0 } });
    expect(body.errors).toBeUndefined();
    const result = body.data!.selectBenchmarkSites;
    expect(result.excluded.filter((e) => e.reason === 'HOSTED_RECENTLY')).toEqual([]);
    expect(result.unassessableCriteria.map((u) => u.indicator)).toContain('work_coverage.rate');
    // Only 滁州, 宁国 and 永康 have a reported figure (or one computed over complete records) on a criterion:
    // imputation does not rank a zone on nothing, and honors per organization rest on named-only honor records.
    expect(
      result.excluded
        .filter((e) => e.reason === 'MISSING_VALUE')
        .map((e) => e.zone.id)
        .sort(),
    ).toEqual(['changfeng', 'chengxi', 'dangtu', 'feixi', 'jinjiang', 'suixi']);
    expect(result.unassessableCriteria.map((u) => u.indicator)).toEqual(['work_coverage.rate', 'derived.honors_per_org']);
    expect(result.unassessableCriteria[1].reason).toContain('a figure (reported, or computed over complete records)');
    expect(result.weights.map((w) => w.indicator)).not.toContain('work_coverage.rate');
    expect(result.weights.reduce((sum, w) => sum + w.weight, 0)).toBeCloseTo(1, 10);
    expect(result.settings).toMatchObject({ method: 'TOPSIS', normalization: 'VECTOR' });
    expect(result.selected).toHaveLength(3);
  });

  it("ranks on the analyst's own criteria with AHP weights, and refuses an inconsistent matrix naming the field", async () => {
    const criteria = [{ indicator: 'party_org.count' }, { indicator: 'party_member.count' }, { indicator: 'pioneer_post.count' }];
    const consistent = await select({
      criteria,
      weighting: {
        kind: 'AHP',
        ahpMatrix: [
          [1, 2, 4],
          [0.5, 1, 2],
          [0.25, 0.5, 1],
        ],
      },
      missing: { policy: 'EXCLUDE' },
    });
    expect(consistent.errors).toBeUndefined();
    const result = consistent.data!.selectBenchmarkSites;
    expect(result.consistencyRatio).toBeLessThanOrEqual(0.1);
    expect(result.weights.map((w) => w.weight)).toEqual([expect.closeTo(4 / 7, 6), expect.closeTo(2 / 7, 6), expect.closeTo(1 / 7, 6)]);
    // Zones lacking a criterion are excluded with the indicators named, never scored as zero.
    for (const e of result.excluded) {
      expect(e.reason).toBe('MISSING_VALUE');
      expect(e.indicators.length).toBeGreaterThan(0);
    }
    expect(result.ranked.length + result.excluded.length).toBe(9);
    expect(result.ranked.map((r) => r.zone.id).sort()).toEqual(['ningguo', 'yongkang']);

    const inconsistent = await select({
      criteria,
      weighting: {
        kind: 'AHP',
        ahpMatrix: [
          [1, 9, 1 / 9],
          [1 / 9, 1, 9],
          [9, 1 / 9, 1],
        ],
      },
    });
    expect(inconsistent.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.weighting.ahpMatrix' });
    expect(inconsistent.errors?.[0].message).toMatch(/CR = \d/);
  });

  it('blends entropy and given weights and shows both', async () => {
    const body = await select({
      criteria: [{ indicator: 'party_org.count' }, { indicator: 'party_member.count' }],
      weighting: { kind: 'BLEND', blendAlpha: 0.3 },
      missing: { policy: 'IMPUTE', rule: 'WORST' },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.selectBenchmarkSites.weights).toHaveLength(2);
    for (const w of body.data!.selectBenchmarkSites.weights) {
      expect(w.weight).toBeCloseTo(0.3 * w.subjectiveWeight! + 0.7 * w.entropyWeight!, 10);
    }
  });

  it('uses no figure computed over named-only records unless asked, and then each one says so', async () => {
    const criteria = [{ indicator: 'party_org.count' }, { indicator: 'honor.count' }, { indicator: 'org_coverage.rate' }];
    const byDefault = (await select({ criteria, provinces: ['anhui'], missing: { policy: 'IMPUTE' }, robustness: { monteCarloDraws: 0 } })).data!
      .selectBenchmarkSites;
    // Honors are only the ones the articles name: no honor count is used; coverage is 滁州's reported 71 % alone.
    expect(byDefault.unassessableCriteria.map((u) => u.indicator)).toEqual(['honor.count']);
    expect(byDefault.ranked.map((r) => r.zone.id)).toEqual(['chuzhou', 'ningguo']);
    const ningguoCoverage = byDefault.ranked[1].breakdown.find((b) => b.indicator === 'org_coverage.rate')!;
    expect(ningguoCoverage).toMatchObject({ imputed: true, raw: 71, figure: { status: 'MISSING', value: null } });
    for (const part of byDefault.ranked.flatMap((r) => r.breakdown)) expect(part.figure.provenance?.kind ?? 'NONE').not.toBe('COMPUTED');

    const optedIn = await postGraphQL<{
      selectBenchmarkSites: {
        settings: { computedOverNamedOnly: boolean };
        ranked: {
          zone: { id: string };
          breakdown: {
            indicator: string;
            imputed: boolean;
            figure: {
              value: number | null;
              qualifier: string | null;
              note: string | null;
              provenance: { kind: string; recordCompleteness: string | null } | null;
            };
          }[];
        }[];
      };
    }>(
      stack.gatewayUrl,
      `query ($input: BenchmarkSelectionInput!) { selectBenchmarkSites(input: $input) { settings { computedOverNamedOnly } ranked { zone { id } breakdown { indicator imputed figure { value qualifier note provenance { kind recordCompleteness } } } } } }`,
      { input: { criteria, provinces: ['anhui'], missing: { policy: 'IMPUTE' }, robustness: { monteCarloDraws: 0 }, computedOverNamedOnly: true } },
    );
    expect(optedIn.errors).toBeUndefined();
    const result = optedIn.data!.selectBenchmarkSites;
    expect(result.settings.computedOverNamedOnly).toBe(true);
    const named = result.ranked.flatMap((r) => r.breakdown.filter((b) => !b.imputed && b.figure.provenance?.kind === 'COMPUTED'));
    expect(named.length).toBeGreaterThan(0);
    for (const part of named) {
      expect(part.figure).toMatchObject({ qualifier: 'AT_LEAST', provenance: { recordCompleteness: 'NAMED_ONLY' } });
      expect(part.figure.note).toContain('used because computedOverNamedOnly is on');
    }
    // Rates are never computed over named-only records: 滁州's 71 % is still the only coverage figure.
    const coverage = result.ranked.flatMap((r) => r.breakdown.filter((b) => b.indicator === 'org_coverage.rate' && !b.imputed));
    expect(coverage.map((b) => b.figure.value)).toEqual([71]);
  });

  it.each([
    [{ preset: 'no_such_preset' }, 'input.preset'],
    [{}, 'input.criteria'],
    [{ criteria: [{ indicator: 'no.such.code' }] }, 'input.criteria[0].indicator'],
    [{ criteria: [{ indicator: 'enterprise.count' }] }, 'input.criteria[0].direction'],
    [{ criteria: [{ indicator: 'party_org.count' }], normalization: 'EFFICACY' }, 'input.criteria[0].unacceptable'],
    [{ criteria: [{ indicator: 'party_org.count' }], zoneIds: ['atlantis'] }, 'input.zoneIds'],
    [{ criteria: [{ indicator: 'party_org.count' }], provinces: ['atlantis'] }, 'input.provinces'],
    [{ criteria: [{ indicator: 'party_org.count' }], top: 0 }, 'input.top'],
    [{ criteria: [{ indicator: 'party_org.count' }], robustness: { monteCarloDraws: 1e6 } }, 'input.robustness.monteCarloDraws'],
    [{ criteria: [{ indicator: 'party_org.count', weight: -1 }] }, 'input.criteria[0].weight'],
  ])('refuses %j with BAD_USER_INPUT naming %s', async (input, field) => {
    const body = await select(input);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('names the input field when a save is refused by validation', async () => {
    const body = await postGraphQL(
      stack.gatewayUrl,
      `mutation { saveSelectionRun(title: "t", input: { preset: "onsite_meeting_host", robustness: { seed: -1 } }) { id } }`,
    );
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.robustness.seed' });
  });

  describe('saved runs', () => {
    const RUN_FIELDS = `id title createdAt replayMatchesSaved result { ${SELECTION_FIELDS} }`;
    const setChuzhouOrgs = (value: number) =>
      anhuiDatabase().query(`UPDATE indicator_report SET value = $1 WHERE zone_id = 'chuzhou' AND code = 'party_org.count'`, [value]);
    afterAll(async () => {
      await setChuzhouOrgs(115);
    });

    it('replays a saved run identically after the zone data changed, and shows what moved on current data', async () => {
      const input = { preset: 'onsite_meeting_host', provinces: ['anhui'], constraints: { asOfYear: 2020 } };
      const saved = await postGraphQL<{ saveSelectionRun: { id: string; title: string; replayMatchesSaved: boolean; result: Selection } }>(
        stack.gatewayUrl,
        `mutation Save($input: BenchmarkSelectionInput!) { saveSelectionRun(title: "  2020 现场会 host  ", input: $input) { ${RUN_FIELDS} } }`,
        { input },
      );
      expect(saved.errors).toBeUndefined();
      const run = saved.data!.saveSelectionRun;
      expect(run.title).toBe('2020 现场会 host');
      expect(run.replayMatchesSaved).toBe(true);
      const chuzhouBefore = run.result.ranked.find((r) => r.zone.id === 'chuzhou')!;
      expect(chuzhouBefore.breakdown.find((b) => b.indicator === 'party_org.count')!.raw).toBe(115);

      // The zone revises its figure (115 → 300 organizations).
      await setChuzhouOrgs(300);
      const later = await postGraphQL<{
        selectionRun: {
          replayMatchesSaved: boolean;
          result: Selection;
          rerunOnCurrentData: {
            result: Selection;
            selectionChanged: boolean;
            moves: { zone: { id: string }; savedScore: number; currentScore: number }[];
            figureChanges: { zone: { id: string }; indicator: string; saved: { value: number }; current: { value: number } }[];
          };
        } | null;
      }>(
        stack.gatewayUrl,
        `query Run($id: ID!) { selectionRun(id: $id) { ${RUN_FIELDS} rerunOnCurrentData { result { ${SELECTION_FIELDS} } selectionChanged moves { zone { id } savedScore currentScore } figureChanges { zone { id } indicator saved { value } current { value } } } } }`,
        { id: run.id },
      );
      expect(later.errors).toBeUndefined();
      const stored = later.data!.selectionRun!;
      expect(stored.result).toEqual(run.result);
      expect(stored.replayMatchesSaved).toBe(true);
      const rerun = stored.rerunOnCurrentData;
      expect(rerun.figureChanges).toEqual([{ zone: { id: 'chuzhou' }, indicator: 'party_org.count', saved: { value: 115 }, current: { value: 300 } }]);
      const chuzhouMove = rerun.moves.find((m) => m.zone.id === 'chuzhou')!;
      expect(chuzhouMove.currentScore).toBeGreaterThan(chuzhouMove.savedScore);
      expect(rerun.result.ranked.find((r) => r.zone.id === 'chuzhou')!.breakdown.find((b) => b.indicator === 'party_org.count')!.raw).toBe(300);

      const list = await postGraphQL<{ selectionRuns: { id: string }[] }>(stack.gatewayUrl, `{ selectionRuns(first: 5) { id } }`);
      expect(list.data!.selectionRuns.map((r) => r.id)).toContain(run.id);
    });

    it('answers null plus NOT_FOUND for an unknown run and BAD_USER_INPUT for a malformed id; a refused save stores nothing', async () => {
      const before = await stack.province.database.dataSource.query(`SELECT count(*)::int AS n FROM selection_run`);
      const unknown = await postGraphQL<{ selectionRun: null }>(stack.gatewayUrl, `{ selectionRun(id: "00000000-0000-4000-8000-000000000000") { id } }`);
      expect(unknown.data!.selectionRun).toBeNull();
      expect(unknown.errors?.[0]).toMatchObject({
        message: 'selection run "00000000-0000-4000-8000-000000000000" not found (see selectionRuns)',
        extensions: { code: 'NOT_FOUND', id: '00000000-0000-4000-8000-000000000000' },
      });
      const malformed = await postGraphQL(stack.gatewayUrl, `{ selectionRun(id: "42") { id } }`);
      expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      const refused = await postGraphQL(stack.gatewayUrl, `mutation { saveSelectionRun(title: "   ", input: { preset: "onsite_meeting_host" }) { id } }`);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
      const after = await stack.province.database.dataSource.query(`SELECT count(*)::int AS n FROM selection_run`);
      expect(after[0].n).toBe(before[0].n);
    });
  });

  it('reports a zone whose service is down as excluded with the reason, and still ranks the others', async () => {
    await stack.stopZoneService('jinjiang');
    const body = await select({ criteria: [{ indicator: 'party_org.count' }, { indicator: 'org_coverage.rate' }], missing: { policy: 'IMPUTE' } });
    expect(body.errors).toBeUndefined();
    const result = body.data!.selectBenchmarkSites;
    expect(result.excluded.find((e) => e.zone.id === 'jinjiang')).toMatchObject({ reason: 'ZONE_UNAVAILABLE' });
    expect(result.failedZones).toEqual([expect.objectContaining({ zoneId: 'jinjiang', service: 'jinjiang' })]);
    expect(result.ranked.length).toBeGreaterThan(3);
    expect(result.ranked.map((r) => r.zone.id)).not.toContain('jinjiang');
  });
});
