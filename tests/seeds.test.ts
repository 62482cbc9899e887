/**
 * Seed data checks: every zone seed file and the province directory parse with
 * their schemas, quote their source articles verbatim, and hang together.
 *
 * The articles live in `data/sources/` inside the repository (the ground truth);
 * passages are compared with all whitespace removed from both sides, because the
 * articles wrap lines mid-sentence.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { indicatorByCode } from '@devzone/catalogue';
import { zoneSeedSchema, type ZoneSeed } from '@devzone/zone-subgraph';
import { directorySeedSchema, type DirectorySeed } from '@devzone/province';

const REPO_ROOT = path.resolve(__dirname, '..');
const SEEDS_DIR = path.resolve(__dirname, '../data/sources');
const ZONE_SERVICES = ['yongkang', 'chengxi', 'jinjiang', 'anhui'] as const;
const DIRECTORY_FILE = path.join(REPO_ROOT, 'subgraphs/province/seed/directory.json');
const DATA_DOC = path.join(REPO_ROOT, 'docs/data.md');

interface Issue {
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
}
type SafeParse<T> = { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<Issue> } };
interface Schema<T> {
  safeParse(value: unknown): SafeParse<T>;
}
interface SourceRef {
  document: string;
  passage: string;
}

const stripWhitespace = (text: string): string => text.replace(/\s+/gu, '');
const rel = (file: string): string => path.relative(REPO_ROOT, file);

function formatIssues(issues: ReadonlyArray<Issue>): string {
  return issues.map((issue) => `  at ${issue.path.length ? issue.path.map(String).join('.') : '(root)'}: ${issue.message}`).join('\n');
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${rel(file)} is not valid JSON: ${(error as Error).message}`);
  }
}

function parseWith<T>(schema: Schema<T>, file: string): T {
  const result = schema.safeParse(readJson(file));
  if (!result.success) throw new Error(`${rel(file)} does not match its schema:\n${formatIssues(result.error.issues)}`);
  return result.data;
}

/** Every `{ document, passage }` object anywhere in the value, with its JSON path. */
function collectSources(value: unknown, at: string, found: Array<{ at: string; source: SourceRef }> = []) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectSources(item, `${at}[${index}]`, found));
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.document === 'string' && typeof record.passage === 'string') {
      found.push({ at, source: { document: record.document, passage: record.passage } });
    }
    for (const [key, child] of Object.entries(record)) collectSources(child, at ? `${at}.${key}` : key, found);
  }
  return found;
}

const articleCache = new Map<string, string | null>();
function article(document: string): string | null {
  if (!articleCache.has(document)) {
    const file = path.join(SEEDS_DIR, document);
    articleCache.set(document, existsSync(file) ? stripWhitespace(readFileSync(file, 'utf8')) : null);
  }
  return articleCache.get(document) ?? null;
}

function assertSeedsFolder(): void {
  if (!existsSync(SEEDS_DIR) || !statSync(SEEDS_DIR).isDirectory()) {
    throw new Error(
      `The source articles folder ${SEEDS_DIR} is missing: it is part of the repository (data/sources/), ` +
        'the ground truth every seed passage is checked against.',
    );
  }
}

/** Passages that do not occur in their document once whitespace is ignored. */
function passageProblems(file: string): string[] {
  assertSeedsFolder();
  const problems: string[] = [];
  for (const { at, source } of collectSources(readJson(file), '')) {
    const text = article(source.document);
    if (text === null) problems.push(`${at}: document ${source.document} not found in ${SEEDS_DIR}`);
    else if (!text.includes(stripWhitespace(source.passage))) problems.push(`${at}: passage not found in ${source.document}: "${source.passage}"`);
  }
  return problems;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

function integrityProblems(seed: ZoneSeed): string[] {
  const problems: string[] = [];
  const collections = {
    enterprises: seed.enterprises,
    partyOrganizations: seed.partyOrganizations,
    honors: seed.honors,
    alliances: seed.alliances,
    serviceStations: seed.serviceStations,
  };
  for (const [name, records] of Object.entries(collections)) {
    for (const id of duplicates(records.map((r) => r.localId))) problems.push(`${name}: localId "${id}" is used more than once`);
  }

  const enterprises = new Set(seed.enterprises.map((e) => e.localId));
  const organizations = new Map(seed.partyOrganizations.map((o) => [o.localId, o]));

  for (const org of seed.partyOrganizations) {
    if (org.parentLocalId !== undefined && !organizations.has(org.parentLocalId))
      problems.push(`partyOrganizations.${org.localId}.parentLocalId: no organization "${org.parentLocalId}"`);
    for (const id of org.enterpriseLocalIds)
      if (!enterprises.has(id)) problems.push(`partyOrganizations.${org.localId}.enterpriseLocalIds: no enterprise "${id}"`);
  }

  // The parent graph must be a forest: following parents never comes back.
  for (const start of seed.partyOrganizations) {
    const visited = new Set<string>([start.localId]);
    let parent = start.parentLocalId;
    while (parent !== undefined) {
      if (visited.has(parent)) {
        problems.push(`partyOrganizations.${start.localId}: parent chain has a cycle through "${parent}"`);
        break;
      }
      visited.add(parent);
      parent = organizations.get(parent)?.parentLocalId;
    }
  }

  for (const honor of seed.honors) {
    const holder = honor.holder;
    if (holder.kind === 'enterprise' && !enterprises.has(holder.localId)) problems.push(`honors.${honor.localId}.holder: no enterprise "${holder.localId}"`);
    if (holder.kind === 'partyOrganization' && !organizations.has(holder.localId))
      problems.push(`honors.${honor.localId}.holder: no party organization "${holder.localId}"`);
  }

  for (const alliance of seed.alliances) {
    for (const id of alliance.memberOrganizationLocalIds)
      if (!organizations.has(id)) problems.push(`alliances.${alliance.localId}.memberOrganizationLocalIds: no party organization "${id}"`);
    for (const id of alliance.memberEnterpriseLocalIds)
      if (!enterprises.has(id)) problems.push(`alliances.${alliance.localId}.memberEnterpriseLocalIds: no enterprise "${id}"`);
  }

  for (const station of seed.serviceStations) {
    if (station.hostEnterpriseLocalId !== undefined && !enterprises.has(station.hostEnterpriseLocalId))
      problems.push(`serviceStations.${station.localId}.hostEnterpriseLocalId: no enterprise "${station.hostEnterpriseLocalId}"`);
  }
  return problems;
}

function duplicateIndicatorProblems(seed: ZoneSeed): string[] {
  const keys = seed.indicators.map((r) => `${r.code} | ${r.period} | ${r.source.document} | ${stripWhitespace(r.source.passage)}`);
  return duplicates(keys).map((key) => `indicator reported twice (code | period | document | passage): ${key}`);
}

/** Same key as the database's UNIQUE (zone_id, code, period, source_document) on indicator_report. */
function databaseKeyProblems(seed: ZoneSeed): string[] {
  const keys = seed.indicators.map((r) => `${r.code} | ${r.period} | ${r.source.document}`);
  return duplicates(keys).map((key) => `two reports share code | period | document, which the database refuses: ${key}`);
}

/** Codes whose scope is a part of the zone (a belt, an alliance, a sector), not the whole zone. */
const PART_OF_ZONE_CODE = /^(demo_belt|alliance)\.|\.express_logistics\./u;

function catalogueProblems(seed: ZoneSeed): string[] {
  const problems: string[] = [];
  seed.indicators.forEach((r, i) => {
    const definition = indicatorByCode(r.code);
    if (!definition) problems.push(`indicators[${i}]: code "${r.code}" is not in the catalogue (packages/catalogue)`);
    else if (definition.derivation) problems.push(`indicators[${i}]: "${r.code}" is derived by the province, not reported`);
    else if (definition.unit !== r.unit) problems.push(`indicators[${i}]: "${r.code}" is in ${definition.unit}, the report says ${r.unit}`);
    if (/^(demo_belt|alliance)\./u.test(r.code) && !r.note?.startsWith('Scope:'))
      problems.push(`indicators[${i}]: "${r.code}" is for part of the zone; its note must start with "Scope:" and name the belt or alliance`);
  });
  return problems;
}

/**
 * A number in a record's free-text description (other than a year) must also be the value of an
 * indicator report for a part of the zone: aggregates never sit only in a description.
 */
function descriptionNumberProblems(seed: ZoneSeed): string[] {
  const scopedValues = new Set(seed.indicators.filter((r) => PART_OF_ZONE_CODE.test(r.code)).map((r) => r.value));
  const problems: string[] = [];
  for (const alliance of seed.alliances) {
    for (const match of (alliance.description ?? '').matchAll(/\d+(?:\.\d+)?/gu)) {
      const value = Number(match[0]);
      if (/^(19|20)\d\d$/u.test(match[0])) continue;
      if (!scopedValues.has(value))
        problems.push(
          `alliances.${alliance.localId}.description states ${match[0]}, which no part-of-zone indicator report (${PART_OF_ZONE_CODE.source}) carries`,
        );
    }
  }
  return problems;
}

interface DocReference {
  readonly row: string;
  readonly asWritten: string;
  readonly code: string;
  readonly zone: string;
  readonly period: string;
  readonly qualifier: string;
}

/** The body of one `## heading` section of docs/data.md. */
function docSection(heading: string): string {
  const text = readFileSync(DATA_DOC, 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/data.md has no "## ${heading}" section`);
  const next = text.indexOf('\n## ', start + 1);
  return text.slice(start, next < 0 ? undefined : next);
}

/** Table rows of a section, as trimmed cells; header and separator rows left out. */
function tableRows(section: string): string[][] {
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/u.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .filter((cells) => !['#', 'zone'].includes(cells[0]));
}

/** Every indicator named in the "Every number in the articles" tables: `code` (`zone`, `period`, `qualifier`). */
function documentedReferences(): DocReference[] {
  const references: DocReference[] = [];
  for (const [row, asWritten, , where] of tableRows(docSection('Every number in the articles'))) {
    for (const m of (where ?? '').matchAll(/`([a-z_][a-z0-9_.]*)` \(`([a-z0-9-]+)`, `([0-9/-]+)`, `(exact|at_least|about)`\)/gu))
      references.push({ row, asWritten, code: m[1], zone: m[2], period: m[3], qualifier: m[4] });
  }
  return references;
}

/** The qualifier the rules give for a number as printed: 余/多/以上/超 → at_least, 约/近 → about. */
function qualifierAsWritten(asWritten: string): string {
  if (/余|多|以上|超/u.test(asWritten)) return 'at_least';
  if (/约|近/u.test(asWritten)) return 'about';
  return 'exact';
}

/** The first number as printed, 万 applied (近3万人 → 30000). */
function valueAsWritten(asWritten: string): number | null {
  const m = /(\d+(?:\.\d+)?)\s*(万)?/u.exec(asWritten);
  if (!m) return null;
  return Number(m[1]) * (m[2] ? 10_000 : 1);
}

function zoneSeedFiles(): string[] {
  const files: string[] = [];
  for (const service of ZONE_SERVICES) {
    const dir = path.join(REPO_ROOT, 'subgraphs', service, 'seed');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.json')) files.push(path.join(dir, name));
  }
  return files;
}

const ZONE_FILES = zoneSeedFiles();

describe('seed data', () => {
  it('has the source articles folder beside the repository', () => {
    assertSeedsFolder();
    expect(readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).length).toBeGreaterThan(0);
  });

  it('has zone seed files and a directory', () => {
    expect(ZONE_FILES.length).toBeGreaterThan(0);
    expect(existsSync(DIRECTORY_FILE)).toBe(true);
  });

  describe.each(ZONE_FILES.map((file) => [rel(file), file] as const))('%s', (_label, file) => {
    it('parses with the zone seed schema', () => {
      parseWith(zoneSeedSchema as Schema<ZoneSeed>, file);
    });

    it('is named after its zone id', () => {
      const seed = parseWith(zoneSeedSchema as Schema<ZoneSeed>, file);
      expect(path.basename(file, '.json')).toBe(seed.zone.id);
    });

    it('quotes every source passage verbatim from its article', () => {
      expect(passageProblems(file)).toEqual([]);
    });

    it('keeps referential integrity (ids unique, links resolve, no parent cycles)', () => {
      expect(integrityProblems(parseWith(zoneSeedSchema as Schema<ZoneSeed>, file))).toEqual([]);
    });

    it('reports no indicator twice for the same code, period and source', () => {
      expect(duplicateIndicatorProblems(parseWith(zoneSeedSchema as Schema<ZoneSeed>, file))).toEqual([]);
    });

    it('reports no two indicators with the same code, period and document (the database refuses them)', () => {
      expect(databaseKeyProblems(parseWith(zoneSeedSchema as Schema<ZoneSeed>, file))).toEqual([]);
    });

    it('uses only catalogue codes, in their units, with the scope named for part-of-zone codes', () => {
      expect(catalogueProblems(parseWith(zoneSeedSchema as Schema<ZoneSeed>, file))).toEqual([]);
    });

    it('keeps no aggregate only in a description: numbers there are part-of-zone indicator reports', () => {
      expect(descriptionNumberProblems(parseWith(zoneSeedSchema as Schema<ZoneSeed>, file))).toEqual([]);
    });
  });

  describe('docs/data.md', () => {
    const seeds = (): ZoneSeed[] => ZONE_FILES.map((file) => parseWith(zoneSeedSchema as Schema<ZoneSeed>, file));

    it('names, for every number it lists under an indicator, a report with that zone, period, qualifier and value', () => {
      const byZone = new Map(seeds().map((seed) => [seed.zone.id, seed]));
      const references = documentedReferences();
      expect(references.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const ref of references) {
        const at = `row ${ref.row} (${ref.asWritten})`;
        if (!indicatorByCode(ref.code)) problems.push(`${at}: "${ref.code}" is not in the catalogue`);
        const seed = byZone.get(ref.zone);
        if (!seed) {
          problems.push(`${at}: no zone "${ref.zone}" among the seeds`);
          continue;
        }
        const report = seed.indicators.find((r) => r.code === ref.code && r.period === ref.period);
        if (!report) {
          problems.push(`${at}: ${ref.zone} has no report of ${ref.code} for ${ref.period}`);
          continue;
        }
        if (report.qualifier !== ref.qualifier) problems.push(`${at}: the seed says ${report.qualifier}, the table ${ref.qualifier}`);
        const printed = qualifierAsWritten(ref.asWritten);
        const scopeLowerBound = printed === 'exact' && report.qualifier === 'at_least' && /lower bound/u.test(report.note ?? '');
        if (report.qualifier !== printed && !scopeLowerBound)
          problems.push(`${at}: printed as ${printed}, stored ${report.qualifier} (a zone-wide lower bound needs a note saying so)`);
        const value = valueAsWritten(ref.asWritten);
        if (value !== null && value !== report.value) problems.push(`${at}: printed ${value}, stored ${report.value}`);
      }
      expect(problems).toEqual([]);
    });

    it('lists every indicator report of the seeds in its tables', () => {
      const documented = new Set(documentedReferences().map((r) => `${r.zone} ${r.code} ${r.period}`));
      const missing = seeds().flatMap((seed) => seed.indicators.map((r) => `${seed.zone.id} ${r.code} ${r.period}`).filter((key) => !documented.has(key)));
      expect(missing).toEqual([]);
    });

    it('gives the counts the seed files hold', () => {
      const expected = seeds().map((seed) => [
        seed.zone.id,
        String(seed.enterprises.length),
        String(seed.partyOrganizations.length),
        String(seed.honors.length),
        String(seed.alliances.length),
        String(seed.serviceStations.length),
        String(seed.indicators.length),
      ]);
      const documented = tableRows(docSection('Counts'));
      const order = (rows: string[][]) => [...rows].sort((a, b) => a[0].localeCompare(b[0]));
      expect(order(documented)).toEqual(order(expected));
    });
  });

  describe('province directory', () => {
    const directory = (): DirectorySeed => parseWith(directorySeedSchema as Schema<DirectorySeed>, DIRECTORY_FILE);

    it('parses with the directory schema', () => {
      directory();
    });

    it('quotes every source passage verbatim from its article', () => {
      expect(passageProblems(DIRECTORY_FILE)).toEqual([]);
    });

    it('has unique province codes, zone ids and meeting ids, and known provinces', () => {
      const dir = directory();
      const problems: string[] = [];
      for (const code of duplicates(dir.provinces.map((p) => p.code))) problems.push(`province "${code}" listed twice`);
      for (const id of duplicates(dir.zones.map((z) => z.id))) problems.push(`zone "${id}" listed twice`);
      for (const id of duplicates(dir.onsiteMeetings.map((m) => m.id))) problems.push(`meeting "${id}" listed twice`);
      const provinces = new Set(dir.provinces.map((p) => p.code));
      for (const zone of dir.zones) if (!provinces.has(zone.provinceCode)) problems.push(`zones.${zone.id}.provinceCode: no province "${zone.provinceCode}"`);
      for (const meeting of dir.onsiteMeetings)
        if (!provinces.has(meeting.provinceCode)) problems.push(`onsiteMeetings.${meeting.id}.provinceCode: no province "${meeting.provinceCode}"`);
      expect(problems).toEqual([]);
    });

    it('lists exactly the zones that have one seed file each, with the same names', () => {
      const dir = directory();
      const filesByZone = new Map<string, string[]>();
      const namesByZone = new Map<string, string>();
      for (const file of ZONE_FILES) {
        const seed = parseWith(zoneSeedSchema as Schema<ZoneSeed>, file);
        filesByZone.set(seed.zone.id, [...(filesByZone.get(seed.zone.id) ?? []), rel(file)]);
        namesByZone.set(seed.zone.id, seed.zone.nameZh);
      }
      const problems: string[] = [];
      for (const zone of dir.zones) {
        const files = filesByZone.get(zone.id) ?? [];
        if (files.length !== 1) problems.push(`zone "${zone.id}" has ${files.length} seed files${files.length ? `: ${files.join(', ')}` : ''}`);
        else if (namesByZone.get(zone.id) !== zone.nameZh)
          problems.push(`zone "${zone.id}" is "${zone.nameZh}" in the directory but "${namesByZone.get(zone.id)}" in ${files[0]}`);
      }
      const listed = new Set(dir.zones.map((z) => z.id));
      for (const [zoneId, files] of filesByZone)
        if (!listed.has(zoneId)) problems.push(`seed file(s) ${files.join(', ')} for zone "${zoneId}" not in the directory`);
      expect(problems).toEqual([]);
    });

    it('names only known zones as on-site meeting hosts', () => {
      const dir = directory();
      const zones = new Map(dir.zones.map((z) => [z.id, z]));
      const problems: string[] = [];
      for (const meeting of dir.onsiteMeetings) {
        for (const host of meeting.hostZoneIds) {
          const zone = zones.get(host);
          if (!zone) problems.push(`onsiteMeetings.${meeting.id}.hostZoneIds: no zone "${host}"`);
          else if (zone.provinceCode !== meeting.provinceCode)
            problems.push(`onsiteMeetings.${meeting.id}: host "${host}" is in ${zone.provinceCode}, meeting is in ${meeting.provinceCode}`);
        }
        for (const host of duplicates(meeting.hostZoneIds)) problems.push(`onsiteMeetings.${meeting.id}: host "${host}" listed twice`);
      }
      expect(problems).toEqual([]);
    });
  });
});
