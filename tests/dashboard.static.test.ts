/**
 * The dashboard's browser files checked without a browser: every GraphQL operation the page sends
 * validates against the committed API schema (gateway/schema.graphql), and every label the page
 * shows exists in both languages, enum labels included for every value the schema has.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildSchema, isEnumType, parse, validate, type GraphQLSchema } from 'graphql';
import { loadDashboardOperations, resolveDashboardFiles } from '../gateway/src/dashboard';

const files = resolveDashboardFiles();
const schema: GraphQLSchema = buildSchema(readFileSync(join(__dirname, '../gateway/schema.graphql'), 'utf8'));
const labels = JSON.parse(readFileSync(join(files.assetsDir, 'labels.json'), 'utf8')) as Record<'zh' | 'en', Record<string, string>>;

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? scripts(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );
}

describe('the operations the dashboard sends', () => {
  const operations = loadDashboardOperations(files.operationsDir, files.fragmentsDir);

  it('are the ones the page asks for by name', () => {
    const asked = new Set(
      scripts(files.assetsDir).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/client\.run\('([A-Za-z]+)'/g)].map((match) => match[1])),
    );
    expect([...asked].sort()).toEqual(Object.keys(operations).sort());
  });

  it.each(Object.keys(loadDashboardOperations(files.operationsDir, files.fragmentsDir)))('%s validates against gateway/schema.graphql', (name) => {
    const errors = validate(schema, parse(operations[name]));
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it('refuses a file that spreads a fragment nobody defines, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dashboard-operations-'));
    writeFileSync(join(dir, 'broken.graphql'), 'query Broken { zones { ...Missing } }');
    expect(() => loadDashboardOperations(dir, files.fragmentsDir)).toThrow(/broken\.graphql spreads \.\.\.Missing/);
  });
});

describe('the labels of the page', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(labels.en).sort()).toEqual(Object.keys(labels.zh).sort());
    for (const language of ['zh', 'en'] as const) {
      expect(Object.entries(labels[language]).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  it('has every key a script asks for', () => {
    const missing = scripts(files.assetsDir).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\('([^']+)'/g)]
        .map((match) => match[1])
        .filter((key) => !(key in labels.zh))
        .map((key) => `${relative(files.assetsDir, file)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  // Labels of enum values the page looks up by value; a value the schema adds must get a label.
  const enumFamilies: Record<string, string> = {
    qualifier: 'Qualifier',
    kind: 'FigureKind',
    status: 'CellStatus',
    completeness: 'RecordCompleteness',
    direction: 'IndicatorDirection',
    valueSource: 'ValueSource',
    level: 'ZoneLevel',
    orgType: 'PartyOrganizationType',
    flag: 'EnterpriseFlag',
    honorLevel: 'HonorLevel',
    meetingPrecision: 'MeetingPrecision',
    method: 'RankingMethod',
    normalization: 'NormalizationKind',
    weighting: 'WeightingKind',
    missingPolicy: 'MissingValuePolicyKind',
    imputation: 'ImputationRule',
    exclusion: 'ExclusionReason',
  };
  // Families shown as tags (format.js `tag`) also carry a tooltip: `<family>.<value>.help`.
  const tagFamilies = new Set(['qualifier', 'kind', 'status', 'completeness']);
  it.each(Object.entries(enumFamilies))('labels every value of %s (%s)', (family, typeName) => {
    const type = schema.getType(typeName);
    if (!isEnumType(type)) throw new Error(`${typeName} is not an enum of the schema`);
    const missing = type
      .getValues()
      .flatMap((value) => [`${family}.${value.name}`, ...(tagFamilies.has(family) ? [`${family}.${value.name}.help`] : [])])
      .filter((key) => !(key in labels.zh));
    expect(missing).toEqual([]);
  });
});
