import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { codegen } from '@graphql-codegen/core';
import * as operationsPlugin from '@graphql-codegen/typescript-operations';
import { parse, printSchema, type GraphQLSchema } from 'graphql';
import { typescriptHeader, type GeneratedFile } from './generatedFile';

/** A set of operations and the file their types go to. */
export interface OperationSet {
  /** Where the types are written, from the repository root. */
  readonly output: string;
  /** What the header says they come from. */
  readonly from: string;
  readonly documents: readonly { location: string; text: string }[];
  /** TypeScript types of the schema's own scalars (ID is always a string). */
  readonly scalars?: Readonly<Record<string, string>>;
}

/** Every `.graphql` file of a folder, by name. */
export function operationsInFolder(root: string, folder: string): OperationSet['documents'] {
  return readdirSync(join(root, folder))
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ location: relative(root, join(root, folder, file)), text: readFileSync(join(root, folder, file), 'utf8') }));
}

/** TypeScript types of the operations' variables and answers, checked against the schema (the API's, or a subgraph's). */
export async function renderOperationTypes(schema: GraphQLSchema, set: OperationSet): Promise<GeneratedFile> {
  const content = await codegen({
    schema: parse(printSchema(schema)),
    schemaAst: schema,
    documents: set.documents.map(({ location, text }) => ({ location, document: parse(text) })),
    filename: set.output,
    config: {
      enumsAsTypes: true,
      skipTypename: true,
      // Answer fields are always present (null when empty); input fields may be left out, as in GraphQL.
      avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      maybeValue: 'T | null',
      scalars: { ...set.scalars, ID: 'string' },
      useTypeImports: true,
    },
    // typescript-operations 6 also emits the enums and input types the operations use.
    plugins: [{ 'typescript-operations': {} }],
    pluginMap: { 'typescript-operations': operationsPlugin },
  });
  return { path: set.output, content: typescriptHeader(set.from) + content.trimEnd() + '\n' };
}
