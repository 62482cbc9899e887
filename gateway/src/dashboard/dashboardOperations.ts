import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Kind, parse, print, stripIgnoredCharacters, visit, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

/** One operation the page sends, by the file name it is stored under (`compareZones`). */
export type DashboardOperations = Readonly<Record<string, string>>;

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => join(dir, name));
}

function parseFile(file: string): DocumentNode {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`dashboard operation ${file} does not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function spreadNames(node: DocumentNode | FragmentDefinitionNode): Set<string> {
  const names = new Set<string>();
  visit(node, { FragmentSpread: (spread) => void names.add(spread.name.value) });
  return names;
}

/**
 * Each operation file with the fragments it spreads (transitively) appended, so the page sends
 * one self-contained document per request. Throws, naming the file, for a file that does not
 * parse, holds other than one operation, or spreads a fragment no fragment file defines.
 */
export function loadDashboardOperations(operationsDir: string, fragmentsDir: string): DashboardOperations {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of graphqlFiles(fragmentsDir)) {
    for (const definition of parseFile(file).definitions) {
      if (definition.kind !== Kind.FRAGMENT_DEFINITION) throw new Error(`dashboard fragment file ${file} holds a ${definition.kind}: fragments only`);
      fragments.set(definition.name.value, definition);
    }
  }
  const operations: Record<string, string> = {};
  for (const file of graphqlFiles(operationsDir)) {
    const document = parseFile(file);
    if (document.definitions.length !== 1 || document.definitions[0].kind !== Kind.OPERATION_DEFINITION) {
      throw new Error(`dashboard operation ${file} must hold exactly one operation (fragments go in ${fragmentsDir})`);
    }
    const needed: FragmentDefinitionNode[] = [];
    const pending = [...spreadNames(document)];
    while (pending.length > 0) {
      const name = pending.pop() as string;
      if (needed.some((fragment) => fragment.name.value === name)) continue;
      const fragment = fragments.get(name);
      if (!fragment) throw new Error(`dashboard operation ${file} spreads ...${name}, which no file in ${fragmentsDir} defines`);
      needed.push(fragment);
      pending.push(...spreadNames(fragment));
    }
    operations[basename(file, '.graphql')] = stripIgnoredCharacters(print({ kind: Kind.DOCUMENT, definitions: [...document.definitions, ...needed] }));
  }
  return operations;
}
