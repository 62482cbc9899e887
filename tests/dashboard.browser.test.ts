/**
 * The analysts' dashboard at /dashboard in a real browser (headless Chromium) against the seeded
 * stack: sign-in (a wrong key is refused with a message), the comparison table and its bar chart
 * show what compareZones answers, sorting by a column reorders the rows as compareZones(sort:)
 * does, a figure opens its source passage and the whole article, a zone page lists its
 * organizations and enterprises, a selection run draws its stacked contributions and rank
 * acceptability heat map and is saved, a BI_READER credential gets a "not allowed" message. The
 * page loads nothing from outside this machine.
 *
 * DASHBOARD_SCREENSHOTS=1 also writes each page to docs/screenshots/ (PNG).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser, postGraphQL, startTestStack } from '@devzone/testkit';
import type { RunningStack } from '@devzone/stack';

const SCREENSHOTS = process.env.DASHBOARD_SCREENSHOTS === '1' ? join(__dirname, '../docs/screenshots') : null;
/** The columns the comparison opens with (gateway/dashboard/assets/pages/compare.js DEFAULT_INDICATORS). */
const DEFAULT_INDICATORS = ['party_org.count', 'party_member.count', 'org_coverage.rate', 'red_flag_branch.count', 'derived.members_per_org'];
const ONSITE_MEETING_2020 = { preset: 'onsite_meeting_host', provinces: ['anhui'], constraints: { asOfYear: 2020 } };

interface Cell {
  code: string;
  status: string;
  value: number | null;
  qualifier: string | null;
  provenance: { kind: string; document: string | null; passage: string | null } | null;
  inputs: unknown[];
}
interface Comparison {
  rows: { zone: { id: string; nameZh: string }; cells: Cell[] }[];
}
interface Selection {
  ranked: { zone: { id: string }; rankAcceptability: number[] | null; breakdown: { indicator: string; contribution: number }[] }[];
  excluded: { zone: { id: string }; reason: string }[];
  weights: { indicator: string }[];
}

async function compareZones(stack: RunningStack, sort?: { indicator: string; direction: 'ASC' | 'DESC' }): Promise<Comparison> {
  const body = await postGraphQL<{ compareZones: Comparison }>(
    stack.gatewayUrl,
    `query ($indicators: [String!]!, $sort: ComparisonSortInput) {
      compareZones(indicators: $indicators, sort: $sort) {
        rows { zone { id nameZh } cells { code status value qualifier provenance { kind document passage } inputs { code } } }
      }
    }`,
    { indicators: DEFAULT_INDICATORS, sort: sort ?? null },
  );
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data.compareZones;
}

/** Runs an expression in the page (the tests compile without the DOM library, so it is a string). */
async function inPage<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

const rowIds = (page: Page) => inPage<string[]>(page, `[...document.querySelectorAll('#compare-table tbody tr')].map((row) => row.dataset.zoneId)`);
const hasMissingLabel = (page: Page) => inPage<boolean>(page, `document.body.innerText.includes('⟦')`);
const chartOption = <T>(page: Page, id: string) => inPage<T>(page, `echarts.getInstanceByDom(document.getElementById(${JSON.stringify(id)})).getOption()`);

async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `dashboard-${name}.png`), fullPage });
}

let stack: RunningStack;
beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describeInBrowser('the dashboard in a browser', ({ chromium }) => {
  let page: Page;
  let origin: string;
  const outside: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    origin = new URL(stack.gatewayUrl).origin;
    page = await chromium().browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (request) => {
      const host = new URL(request.url()).hostname;
      if (!['127.0.0.1', 'localhost'].includes(host) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('comes pre-filled with the development credential on this machine, and refuses a wrong key with a message', async () => {
    await page.goto(`${origin}/dashboard`);
    await page.waitForSelector('#sign-in-form');
    expect(await page.inputValue('#credential')).toBe(stack.credential);
    expect(await page.isVisible('#dev-credential-hint')).toBe(true);

    await page.fill('#credential', `dzk_0123456789abcdef_${'0'.repeat(64)}`);
    await page.click('#sign-in-submit');
    await page.waitForSelector('#sign-in-error:not([hidden])');
    const message = await page.textContent('#sign-in-error');
    expect(message).toContain('401');
    expect(message).toContain('The credential is invalid');
    expect(await inPage<number>(page, 'sessionStorage.length')).toBe(0);
    expect(await page.isVisible('#compare-table')).toBe(false);
    await screenshot(page, 'sign-in', false);
  });

  it('signs in with the stack credential; the comparison table shows what compareZones answers', async () => {
    await page.fill('#credential', stack.credential);
    await page.click('#sign-in-submit');
    await page.waitForSelector('#compare-table tbody tr[data-zone-id]');
    const expected = await compareZones(stack);

    expect(await rowIds(page)).toEqual(expected.rows.map((row) => row.zone.id));
    const shown = await inPage<{ zone: string; code: string; status: string; value: string; qualifier: string; kind: string; text: string; title: string }[]>(
      page,
      `[...document.querySelectorAll('#compare-table tbody td.figure-cell')].map((cell) => ({
        zone: cell.closest('tr').dataset.zoneId, code: cell.dataset.code, status: cell.dataset.status, value: cell.dataset.value,
        qualifier: cell.dataset.qualifier, kind: cell.dataset.kind, text: cell.querySelector('.figure-button').textContent, title: cell.title }))`,
    );
    const wanted = expected.rows.flatMap((row) =>
      row.cells.map((cell) => ({
        zone: row.zone.id,
        code: cell.code,
        status: cell.status,
        value: cell.value === null ? '' : String(cell.value),
        qualifier: cell.qualifier ?? '',
        kind: cell.provenance?.kind ?? (cell.inputs.length ? 'DERIVED' : ''),
      })),
    );
    expect(shown.map(({ zone, code, status, value, qualifier, kind }) => ({ zone, code, status, value, qualifier, kind }))).toEqual(wanted);
    // The seed has both: figures with their precision, and missing ones shown as "—" with the reason.
    const chuzhouOrgs = shown.find((cell) => cell.zone === 'chuzhou' && cell.code === 'party_org.count');
    expect(chuzhouOrgs?.text).toBe('115 个');
    const missing = shown.filter((cell) => cell.status === 'MISSING');
    expect(missing.length).toBeGreaterThan(0);
    for (const cell of missing) {
      expect(cell.text).toBe('—');
      expect(cell.title.length).toBeGreaterThan(0);
    }
    expect(await page.textContent('tr[data-zone-id="ningguo"] td[data-code="party_member.count"]')).toMatch(/≥900 人.*下限.*报告值/);
    expect(await hasMissingLabel(page)).toBe(false);
    expect(await inPage<string | null>(page, `sessionStorage.getItem('devzone.dashboard.authorization')`)).toBe(stack.credential);
  });

  it('sorts by a column when its header is clicked, as compareZones(sort:) ranks', async () => {
    const before = await rowIds(page);
    await page.click('th[data-sort-key="party_org.count"] button');
    await page.waitForSelector('th[data-sort-key="party_org.count"][aria-sort="descending"]');
    const descending = await compareZones(stack, { indicator: 'party_org.count', direction: 'DESC' });
    const sorted = await rowIds(page);
    expect(sorted).toEqual(descending.rows.map((row) => row.zone.id));
    expect(sorted).not.toEqual(before);
    expect(sorted.slice(0, 4)).toEqual(['chuzhou', 'ningguo', 'yongkang', 'chengxi']);
    expect(
      await inPage<string[]>(page, `[...document.querySelectorAll('#compare-table tbody td.rank-col')].slice(0, 4).map((cell) => cell.dataset.rank)`),
    ).toEqual(['1', '2', '3', '4']);

    await page.click('th[data-sort-key="party_org.count"] button');
    await page.waitForSelector('th[data-sort-key="party_org.count"][aria-sort="ascending"]');
    const ascending = await compareZones(stack, { indicator: 'party_org.count', direction: 'ASC' });
    expect(await rowIds(page)).toEqual(ascending.rows.map((row) => row.zone.id));

    await page.click('th[data-sort-key="party_org.count"] button');
    await page.waitForSelector('th[data-sort-key="party_org.count"][aria-sort="descending"]');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('party_org.count');
  });

  it('draws the chosen indicator as an ECharts bar chart, one bar per zone that has a figure', async () => {
    await page.waitForSelector('#compare-chart svg');
    const expected = await compareZones(stack, { indicator: 'party_org.count', direction: 'DESC' });
    const option = await chartOption<{ series: { type: string; data: { value: number | null }[] }[]; xAxis: { data: string[] }[] }>(page, 'compare-chart');
    expect(option.series).toHaveLength(1);
    expect(option.series[0].type).toBe('bar');
    expect(option.xAxis[0].data).toEqual(expected.rows.map((row) => row.zone.nameZh));
    expect(option.series[0].data.map((item) => item.value ?? null)).toEqual(
      expected.rows.map((row) => (row.cells[0].status === 'PRESENT' ? row.cells[0].value : null)),
    );
    expect(await inPage<number>(page, `document.querySelectorAll('#compare-chart svg path').length`)).toBeGreaterThan(4);
    expect(await page.textContent('#compare-chart')).toContain('两新党组织数');
    await screenshot(page, 'comparison');
  });

  it('opens a figure’s source: the passage in its article, then the whole article', async () => {
    const expected = await compareZones(stack);
    const cell = expected.rows.find((row) => row.zone.id === 'ningguo')?.cells.find((candidate) => candidate.code === 'party_member.count');
    expect(cell?.provenance?.kind).toBe('REPORTED');
    const { document, passage } = cell!.provenance!;
    const article = await postGraphQL<{ sourceDocument: { title: string } }>(
      stack.gatewayUrl,
      'query ($f: String!) { sourceDocument(fileName: $f) { title } }',
      { f: document },
    );

    await page.click('tr[data-zone-id="ningguo"] td[data-code="party_member.count"] .figure-button');
    await page.waitForSelector('#source-panel:not([hidden]) mark');
    const strip = (text: string | null) => (text ?? '').replace(/\s+/g, '');
    expect(strip(await page.textContent('#source-panel mark'))).toBe(strip(passage));
    expect(await page.textContent('#source-panel .document-title')).toBe(article.data!.sourceDocument.title);
    expect(await page.textContent('#source-panel .figure-value')).toContain('≥900 人');
    await screenshot(page, 'source', false);

    await page.click('#source-panel .full-text-link');
    await page.waitForSelector('#quoted-passage');
    expect(new URL(page.url()).pathname).toBe(`/dashboard/sources/${document}`);
    expect(await page.textContent('#source-title')).toBe(article.data!.sourceDocument.title);
    expect(strip(await page.textContent('#quoted-passage'))).toBe(strip(passage));
    await screenshot(page, 'source-document', false);
  });

  it('shows a zone’s organizations, enterprises and honors on its page', async () => {
    const body = await postGraphQL<{
      zone: { nameZh: string; partyOrganizations: { items: { id: string }[] }; enterprises: { items: { id: string }[] }; honors: { id: string }[] };
    }>(
      stack.gatewayUrl,
      '{ zone(id: "yongkang") { nameZh partyOrganizations(first: 500) { items { id } } enterprises(first: 500) { items { id } } honors { id } } }',
    );
    const zone = body.data!.zone;
    expect(zone.partyOrganizations.items.length).toBeGreaterThan(0);
    expect(zone.enterprises.items.length).toBeGreaterThan(0);

    await page.selectOption('#zone-picker', 'yongkang');
    await page.waitForSelector('#zone-organizations');
    expect(new URL(page.url()).pathname).toBe('/dashboard/zones/yongkang');
    expect(await page.textContent('#zone-title')).toContain(zone.nameZh);
    const organizations = await inPage<string[]>(
      page,
      `[...document.querySelectorAll('#zone-organizations li[data-org-id]')].map((item) => item.dataset.orgId)`,
    );
    expect(organizations.sort()).toEqual(zone.partyOrganizations.items.map((item) => item.id).sort());
    const enterprises = await inPage<string[]>(page, `[...document.querySelectorAll('#zone-enterprises tbody tr')].map((row) => row.dataset.enterpriseId)`);
    expect(enterprises.sort()).toEqual(zone.enterprises.items.map((item) => item.id).sort());
    const honors = await inPage<string[]>(page, `[...document.querySelectorAll('#zone-honors tbody tr')].map((row) => row.dataset.honorId)`);
    expect(honors.sort()).toEqual(zone.honors.map((honor) => honor.id).sort());
    // Yongkang reports 82 organizations for 2022 and its records count 8 in 2023: one chart, two series.
    await page.waitForSelector('#zone-charts .chart[data-code="party_org.count"] svg');
    expect(await page.textContent('#zone-figures')).toContain('≥2,000 人');
    expect(await hasMissingLabel(page)).toBe(false);
    await screenshot(page, 'zone');
  });

  it('shows a zone without records, and an unknown zone, as messages', async () => {
    await page.goto(`${origin}/dashboard/zones/dangtu`);
    await page.waitForSelector('#zone-organizations, #zone-title');
    expect(await page.textContent('#zone-title')).toContain('当涂经开区');
    expect(await page.isVisible('#zone-no-charts')).toBe(true);
    await page.goto(`${origin}/dashboard/zones/nowhere`);
    await page.waitForSelector('.error-box');
    expect(await page.textContent('.error-box')).toContain('nowhere');
  });

  it('runs a selection, draws each criterion’s contribution and the rank acceptability, and saves the run', async () => {
    const body = await postGraphQL<{ selectBenchmarkSites: Selection }>(
      stack.gatewayUrl,
      `query ($input: BenchmarkSelectionInput!) { selectBenchmarkSites(input: $input) {
        ranked { zone { id } rankAcceptability breakdown { indicator contribution } }
        excluded { zone { id } reason }
        weights { indicator }
      } }`,
      { input: ONSITE_MEETING_2020 },
    );
    const expected = body.data!.selectBenchmarkSites;
    expect(expected.ranked.length).toBeGreaterThan(1);

    await page.click('a[href="/dashboard/selection"]');
    await page.waitForSelector('#preset-select');
    await page.selectOption('#preset-select', 'onsite_meeting_host');
    await page.uncheck('input[name=province][value=zhejiang]');
    await page.uncheck('input[name=province][value=fujian]');
    await page.fill('#as-of-year', '2020');
    await page.click('#run-selection');
    await page.waitForSelector('#selection-heatmap svg');

    expect(await inPage<string[]>(page, `[...document.querySelectorAll('#selection-ranking tbody tr')].map((row) => row.dataset.zoneId)`)).toEqual(
      expected.ranked.map((site) => site.zone.id),
    );
    const stacked = await chartOption<{ series: { id: string; stack: string; data: { value: number }[] }[] }>(page, 'selection-stacked');
    expect(stacked.series.map((series) => series.id)).toEqual(expected.weights.map((weight) => `criterion:${weight.indicator}`));
    expect(stacked.series.every((series) => series.stack === 'score')).toBe(true);
    for (const series of stacked.series) {
      const indicator = series.id.replace('criterion:', '');
      expect(series.data.map((item) => item.value)).toEqual(
        expected.ranked.map((site) => site.breakdown.find((part) => part.indicator === indicator)?.contribution ?? 0),
      );
    }
    const heatmap = await chartOption<{ series: { type: string; data: number[][] }[] }>(page, 'selection-heatmap');
    expect(heatmap.series[0].type).toBe('heatmap');
    expect(heatmap.series[0].data).toEqual(expected.ranked.flatMap((site, row) => (site.rankAcceptability ?? []).map((share, column) => [column, row, share])));
    expect(
      await inPage<string[][]>(page, `[...document.querySelectorAll('#selection-excluded tbody tr')].map((row) => [row.dataset.zoneId, row.dataset.reason])`),
    ).toEqual(expected.excluded.map((exclusion) => [exclusion.zone.id, exclusion.reason]));
    expect(await page.textContent('#selection-excluded')).toContain('近年已承办');

    await page.fill('#run-title', '现场会承办地 2020（看板测试）');
    await page.click('#save-run');
    await page.waitForSelector('#save-status .saved');
    const runId = await page.getAttribute('#save-status .saved', 'data-run-id');
    expect(runId).toBeTruthy();
    const saved = await postGraphQL<{ selectionRun: { title: string; replayMatchesSaved: boolean; result: { ranked: { zone: { id: string } }[] } } }>(
      stack.gatewayUrl,
      'query ($id: ID!) { selectionRun(id: $id) { title replayMatchesSaved result { ranked { zone { id } } } } }',
      { id: runId },
    );
    expect(saved.data?.selectionRun).toEqual({
      title: '现场会承办地 2020（看板测试）',
      replayMatchesSaved: true,
      result: { ranked: expected.ranked.map((site) => ({ zone: { id: site.zone.id } })) },
    });
    await page.waitForSelector(`#saved-runs li[data-run-id="${runId}"]`);
    expect(await hasMissingLabel(page)).toBe(false);
    await screenshot(page, 'selection');
  });

  it('ranks on custom criteria as selectBenchmarkSites does', async () => {
    const input = {
      criteria: [
        { indicator: 'party_org.count', weight: 0.4 },
        { indicator: 'party_member.count', weight: 0.3 },
        { indicator: 'pioneer_post.count', weight: 0.3 },
      ],
      missing: { policy: 'IMPUTE', rule: 'WORST' },
    };
    const body = await postGraphQL<{ selectBenchmarkSites: { ranked: { zone: { id: string }; score: number }[] } }>(
      stack.gatewayUrl,
      'query ($input: BenchmarkSelectionInput!) { selectBenchmarkSites(input: $input) { ranked { zone { id } score } } }',
      { input },
    );
    const expected = body.data!.selectBenchmarkSites.ranked;
    expect(expected.map((site) => site.zone.id)).toEqual(['yongkang', 'chuzhou', 'ningguo', 'chengxi']);

    await page.goto(`${origin}/dashboard/selection`);
    await page.waitForSelector('#preset-select');
    await page.check('input[name=mode][value=custom]');
    await page.waitForSelector('#custom-criteria');
    expect(await inPage<string[]>(page, `[...document.querySelectorAll('#custom-criteria .criterion-indicator')].map((select) => select.value)`)).toEqual(
      input.criteria.map((criterion) => criterion.indicator),
    );
    await page.selectOption('select[name=missing]', 'IMPUTE');
    await page.selectOption('select[name=imputationRule]', 'WORST');
    await page.click('#run-selection');
    await page.waitForSelector('#selection-stacked svg');
    const shown = await inPage<{ zone: string; score: string }[]>(
      page,
      `[...document.querySelectorAll('#selection-ranking tbody tr')].map((row) => ({ zone: row.dataset.zoneId, score: row.children[2].textContent }))`,
    );
    expect(shown.map((row) => row.zone)).toEqual(expected.map((site) => site.zone.id));
    shown.forEach((row, index) => expect(Number(row.score.replace(/,/g, ''))).toBeCloseTo(expected[index].score, 3));
  });

  it('switches every label to English and back', async () => {
    await page.click('#language-toggle');
    await page.waitForSelector('#selection-form');
    expect(await page.textContent('.brand h1')).toBe('Development-zone party-building dashboard');
    expect(await page.textContent('#run-selection')).toBe('Run the selection');
    await page.click('a[href="/dashboard"]');
    await page.waitForSelector('#compare-table tbody tr[data-zone-id]');
    expect(await page.textContent('#compare-table thead')).toContain('Party organizations in non-public sector');
    expect(await hasMissingLabel(page)).toBe(false);
    await page.click('#language-toggle');
    await page.waitForSelector('#compare-table tbody tr[data-zone-id]');
    expect(await page.textContent('.brand h1')).toBe('开发区两新党建数据看板');
    expect(await inPage<string>(page, 'getComputedStyle(document.body).fontFamily')).toBe(
      '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
    );
  });

  it('shows a credential without the analyst role a "not allowed" message, not a blank page', async () => {
    const issued = await postGraphQL<{ issueApiKey: { key: string } }>(
      stack.gatewayUrl,
      'mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key } }',
      { input: { label: 'dashboard BI reader', roles: ['BI_READER'], provinces: ['anhui'] } },
    );
    const reader = await chromium().browser.newPage();
    try {
      await reader.goto(`${origin}/dashboard`);
      await reader.waitForSelector('#sign-in-form');
      await reader.fill('#credential', issued.data!.issueApiKey.key);
      await reader.click('#sign-in-submit');
      await reader.waitForSelector('.error-box[data-error-kind="forbidden"]');
      expect(await reader.textContent('.error-box')).toContain('compareZones needs the role ADMIN or ANALYST');
    } finally {
      await reader.close();
    }
  });

  it('signs out back to the form, forgetting the credential', async () => {
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in-form');
    expect(await inPage<number>(page, 'sessionStorage.length')).toBe(0);
  });

  it('loads nothing from outside this machine and throws no script error', () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
