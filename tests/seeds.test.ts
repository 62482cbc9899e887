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
import { zoneSeedSchema, type ZoneSeed } from '@devzone/zone-subgraph';
// The province package has no index yet: import the directory schema by path.
import { directorySeedSchema, type DirectorySeed } from '../subgraphs/province/src/seed/directorySchema';

const REPO_ROOT = path.resolve(__dirname, '..');
const SEEDS_DIR = path.resolve(__dirname, '../data/sources');
const ZONE_SERVICES = ['yongkang', 'chengxi', 'jinjiang', 'anhui'] as const;
const DIRECTORY_FILE = path.join(REPO_ROOT, 'subgraphs/province/seed/directory.json');

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
    if (holder.kind === 'enterprise' && !enterprises.has(holder.localId))
      problems.push(`honors.${honor.localId}.holder: no enterprise "${holder.localId}"`);
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
  const keys = seed.indicators.map(
    (r) => `${r.code} | ${r.period} | ${r.source.document} | ${stripWhitespace(r.source.passage)}`,
  );
  return duplicates(keys).map((key) => `indicator reported twice (code | period | document | passage): ${key}`);
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
      for (const zone of dir.zones)
        if (!provinces.has(zone.provinceCode)) problems.push(`zones.${zone.id}.provinceCode: no province "${zone.provinceCode}"`);
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
