import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether a field named one of `names` is selected anywhere below the field being resolved,
 * through fragments and inline fragments. `@include`/`@skip` are not evaluated: a field that may
 * be selected counts, so a caller that skips work when this is false never skips needed work.
 */
export function selectsAnyField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, names: ReadonlySet<string>): boolean {
  const visited = new Set<string>();
  const selects = (selectionSet: SelectionSetNode | undefined): boolean => {
    if (!selectionSet) return false;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (names.has(selection.name.value) || selects(selection.selectionSet)) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (selects(selection.selectionSet)) return true;
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        if (selects(info.fragments[selection.name.value]?.selectionSet)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => selects(node.selectionSet));
}
