import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { buildSchema, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { isColumnGroup, openApiDocument, serveViews, loadApiSchema, VIEWS, type View } from '../gateway/src/views';

/**
 * What BI tools rely on, checked without running anything: every view's stored
 * operation validates against the committed API schema (so a schema change that
 * breaks a view fails CI, not the analyst), its columns are the pinned ones, and
 * its OpenAPI description is well-formed.
 */
const ROOT = join(__dirname, '..');
const OPERATIONS_DIR = join(ROOT, 'gateway', 'views');
const apiSchema = buildSchema(readFileSync(join(ROOT, 'gateway', 'schema.graphql'), 'utf8'));
const operationFiles = readdirSync(OPERATIONS_DIR)
  .filter((file) => file.endsWith('.graphql'))
  .sort();

describe('every view operation validates against the committed API schema (gateway/schema.graphql)', () => {
  it.each(operationFiles)('%s', (file) => {
    const document = parse(readFileSync(join(OPERATIONS_DIR, file), 'utf8'));
    expect(validate(apiSchema, document).map((error) => error.message)).toEqual([]);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.map((operation) => operation.operation)).toEqual(['query']);
  });

  it('finds the check failing for an operation the schema no longer has a field for', () => {
    const stale = parse(readFileSync(join(OPERATIONS_DIR, 'zones.graphql'), 'utf8').replace('nameEn', 'nameFr'));
    expect(validate(apiSchema, stale).map((error) => error.message)).toEqual([
      'Cannot query field "nameFr" on type "Zone". Did you mean "nameEn" or "nameZh"?',
    ]);
  });

  it('has one operation file per view and one view per operation file', () => {
    expect(VIEWS.map((view) => `${view.name}.graphql`).sort()).toEqual(operationFiles);
  });

  it('describes every parameter, and the views load (types a query string can carry, no undescribed variable)', () => {
    const served = serveViews(VIEWS, loadApiSchema());
    for (const { view, parameters } of served) {
      for (const parameter of parameters)
        expect(`${view.name}.${parameter.name}: ${parameter.description.length > 10}`).toBe(`${view.name}.${parameter.name}: true`);
    }
  });
});

/**
 * The committed snapshot of every view's columns: name, type, `!` when every row has a
 * value; `[group] {key}.suffix` for a group repeated per key. Renaming, retyping,
 * reordering or dropping a column breaks the workbooks and dashboards built on it: change
 * this list only together with docs/bi.md, knowingly.
 */
const PINNED_COLUMNS: Record<string, string[]> = {
  zones: [
    'zone_id string!',
    'name_zh string!',
    'name_en string',
    'province string!',
    'province_name string',
    'city string',
    'level string',
    'service string',
    'records_enterprises string',
    'records_party_organizations string',
    'records_honors string',
    'records_alliances string',
    'records_service_stations string',
    'records_as_of string',
    'directory_source_document string',
    'directory_source_title string',
    'status string!',
    'message string',
  ],
  indicators: [
    'zone_id string!',
    'zone_name string',
    'province string',
    'indicator string',
    'indicator_name string',
    'value number',
    'unit string',
    'unit_label string',
    'precision string',
    'period string',
    'period_basis string',
    'kind string',
    'source_document string',
    'source_title string',
    'source_date string',
    'passage string',
    'computation string',
    'record_completeness string',
    'record_count integer',
    'note string',
    'status string!',
    'message string',
  ],
  comparison: [
    'zone_id string!',
    'zone_name string',
    'province string',
    '[indicator] {key}.value number',
    '[indicator] {key}.unit string',
    '[indicator] {key}.precision string',
    '[indicator] {key}.period string',
    '[indicator] {key}.kind string',
    '[indicator] {key}.rank integer',
    '[indicator] {key}.source string',
    '[indicator] {key}.source_title string',
    '[indicator] {key}.note string',
    'status string!',
    'message string',
  ],
  enterprises: [
    'zone_id string!',
    'zone_name string',
    'province string',
    'zone_match_count integer',
    'zone_next_after string',
    'enterprise_id string',
    'name_zh string',
    'name_en string',
    'credit_code string',
    'industry string',
    'flags string',
    'employees integer',
    'employees_precision string',
    'output_value number',
    'tax number',
    'patents_invention integer',
    'patents_utility integer',
    'honors string',
    'kind string',
    'source_document string',
    'source_title string',
    'passage string',
    'status string!',
    'message string',
  ],
  'party-organizations': [
    'zone_id string!',
    'zone_name string',
    'province string',
    'zone_match_count integer',
    'zone_next_after string',
    'organization_id string',
    'name_zh string',
    'type string',
    'parent_id string',
    'brand string',
    'founded_on string',
    'star_rating integer',
    'members integer',
    'members_precision string',
    'enterprise_ids string',
    'honors string',
    'kind string',
    'source_document string',
    'source_title string',
    'passage string',
    'status string!',
    'message string',
  ],
  'selection-run': [
    'run_id string!',
    'run_title string',
    'run_created_at date',
    'data_taken_at date',
    'method string',
    'replay_matches_saved boolean',
    'stable boolean',
    'zone_id string!',
    'zone_name string',
    'province string',
    'standing string',
    'exclusion string',
    'rank integer',
    'score number',
    'selected boolean',
    'probability_first number',
    'mean_rank number',
    'imputed_indicators string',
    '[criterion] {key}.contribution number',
    '[criterion] {key}.weight number',
    '[criterion] {key}.normalized number',
    '[criterion] {key}.raw number',
    '[criterion] {key}.imputed boolean',
    '[criterion] {key}.value number',
    '[criterion] {key}.precision string',
    '[criterion] {key}.period string',
    '[criterion] {key}.kind string',
    '[criterion] {key}.source string',
    '[criterion] {key}.source_title string',
    '[rank] rank_acceptability.{key} number',
    'status string!',
    'message string',
  ],
  'synthetic-rows': [
    'row_number integer!',
    'zone_id string!',
    'value number',
    'precision string',
    'flag boolean',
    'taken_at date',
    'kind string',
    'passage string',
    'status string!',
    'message string',
  ],
};

const columnsOf = (view: View) =>
  view.columns.flatMap((part) =>
    isColumnGroup(part)
      ? part.columns.map((column) => `[${part.group}] ${column.name} ${column.type}`)
      : [`${part.name} ${part.type}${part.notNull ? '!' : ''}`],
  );

describe('column names and types are stable', () => {
  it.each(VIEWS.map((view) => [view.name, view] as const))('%s', (name, view) => {
    expect(columnsOf(view)).toEqual(PINNED_COLUMNS[name]);
  });

  it('pins every view', () => {
    expect(Object.keys(PINNED_COLUMNS).sort()).toEqual(VIEWS.map((view) => view.name).sort());
  });

  it.each(VIEWS.map((view) => [view.name, view] as const))('%s ends with status and message, and has no column twice', (_name, view) => {
    const names = columnsOf(view).map((line) => line.split(' ').slice(-2)[0]);
    expect(names.slice(-2)).toEqual(['status', 'message']);
    expect(new Set(names).size).toBe(names.length);
  });
});

/**
 * The parts of the OpenAPI 3.1 specification (https://spec.openapis.org/oas/v3.1.0) the
 * views' document uses, as a JSON Schema: required fields, allowed values, no stray keys
 * where the specification allows none (extensions `x-…` aside).
 */
const OPENAPI_31_STRUCTURE = {
  $defs: {
    extensible: { patternProperties: { '^x-': true } },
    info: {
      type: 'object',
      required: ['title', 'version'],
      properties: { title: { type: 'string' }, version: { type: 'string' }, description: { type: 'string' } },
      additionalProperties: false,
    },
    parameter: {
      type: 'object',
      required: ['name', 'in', 'schema'],
      properties: {
        name: { type: 'string', minLength: 1 },
        in: { enum: ['query', 'header', 'path', 'cookie'] },
        description: { type: 'string' },
        required: { type: 'boolean' },
        schema: { type: 'object' },
        style: { enum: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'] },
        explode: { type: 'boolean' },
      },
      additionalProperties: false,
    },
    mediaType: { type: 'object', required: ['schema'], properties: { schema: { type: 'object' } }, additionalProperties: false },
    response: {
      type: 'object',
      required: ['description'],
      properties: {
        description: { type: 'string' },
        content: { type: 'object', propertyNames: { pattern: '^[a-z]+/[a-z0-9.+-]+(;.*)?$' }, additionalProperties: { $ref: '#/$defs/mediaType' } },
      },
      additionalProperties: false,
    },
    operation: {
      type: 'object',
      required: ['responses'],
      properties: {
        operationId: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*$' },
        summary: { type: 'string' },
        description: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        parameters: { type: 'array', items: { $ref: '#/$defs/parameter' } },
        responses: {
          type: 'object',
          minProperties: 1,
          propertyNames: { pattern: '^([1-5](?:[0-9]{2}|XX)|default)$' },
          additionalProperties: { $ref: '#/$defs/response' },
        },
        security: { type: 'array' },
      },
      patternProperties: { '^x-': true },
      additionalProperties: false,
    },
    securityScheme: {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: ['apiKey', 'http', 'mutualTLS', 'oauth2', 'openIdConnect'] }, description: { type: 'string' } },
      allOf: [
        { if: { properties: { type: { const: 'http' } } }, then: { required: ['scheme'] } },
        { if: { properties: { type: { const: 'apiKey' } } }, then: { required: ['name', 'in'], properties: { in: { enum: ['query', 'header', 'cookie'] } } } },
      ],
    },
  },
  type: 'object',
  required: ['openapi', 'info', 'paths'],
  properties: {
    openapi: { type: 'string', pattern: '^3\\.1\\.\\d+(-.+)?$' },
    info: { $ref: '#/$defs/info' },
    jsonSchemaDialect: { type: 'string', pattern: '^https?://' },
    tags: { type: 'array', items: { type: 'object', required: ['name'] } },
    security: { type: 'array', items: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } },
    paths: {
      type: 'object',
      propertyNames: { pattern: '^/' },
      additionalProperties: {
        type: 'object',
        properties: { get: { $ref: '#/$defs/operation' } },
        additionalProperties: false,
      },
    },
    components: {
      type: 'object',
      properties: {
        securitySchemes: { type: 'object', additionalProperties: { $ref: '#/$defs/securityScheme' } },
        schemas: { type: 'object', additionalProperties: { type: 'object' } },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

describe('docs/bi.md', () => {
  const docs = readFileSync(join(ROOT, 'docs', 'bi.md'), 'utf8');
  const documented = serveViews(
    VIEWS.filter((view) => !view.testOnly),
    loadApiSchema(),
  );

  it.each(documented.map((served) => [served.view.name, served] as const))(
    'lists %s: its URL, every parameter and every column',
    (name, { view, parameters }) => {
      const missing = [
        `/views/${name}.csv`,
        ...parameters.map((parameter) => `\`${parameter.name}\``),
        ...view.columns.flatMap((part) =>
          isColumnGroup(part)
            ? part.columns.map((column) => `\`${column.name.replace('{key}', column.name.startsWith('{key}') ? '<code>' : '1')}\``)
            : [`\`${part.name}\``],
        ),
      ].filter((mention) => !docs.includes(mention));
      expect(missing).toEqual([]);
    },
  );
});

describe('the OpenAPI 3.1 document', () => {
  const served = serveViews(VIEWS, loadApiSchema());
  const document = openApiDocument(served) as {
    paths: Record<
      string,
      {
        get: { parameters: { name: string; required: boolean; schema: Record<string, unknown> }[]; 'x-columns': unknown[]; responses: Record<string, unknown> };
      }
    >;
    components: { schemas: Record<string, object>; securitySchemes: Record<string, { type: string; scheme?: string }> };
    security: Record<string, string[]>[];
  };

  it('has the structure the specification requires', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const check = ajv.compile(OPENAPI_31_STRUCTURE);
    expect(check(document) ? [] : check.errors).toEqual([]);
    // The structure check can fail: a document without a title, or with an operation without responses.
    expect(check({ ...document, info: { version: '1' } })).toBe(false);
    expect(check({ ...document, paths: { '/views/zones.csv': { get: { operationId: 'zonesCSV' } } } })).toBe(false);
  });

  it('holds schemas that are valid JSON Schema 2020-12 and references that resolve', () => {
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true });
    // The document's own fields are not JSON Schema keywords; the schemas under components are checked strictly.
    ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    ajv.addVocabulary(['openapi', 'info', 'jsonSchemaDialect', 'tags', 'security', 'paths', 'components']);
    expect(() => ajv.addSchema({ ...document, $id: 'views' })).not.toThrow();
    for (const name of Object.keys(document.components.schemas)) expect(typeof ajv.getSchema(`views#/components/schemas/${name}`)).toBe('function');
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((match) => match[1].split('/'));
    expect(references.length).toBeGreaterThan(0);
    for (const path of references) {
      const target = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect([path.join('/'), target !== undefined]).toEqual([path.join('/'), true]);
    }
  });

  it('documents every view in every format, with bearer security', () => {
    for (const { view } of served) for (const format of ['json', 'csv', 'xlsx']) expect(document.paths[`/views/${view.name}.${format}`]).toBeDefined();
    expect(document.components.securitySchemes.bearer).toEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    expect(document.security).toContainEqual({ bearer: [] });
  });

  it("documents each view's parameters from its operation's variables: types, required, defaults", () => {
    const parameters = (path: string) => Object.fromEntries(document.paths[path].get.parameters.map(({ name, ...rest }) => [name, rest]));
    expect(parameters('/views/comparison.csv')).toEqual({
      indicators: expect.objectContaining({ required: true, schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: false }),
      provinces: expect.objectContaining({ required: false, schema: { type: 'array', items: { type: 'string' } } }),
      zoneIds: expect.objectContaining({ required: false }),
      period: expect.objectContaining({ required: false, schema: { type: 'string' } }),
      source: expect.objectContaining({
        required: false,
        schema: { type: 'string', enum: ['COMPUTED', 'PREFER_REPORTED', 'REPORTED'], default: 'PREFER_REPORTED' },
      }),
      computedOverNamedOnly: expect.objectContaining({ required: false, schema: { type: 'boolean', default: false } }),
    });
    expect(parameters('/views/enterprises.json').first).toEqual(
      expect.objectContaining({ required: false, schema: { type: 'integer', format: 'int32', default: 100 } }),
    );
    expect(parameters('/views/selection-run.xlsx').id).toEqual(expect.objectContaining({ required: true, schema: { type: 'string' } }));
  });

  it('lists the columns for CSV and XLSX, and gives them as the JSON response schema', () => {
    const zones = VIEWS.find((view) => view.name === 'zones')!;
    const listed = document.paths['/views/zones.csv'].get['x-columns'] as { name: string }[];
    expect(listed.map((column) => column.name)).toEqual(columnsOf(zones).map((line) => line.split(' ')[0]));
    const row = document.components.schemas.ZonesRow as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(row.properties)).toEqual(listed.map((column) => column.name));
    expect(row.additionalProperties).toBe(false);
  });
});
