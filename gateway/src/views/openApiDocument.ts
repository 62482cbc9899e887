import { getNamedType, GraphQLBoolean, GraphQLEnumType, GraphQLFloat, GraphQLInt, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import { groupColumnPattern, isColumnGroup, type ViewColumn } from './columns';
import { FORMATS, type Format } from './formats';
import type { ServedView } from './servedViews';

type JsonSchema = Record<string, unknown>;

/** JSON Schema of a column's values (2020-12, as OpenAPI 3.1 uses it). */
function columnSchema(column: ViewColumn): JsonSchema {
  const type = column.type === 'date' ? 'string' : column.type;
  return {
    type: column.notNull ? type : [type, 'null'],
    ...(column.type === 'date' ? { format: 'date-time' } : {}),
    ...(column.values ? { enum: column.notNull ? [...column.values] : [...column.values, null] } : {}),
    description: column.description,
  };
}

/** JSON Schema of a parameter's query-string value, from its GraphQL type. */
function parameterSchema(type: GraphQLInputType): JsonSchema {
  if (isNonNullType(type)) return parameterSchema(type.ofType);
  if (isListType(type)) return { type: 'array', items: parameterSchema(type.ofType as GraphQLInputType) };
  const named = getNamedType(type);
  if (named instanceof GraphQLEnumType) return { type: 'string', enum: named.getValues().map((value) => value.name) };
  if (named === GraphQLInt) return { type: 'integer', format: 'int32' };
  if (named === GraphQLFloat) return { type: 'number' };
  if (named === GraphQLBoolean) return { type: 'boolean' };
  return { type: 'string' };
}

/** `selection-run` → `SelectionRun`. */
const pascal = (name: string) => name.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());

/** The schema of one JSON row: fixed columns as properties, column groups as patterns, nothing else. */
function rowSchema({ view }: ServedView): JsonSchema {
  const fixed = view.columns.filter((part): part is ViewColumn => !isColumnGroup(part));
  const groups = view.columns.filter(isColumnGroup);
  return {
    type: 'object',
    description: `One row of the ${view.name} view.`,
    properties: Object.fromEntries(fixed.map((column) => [column.name, columnSchema(column)])),
    ...(groups.length > 0
      ? {
          patternProperties: Object.fromEntries(
            groups.flatMap((group) => group.columns.map((column) => [groupColumnPattern(group, column), columnSchema(column)])),
          ),
        }
      : {}),
    required: fixed.map((column) => column.name),
    additionalProperties: false,
  };
}

/** The columns as listed for CSV and XLSX (`x-columns`): fixed ones, and each group with its name templates. */
function columnsList({ view }: ServedView): unknown[] {
  return view.columns.map((part) =>
    isColumnGroup(part)
      ? { group: part.group, keys: part.keys, columns: part.columns.map(({ name, type, description }) => ({ name, type, description })) }
      : { name: part.name, type: part.type, description: part.description },
  );
}

function columnsInWords({ view }: ServedView): string {
  return view.columns
    .map((part) => (isColumnGroup(part) ? `for ${part.keys}: ${part.columns.map((column) => `\`${column.name}\``).join(', ')}` : `\`${part.name}\``))
    .join(', ');
}

const errorResponse = (description: string, schema: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
});

function operationOf(served: ServedView, format: Format): JsonSchema {
  const { view, parameters } = served;
  const content: JsonSchema =
    format.extension === 'json'
      ? { [format.contentType]: { schema: { $ref: `#/components/schemas/${pascal(view.name)}Table` } } }
      : {
          [format.contentType]: {
            schema: format.extension === 'csv' ? { type: 'string' } : { type: 'string', contentMediaType: format.mediaType, contentEncoding: 'binary' },
          },
        };
  return {
    operationId: `${pascal(view.name).replace(/^./, (c) => c.toLowerCase())}${format.extension.toUpperCase()}`,
    summary: `${view.title} (${format.extension.toUpperCase()})`,
    description: `${view.description}\n\nColumns: ${columnsInWords(served)}.`,
    tags: ['views'],
    parameters: parameters.map((parameter) => ({
      name: parameter.name,
      in: 'query',
      required: parameter.required,
      description: `${parameter.description} GraphQL type ${parameter.typeName}.`,
      schema: { ...parameterSchema(parameter.type), ...(parameter.defaultValue !== undefined ? { default: parameter.defaultValue } : {}) },
      ...(isListType(isNonNullType(parameter.type) ? parameter.type.ofType : parameter.type) ? { style: 'form', explode: false } : {}),
    })),
    'x-columns': columnsList(served),
    responses: {
      '200': {
        description: format.attachment
          ? `The table as a download (\`${view.name}.${format.extension}\`), streamed.`
          : 'The table, streamed: columns, then one row per line.',
        content,
      },
      '400': errorResponse(
        'A parameter is invalid (`error.parameter` names it), or the gateway refused the operation as too costly (its own GraphQL error).',
        'ViewError',
      ),
      '401': errorResponse('No credential, or one that does not verify: the gateway’s own answer, passed on.', 'GraphQLErrors'),
      '403': errorResponse('The credential’s role may not run this view (comparison and selection runs need ANALYST or ADMIN).', 'ViewError'),
      '404': errorResponse('No such view, or (selection-run) no saved run with this id that the credential may read.', 'ViewError'),
      '429': errorResponse('Too many requests from this credential: the gateway’s own answer (Retry-After), passed on.', 'GraphQLErrors'),
      '502': errorResponse('The gateway answered with an error no row can carry.', 'ViewError'),
      '503': errorResponse('A service the whole view needs (the province) is unavailable.', 'ViewError'),
    },
  };
}

/** The OpenAPI 3.1 document of the served views: a path per view and format, parameters, columns, bearer security. */
export function openApiDocument(views: readonly ServedView[]): JsonSchema {
  const paths = Object.fromEntries(
    views.flatMap((served) => FORMATS.map((format) => [`/views/${served.view.name}.${format.extension}`, { get: operationOf(served, format) }])),
  );
  const tables = Object.fromEntries(
    views.flatMap((served) => {
      const name = pascal(served.view.name);
      return [
        [`${name}Row`, rowSchema(served)],
        [
          `${name}Table`,
          {
            type: 'object',
            required: ['view', 'columns', 'rows'],
            properties: {
              view: { const: served.view.name },
              columns: { type: 'array', items: { $ref: '#/components/schemas/Column' } },
              rows: { type: 'array', items: { $ref: `#/components/schemas/${name}Row` } },
            },
            additionalProperties: false,
          },
        ],
      ];
    }),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'devzone-graph BI views',
      version: '1',
      description:
        'Stored GraphQL operations served as tables (JSON, CSV, XLSX) at stable URLs, run through the gateway with the caller’s credential. Every view ends with the columns `status` (`ok` | `unavailable`) and `message`: a zone that could not answer is a marked row, never a missing one. See docs/bi.md.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    tags: [{ name: 'views', description: 'BI views' }],
    security: [{ bearer: [] }, { apiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key (`Bearer dzk_…`) or a signed token (`Bearer eyJ…`).' },
        apiKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'An API key as `ApiKey dzk_…` (a BI_READER key: `pnpm auth issue`).' },
      },
      schemas: {
        Column: {
          type: 'object',
          required: ['name', 'type', 'description'],
          properties: {
            name: { type: 'string' },
            type: { type: 'string', enum: ['string', 'integer', 'number', 'boolean', 'date'] },
            description: { type: 'string' },
          },
          additionalProperties: false,
        },
        ViewError: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, parameter: { type: 'string' }, requestId: { type: 'string' } },
            },
          },
        },
        GraphQLErrors: {
          type: 'object',
          required: ['errors'],
          properties: {
            errors: {
              type: 'array',
              items: { type: 'object', required: ['message'], properties: { message: { type: 'string' }, extensions: { type: 'object' } } },
            },
          },
        },
        ...tables,
      },
    },
  };
}
