/**
 * Every provenance opens its source article: through the gateway, each reported
 * figure and record of every seeded zone, and each directory fact, reaches a
 * SourceDocument (title, date, publisher, full text) and finds its passage in it.
 */
import { postGraphQL, startTestStack } from '@devzone/testkit';
import type { RunningStack } from '@devzone/stack';

interface Quote {
  found: boolean;
  before: string | null;
  passage: string;
  after: string | null;
  source: { fileName: string } | null;
}
interface ProvenanceRead {
  kind: string;
  document: string | null;
  source: { fileName: string; title: string; date: string } | null;
  quote: Quote | null;
}

const PROVENANCE = `provenance { kind document source { fileName title date } quote { found before passage after source { fileName } } }`;

let stack: RunningStack;
beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe('source documents', () => {
  it('lists the five articles with title, date, publisher where named, and full text', async () => {
    const body = await postGraphQL<{
      sourceDocuments: { fileName: string; title: string; date: string; publisher: string | null; zoneIds: string[]; text: string }[];
    }>(stack.gatewayUrl, '{ sourceDocuments { fileName title date publisher zoneIds text } }');
    expect(body.errors).toBeUndefined();
    const documents = body.data!.sourceDocuments;
    expect(documents.map((d) => [d.fileName, d.date, d.publisher])).toEqual([
      ['000_b89a998cf9687559.txt', '2022', null],
      ['001_43b773d05e2b406e.txt', '2023', null],
      ['002_f58e7a24f91462c7.txt', '2021', null],
      ['003_037c2896ec0aa84d.txt', '2020', null],
      ['004_3f64acc845c844e4.txt', '2022-11-15', '晋江经济报社'],
    ]);
    expect(documents[3]!.zoneIds).toEqual(['chuzhou', 'feixi', 'ningguo', 'changfeng', 'dangtu', 'suixi']);
    expect(documents[3]!.text).toContain('党组织组建率达71%');
  });

  it('answers an unknown file name with NOT_FOUND naming it and listing the articles', async () => {
    const body = await postGraphQL<{ sourceDocument: unknown }>(stack.gatewayUrl, '{ sourceDocument(fileName: "005_nope.txt") { title } }');
    expect(body.data).toEqual({ sourceDocument: null });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: '005_nope.txt' });
    expect(body.errors?.[0]?.message).toMatch(/"005_nope\.txt" not found; the articles are 000_b89a998cf9687559\.txt, .*004_3f64acc845c844e4\.txt/);
  });

  it('opens the article behind a figure, with the passage in context', async () => {
    const body = await postGraphQL<{ zone: { indicators: { code: string; provenance: ProvenanceRead }[] } }>(
      stack.gatewayUrl,
      `{ zone(id: "chuzhou") { indicators(codes: ["org_coverage.rate"]) { code ${PROVENANCE} } } }`,
    );
    expect(body.errors).toBeUndefined();
    const reported = body.data!.zone.indicators.find((i) => i.provenance.kind === 'REPORTED')!;
    expect(reported.provenance.source).toEqual({ fileName: '003_037c2896ec0aa84d.txt', title: '激活非公党建力量 助推安徽开发区高质量发展', date: '2020' });
    expect(reported.provenance.quote).toMatchObject({ found: true, source: { fileName: '003_037c2896ec0aa84d.txt' } });
    expect(reported.provenance.quote!.before).toMatch(/建立党组织的企业从业人员近3万人,$/);
    expect(reported.provenance.quote!.after).toMatch(/^。据统计,今年前四个月/);
  });

  // One query per kind of record: together they would exceed the gateway's cost limit, as they should.
  const KINDS: Record<string, string> = {
    indicators: `indicators { ${PROVENANCE} }`,
    enterprises: `enterprises(first: 100) { items { ${PROVENANCE} } }`,
    partyOrganizations: `partyOrganizations(first: 100) { items { ${PROVENANCE} } }`,
    honors: `honors { ${PROVENANCE} }`,
    alliances: `alliances { ${PROVENANCE} }`,
    serviceStations: `serviceStations { ${PROVENANCE} }`,
  };

  it('reaches a source document from every directory fact and every reported figure and record of every zone, and every passage is found', async () => {
    const problems: string[] = [];
    let checked = 0;
    const directory = await postGraphQL<{
      zones: { id: string; directorySource: { source: { fileName: string } | null; quote: { found: boolean } } | null }[];
    }>(stack.gatewayUrl, '{ zones { id directorySource { source { fileName } quote { found } } } }');
    expect(directory.errors).toBeUndefined();
    for (const zone of directory.data!.zones)
      if (!zone.directorySource?.source || !zone.directorySource.quote.found) problems.push(`${zone.id}: directory source`);

    for (const [kind, selection] of Object.entries(KINDS)) {
      const body = await postGraphQL<{
        zones: ({ id: string } & Record<string, { provenance: ProvenanceRead }[] | { items: { provenance: ProvenanceRead }[] } | null>)[];
      }>(stack.gatewayUrl, `{ zones { id ${selection} } }`);
      expect([kind, body.errors]).toEqual([kind, undefined]);
      for (const zone of body.data!.zones) {
        const value = zone[kind];
        const items = value === null || value === undefined ? [] : Array.isArray(value) ? value : value.items;
        for (const { provenance } of items) {
          if (provenance.kind === 'COMPUTED') {
            if (provenance.source !== null || provenance.quote !== null) problems.push(`${zone.id}: a computed ${kind} figure names a source`);
            continue;
          }
          checked++;
          if (provenance.source?.fileName !== provenance.document) problems.push(`${zone.id} ${kind}: ${provenance.document} does not open its source`);
          if (!provenance.quote?.found) problems.push(`${zone.id} ${kind}: passage not found in ${provenance.document}: ${provenance.quote?.passage}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it("names only the zones the caller may read among an article's zones", async () => {
    const issued = await postGraphQL<{ issueApiKey: { key: string } }>(
      stack.gatewayUrl,
      'mutation { issueApiKey(input: { label: "zhejiang analyst", roles: [ANALYST], provinces: ["zhejiang"], zoneIds: [] }) { key } }',
    );
    expect(issued.errors).toBeUndefined();
    const asZhejiang = { authorization: `ApiKey ${issued.data!.issueApiKey.key}` };
    const body = await postGraphQL<{ sourceDocuments: { fileName: string; zoneIds: string[] }[] }>(
      stack.gatewayUrl,
      '{ sourceDocuments { fileName zoneIds } }',
      {},
      asZhejiang,
    );
    expect(body.errors).toBeUndefined();
    expect(Object.fromEntries(body.data!.sourceDocuments.map((d) => [d.fileName, d.zoneIds]))).toEqual({
      '000_b89a998cf9687559.txt': ['yongkang'],
      '001_43b773d05e2b406e.txt': ['yongkang'],
      '002_f58e7a24f91462c7.txt': ['chengxi'],
      '003_037c2896ec0aa84d.txt': [],
      '004_3f64acc845c844e4.txt': [],
    });
  });
});
