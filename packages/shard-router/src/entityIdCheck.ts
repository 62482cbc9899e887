import { Kind, parse, print, type FieldNode, type InlineFragmentNode, type SelectionSetNode } from 'graphql';

/** The alias under which every `_entities` answer also carries the entity's own `id`. */
export const CHECKED_ID = '__checkedId';

/** Queries remembered (each with the rewrites for the type lists it was sent with). */
const MAX_CACHED = 500;
/** By query, then by type list: a query text is the planner's same string every time, so finding it costs no new string. */
const rewritten = new Map<string, Map<string, string>>();

/**
 * The `_entities` query asking, besides what the gateway asked, each entity's `id`
 * under `CHECKED_ID` (one inline fragment per type sent), so the answer can be
 * checked entity by entity. Every type routed by zone has an `id` key. A query that
 * does not parse is returned as it is: the service will refuse it anyway.
 */
export function withCheckedIds(query: string, typenames: readonly string[]): string {
  const types = typenames.length === 1 ? typenames[0]! : typenames.join(',');
  let ofQuery = rewritten.get(query);
  const cached = ofQuery?.get(types);
  if (cached !== undefined) return cached;
  let result = query;
  try {
    result = print(addCheckedIds(parse(query), typenames));
  } catch {
    // not GraphQL: sent unchanged
  }
  if (!ofQuery) {
    if (rewritten.size >= MAX_CACHED) rewritten.delete(rewritten.keys().next().value as string);
    ofQuery = new Map();
    rewritten.set(query, ofQuery);
  }
  ofQuery.set(types, result);
  return result;
}

function addCheckedIds<T extends object>(document: T, typenames: readonly string[]): T {
  const fragments: InlineFragmentNode[] = typenames.map((typename) => ({
    kind: Kind.INLINE_FRAGMENT,
    typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: typename } },
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [{ kind: Kind.FIELD, alias: { kind: Kind.NAME, value: CHECKED_ID }, name: { kind: Kind.NAME, value: 'id' } }],
    },
  }));
  return mapEntitiesField(document, (selectionSet) => ({ ...selectionSet, selections: [...selectionSet.selections, ...fragments] }));
}

/** Applies `change` to the selection set of every `_entities` field, at any depth of the operation. */
function mapEntitiesField<T>(node: T, change: (selectionSet: SelectionSetNode) => SelectionSetNode): T {
  if (Array.isArray(node)) return node.map((item: unknown) => mapEntitiesField(item, change)) as T;
  if (typeof node !== 'object' || node === null) return node;
  const field = node as Partial<FieldNode>;
  if (field.kind === Kind.FIELD && field.name?.value === '_entities' && field.selectionSet) {
    return { ...node, selectionSet: change(field.selectionSet) };
  }
  const copy: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node)) copy[name] = name === 'loc' ? undefined : mapEntitiesField(value, change);
  return copy as T;
}

export type IdCheck = { readonly status: 'checked'; readonly entities: unknown[] } | { readonly status: 'failed'; readonly reason: string };

/**
 * Each entity answered must be null (not found, with its error) or carry under
 * `CHECKED_ID` the `id` of the representation at its position. The alias is removed
 * from what is returned.
 */
export function checkEntityIds(entities: readonly unknown[], representations: readonly unknown[]): IdCheck {
  const checked: unknown[] = [];
  for (const [i, entity] of entities.entries()) {
    if (entity === null) {
      checked.push(null);
      continue;
    }
    const asked = (representations[i] as { id?: unknown } | undefined)?.id;
    if (typeof entity !== 'object' || Array.isArray(entity)) return { status: 'failed', reason: `answered something that is not an entity at position ${i}` };
    const { [CHECKED_ID]: answered, ...rest } = entity as Record<string, unknown>;
    if (answered !== asked) {
      const got = typeof answered === 'string' ? `"${answered}"` : 'no id';
      return { status: 'failed', reason: `answered an entity with another id (asked "${String(asked)}", got ${got})` };
    }
    checked.push(rest);
  }
  return { status: 'checked', entities: checked };
}
