import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, type GraphQLSchema, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';

/** Where the views' operations live: `gateway/views/`, the same relative place from `src/views` and `dist/views`. */
export const VIEWS_OPERATIONS_DIR = join(__dirname, '..', '..', 'views');
/** The API schema clients query at the gateway, committed by `pnpm generate`. */
export const API_SCHEMA_FILE = join(__dirname, '..', '..', 'schema.graphql');

/** A view's stored operation: its text as sent to the gateway, its name and its variables. */
export interface StoredOperation {
  readonly file: string;
  readonly text: string;
  readonly operationName: string;
  readonly variables: readonly VariableDefinitionNode[];
}

/** Reads `<dir>/<view>.graphql`: exactly one named query, or an error naming the file (at start-up, not per request). */
export function loadStoredOperation(view: string, dir: string = VIEWS_OPERATIONS_DIR): StoredOperation {
  const file = join(dir, `${view}.graphql`);
  const text = readShippedFile(file);
  const operations = parse(text).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const [operation] = operations;
  if (operations.length !== 1 || operation.operation !== 'query' || !operation.name) {
    throw new Error(`${file} must hold exactly one named query`);
  }
  return { file, text, operationName: operation.name.value, variables: operation.variableDefinitions ?? [] };
}

/** Variable definitions written as in an operation (`$rows: Int! = 1000`), parsed. */
export function parseVariableDefinitions(definitions: string): readonly VariableDefinitionNode[] {
  const [operation] = parse(`query (${definitions}) { __typename }`).definitions as OperationDefinitionNode[];
  return operation.variableDefinitions ?? [];
}

let apiSchema: GraphQLSchema | undefined;

/** The committed API schema, built once: what parameters are coerced with. */
export function loadApiSchema(): GraphQLSchema {
  apiSchema ??= buildSchema(readShippedFile(API_SCHEMA_FILE));
  return apiSchema;
}

/** A file the views read at start-up, or an error that says where it should have come from. */
function readShippedFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`BI views: cannot read ${file} (gateway/views/ and gateway/schema.graphql ship next to the gateway's dist/: see docs/bi.md)`, {
      cause: error,
    });
  }
}
