import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { limitExceeded } from './limitExceeded';

export interface RootFieldLimitOptions {
  /**
   * Most root fields one operation may select (aliases of one field count each; `__typename` does not).
   * @default 15
   */
  readonly maxRootFields?: number;
}

/** Refuses an operation selecting too many root fields (`LIMIT_EXCEEDED`, limit `rootFields`). */
export function rootFieldLimitPlugin({ maxRootFields = 15 }: RootFieldLimitOptions = {}): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation, document }) => {
        if (!operation) return;
        const count = countRootFields(operation.selectionSet, document);
        if (count > maxRootFields) throw limitExceeded('rootFields', maxRootFields, count);
      },
    }),
  };
}

/** Fields of a root selection set, through fragments (each fragment counted once). */
export function countRootFields(selectionSet: SelectionSetNode, document: DocumentNode, spread: Set<string> = new Set()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') count += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countRootFields(selection.selectionSet, document, spread);
    } else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      const fragment = document.definitions.find(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
      );
      if (fragment) count += countRootFields(fragment.selectionSet, document, spread);
    }
  }
  return count;
}
