import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import {
  BREAK,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { directoryFetchKind } from '../datasources/directoryLookupCache';
import { introspects } from '../plugins/introspectionPolicy';

/** What `ApolloGateway` tells `experimental_didResolveQueryPlan` about one operation it is about to run. */
export type ResolvedPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
type PlanNode = NonNullable<ResolvedPlan['queryPlan']['node']>;
type FetchNode = Extract<PlanNode, { kind: 'Fetch' }>;

/** One fetch of a prepared read, as the plan's fetch node sends it. */
export interface PreparedFetch {
  readonly serviceName: string;
  readonly operation: string;
  readonly operationName: string | undefined;
  readonly document: DocumentNode;
  /** The client's variables the fetch passes on, as the executor does (those the client sent). */
  readonly variableUsages: readonly string[];
}

/**
 * A client query whose plan is a directory lookup (`zone(id: …)` or `zones(ids: …)`, literal ids
 * or variables, or the whole list `zones`; key-only ones answered by the province or the
 * directory-lookup cache, others by the province) followed by one `_entities` fetch to the zone
 * services. Between them the two fetches select exactly what the client selects under the
 * looked-up field: the lookup its keys and the directory fields the client asked (`nameZh`,
 * `province { code }`), the entity fetch the rest. Its answer is each entity with the lookup's
 * fields put in: nothing for the executor to merge or shape.
 */
export interface PreparedRead {
  readonly kind: 'entities';
  /** The API schema the operation was validated and planned against. */
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operationName: string | null | undefined;
  readonly variableDefinitions: readonly VariableDefinitionNode[];
  /** The client's only root field (`zone` or `zones`), unaliased. */
  readonly rootField: string;
  /** Whether the root field is a list (the entity fetch's path ends in `@`). */
  readonly list: boolean;
  readonly lookup: PreparedFetch;
  readonly entities: PreparedFetch;
  /** The fields of a representation, in the order the executor builds it (the entity fetch's `requires`). */
  readonly keyFields: readonly string[];
  /** The entity type looked up (`Zone`). */
  readonly typename: string;
  /**
   * Where each field of an answered entity comes from, in the client's order: the key fields the
   * lookup answered (`id`, `__typename`, which the plan does not fetch again) and the directory
   * fields it fetched, else the entity fetch. Undefined when every field comes from the fetch: its
   * entities are the answer as they come.
   */
  readonly parts: readonly EntityPart[] | undefined;
  /**
   * The client's order of each answered entity's fields, when the entity fetch selects the same
   * fields but `__typename` elsewhere (the planner puts it first; Apollo Client adds it last).
   * Undefined when the fetch's order is the client's.
   */
  readonly order: KeyOrder | undefined;
  readonly serviceMap: ResolvedPlan['serviceMap'];
}

/**
 * A client query whose plan is one fetch from the root (`compareZones(…)`, `zone(id:) { nameZh }`,
 * every field from one subgraph) selecting exactly what the client selects: the fetch's data is the
 * answer as it comes (what the gateway patch's `answeredAsAsked` relies on too).
 */
export interface PreparedRootRead extends Pick<PreparedRead, 'schema' | 'document' | 'operationName' | 'variableDefinitions' | 'serviceMap'> {
  readonly kind: 'root';
  readonly fetch: PreparedFetch;
  /** The client's order of the data's fields, when the fetch selects `__typename` elsewhere; undefined when the orders agree. */
  readonly order: KeyOrder | undefined;
}

/** The response keys of one selection set in the client's order, and the order under each key that has a selection. */
export interface KeyOrder {
  readonly keys: readonly string[];
  readonly nested: ReadonlyMap<string, KeyOrder>;
}

/** One field of an answered entity: its response key, and whether the lookup (`field`) or the entity fetch gives it. */
export type EntityPart = { readonly key: string; readonly from: 'fetch' } | { readonly key: string; readonly from: 'lookup'; readonly field: string };

/** The subgraphs a prepared read's two fetches go to. */
export interface PreparedReadSubgraphs {
  /** Where the directory lookup goes (`province`). */
  readonly lookup: string;
  /** Where the entity fetch goes (`zones`). */
  readonly entities: string;
}

/**
 * The prepared read of an operation Apollo's gateway planned, or why it has none (a reason for
 * tests and logs). Every condition is on the document and the plan alone, never on an answer:
 * the same operation is prepared the same way whatever its variables and data.
 */
export function preparedReadOf(resolved: ResolvedPlan, subgraphs: PreparedReadSubgraphs): PreparedRead | PreparedRootRead | string {
  const { queryPlan, operationContext, requestContext, serviceMap } = resolved;
  const { operation } = operationContext;
  if (operation.operation !== 'query') return 'not a query';
  const fragments = Object.keys(operationContext.fragments).length > 0 || hasInlineFragments(requestContext.document);
  if (hasDirectives(requestContext.document)) return 'directives';
  // Who may introspect depends on the caller (introspectionPolicyPlugin); a prepared read has no caller-dependent check.
  if (introspects(requestContext.document)) return 'introspection';
  const common = {
    schema: requestContext.schema,
    document: requestContext.document,
    operationName: requestContext.request.operationName,
    variableDefinitions: operation.variableDefinitions ?? [],
    serviceMap,
  };
  // The client's selection with its fragments' fields in place of each spread or inline fragment, as graphql-js collects them.
  const client = fragments ? inlinedSelection(requestContext.document, operation, requestContext.schema) : operation.selectionSet;
  if (!client) return 'fragments that cannot be put in place';
  if (queryPlan.node?.kind === 'Fetch') {
    const root = rootFetchOf(queryPlan.node, client, requestContext.schema);
    return typeof root === 'string' ? root : { kind: 'root', ...common, ...root };
  }
  const rootField = onlyPlainField(client);
  if (!rootField?.selectionSet) return 'not one unaliased root field with a selection';

  const plan = queryPlan.node;
  if (plan?.kind !== 'Sequence' || plan.nodes.length !== 2) return 'plan is not a lookup then one entity fetch';
  const [lookupNode, flatten] = plan.nodes;
  if (lookupNode?.kind !== 'Fetch' || flatten?.kind !== 'Flatten' || flatten.node.kind !== 'Fetch') return 'plan is not a lookup then one entity fetch';
  const rootName = rootField.name.value;
  const list = samePath(flatten.path, [rootName, '@']);
  if (!list && !samePath(flatten.path, [rootName])) return 'entity fetch is not at the root field';

  const lookup = lookupOf(lookupNode, subgraphs.lookup, rootName);
  if (typeof lookup === 'string') return lookup;
  const entityFetch = flatten.node;
  const entities = entityFetchOf(entityFetch, subgraphs.entities);
  if (typeof entities === 'string') return entities;
  const keys = keyFieldsOf(entityFetch);
  if (!keys) return 'entity fetch requires more than a typename and key fields';
  const selection = entitySelectionOf(entities.document, keys.typename);
  if (!selection) return 'entity fetch is not one inline fragment on the looked-up type';
  const extras = lookupExtrasOf(lookup.document, keys.fields);
  if (!extras) return 'directory lookup selects more than its key fields and plain fields of the client';
  const shape = partsOf(rootField.selectionSet, selection, keys.fields, extras);
  if (!shape) return 'entity fetch selects other than the client';
  const { parts, order } = shape;

  return {
    kind: 'entities',
    ...common,
    rootField: rootName,
    list,
    lookup,
    entities,
    keyFields: keys.fields,
    typename: keys.typename,
    parts: parts.every((part) => part.from === 'fetch') ? undefined : parts,
    order,
  };
}

/**
 * The client's fields under the looked-up field, each from the lookup or the fetch, when the fetch
 * selects exactly the client's fields (aliases, arguments, sub-selections and order included, but
 * where `__typename` stands: see `orderOf`) but the key fields the lookup already answered;
 * undefined otherwise.
 */
function partsOf(
  client: SelectionSetNode,
  fetched: SelectionSetNode,
  keyFields: readonly string[],
  lookupExtras: ReadonlyMap<string, string>,
): { parts: EntityPart[]; order: KeyOrder | undefined } | undefined {
  const fetchedKeys = new Set(fetched.selections.map((selection) => (selection.kind === Kind.FIELD ? (selection.alias ?? selection.name).value : '')));
  const parts: EntityPart[] = [];
  const fromFetch: SelectionSetNode['selections'][number][] = [];
  const extrasUsed = new Set<string>();
  for (const selection of client.selections) {
    if (selection.kind !== Kind.FIELD) return undefined;
    const key = (selection.alias ?? selection.name).value;
    const plainKeyField =
      keyFields.includes(selection.name.value) &&
      !selection.selectionSet &&
      (selection.arguments?.length ?? 0) === 0 &&
      (selection.directives?.length ?? 0) === 0;
    if (!fetchedKeys.has(key) && lookupExtras.get(key) === print(selection)) {
      // A field of the directory the lookup fetched as the client asked it (`nameZh`, `province { code }`, `zoneId: id`).
      parts.push({ key, from: 'lookup', field: key });
      extrasUsed.add(key);
    } else if (plainKeyField && !fetchedKeys.has(key)) {
      parts.push({ key, from: 'lookup', field: selection.name.value });
    } else {
      parts.push({ key, from: 'fetch' });
      fromFetch.push(selection);
    }
  }
  if (new Set(parts.map((part) => part.key)).size !== parts.length || extrasUsed.size !== lookupExtras.size) return undefined;
  const fetchOrder = orderOf(fetched, { ...client, selections: fromFetch });
  if (fetchOrder === 'differs') return undefined;
  if (!fetchOrder) return { parts, order: undefined };
  const order = keyOrderOf(client);
  return order ? { parts, order } : undefined;
}

/** The plan's only fetch, when it is a query from the root selecting exactly the client's root selection (`__typename` anywhere). */
function rootFetchOf(fetch: FetchNode, client: SelectionSetNode, schema: GraphQLSchema): { fetch: PreparedFetch; order: KeyOrder | undefined } | string {
  if (fetch.requires || hasRewrites(fetch) || fetch.hasDefers) return 'plan is one fetch that is not from the root';
  const document = fetch.operationDocumentNode ?? parse(fetch.operation, { noLocation: true });
  const [definition, ...others] = document.definitions;
  if (!definition || definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'query' || !others.every(isFragmentDefinition))
    return 'plan is one fetch that is not a query';
  // The planner may spread fragments of its own (or the client's) in the fetch: compared with them in place.
  const fetched = others.length > 0 || hasInlineFragments(document) ? inlinedSelection(document, definition, schema) : definition.selectionSet;
  if (!fetched) return 'root fetch selects other than the client';
  const order = orderOf(fetched, client);
  if (order === 'differs') return 'root fetch selects other than the client';
  return { fetch: preparedFetchOf(fetch, document), order };
}

/**
 * How the fetch's answer is put in the client's order: undefined when the fetch selects exactly
 * the client's selection (its answer is in order as it comes); the client's key order when the
 * only difference is where `__typename` stands (the planner puts it first in every selection
 * set) and the client selects only fields; `differs` otherwise.
 */
function orderOf(fetched: SelectionSetNode, client: SelectionSetNode): KeyOrder | undefined | 'differs' {
  if (print(fetched) === print(client)) return undefined;
  if (print(typenameFirst(fetched)) !== print(typenameFirst(client))) return 'differs';
  return keyOrderOf(client) ?? 'differs';
}

/** The selection set with every plain `__typename` moved first, in every nested selection set. */
function typenameFirst(selectionSet: SelectionSetNode): SelectionSetNode {
  const isTypename = (selection: SelectionNode) =>
    selection.kind === Kind.FIELD && selection.name.value === '__typename' && !selection.alias && (selection.directives?.length ?? 0) === 0;
  const nested = selectionSet.selections.map((selection): SelectionNode => {
    if (selection.kind === Kind.FRAGMENT_SPREAD || !selection.selectionSet) return selection;
    return { ...selection, selectionSet: typenameFirst(selection.selectionSet) };
  });
  return { ...selectionSet, selections: [...nested.filter(isTypename), ...nested.filter((selection) => !isTypename(selection))] };
}

/** The client's key order, when every selection set in it holds fields only (a fragment's keys depend on the type answered). */
function keyOrderOf(selectionSet: SelectionSetNode): KeyOrder | undefined {
  const keys: string[] = [];
  const nested = new Map<string, KeyOrder>();
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return undefined;
    const key = (selection.alias ?? selection.name).value;
    keys.push(key);
    if (selection.selectionSet) {
      const order = keyOrderOf(selection.selectionSet);
      if (!order) return undefined;
      nested.set(key, order);
    }
  }
  return { keys, nested };
}

/**
 * `value` (a fetch's answer for a selection set) with its objects' fields in the client's order;
 * undefined when a field of the order is missing (the answer is not what the fetch asked).
 */
export function inClientOrder(value: unknown, order: KeyOrder): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value) {
      const ordered = inClientOrder(item, order);
      if (ordered === undefined) return undefined;
      items.push(ordered);
    }
    return items;
  }
  if (typeof value !== 'object') return undefined;
  const source = value as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  for (const key of order.keys) {
    const field = source[key];
    if (field === undefined) return undefined;
    const nested = order.nested.get(key);
    const orderedField = nested ? inClientOrder(field, nested) : field;
    if (orderedField === undefined) return undefined;
    ordered[key] = orderedField;
  }
  return ordered;
}

/** A plan's fetch as a prepared read sends it: its operation (parsed), and the client's variables it passes on. */
function preparedFetchOf(fetch: FetchNode, document: DocumentNode): PreparedFetch {
  return {
    serviceName: fetch.serviceName,
    operation: fetch.operation,
    operationName: fetch.operationName,
    document,
    variableUsages: fetch.variableUsages ?? [],
  };
}

function isFragmentDefinition(definition: DocumentNode['definitions'][number]): definition is FragmentDefinitionNode {
  return definition.kind === Kind.FRAGMENT_DEFINITION;
}

/**
 * The operation's selection set with every named fragment's fields in place of its spread, and
 * every inline fragment's on the type it is in (or with no type condition) in place of it, as
 * graphql-js collects them; undefined when a spread's type condition is not the type it is spread
 * in (its fields would apply only to some objects), or a field is not in `schema`. An inline
 * fragment on another type is kept, its selection inlined.
 */
function inlinedSelection(document: DocumentNode, operation: OperationDefinitionNode, schema: GraphQLSchema): SelectionSetNode | undefined {
  const fragments = new Map(document.definitions.filter(isFragmentDefinition).map((fragment) => [fragment.name.value, fragment]));
  const root = schema.getRootType(operation.operation);
  return root ? inlinedSet(operation.selectionSet, root, fragments, schema) : undefined;
}

function inlinedSet(
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  schema: GraphQLSchema,
): SelectionSetNode | undefined {
  const selections: SelectionNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || fragment.typeCondition.name.value !== parentType.name) return undefined;
      const inlined = inlinedSet(fragment.selectionSet, parentType, fragments, schema);
      if (!inlined) return undefined;
      selections.push(...inlined.selections);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
      const inlined = type && inlinedSet(selection.selectionSet, type, fragments, schema);
      if (!inlined) return undefined;
      if (type === parentType && (selection.directives?.length ?? 0) === 0) selections.push(...inlined.selections);
      else selections.push({ ...selection, selectionSet: inlined });
    } else if (!selection.selectionSet) {
      selections.push(selection);
    } else {
      const field = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[selection.name.value] : undefined;
      const inlined = field && inlinedSet(selection.selectionSet, getNamedType(field.type), fragments, schema);
      if (!inlined) return undefined;
      selections.push({ ...selection, selectionSet: inlined });
    }
  }
  return { ...selectionSet, selections };
}

function hasInlineFragments(document: DocumentNode): boolean {
  return holds(document, Kind.INLINE_FRAGMENT);
}

function hasDirectives(document: DocumentNode): boolean {
  return holds(document, Kind.DIRECTIVE);
}

/** Whether any node of the document is of `kind`. */
function holds(document: DocumentNode, kind: Kind.INLINE_FRAGMENT | Kind.DIRECTIVE): boolean {
  let found = false;
  visit(document, {
    [kind]() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

function onlyPlainField(selectionSet: SelectionSetNode): FieldNode | undefined {
  const [only, ...rest] = selectionSet.selections;
  if (!only || rest.length > 0 || only.kind !== Kind.FIELD || only.alias || (only.directives?.length ?? 0) > 0) return undefined;
  return only;
}

function samePath(path: readonly (string | number)[], expected: readonly string[]): boolean {
  return path.length === expected.length && path.every((part, i) => part === expected[i]);
}

function lookupOf(fetch: FetchNode, subgraph: string, rootName: string): PreparedFetch | string {
  if (fetch.serviceName !== subgraph || fetch.requires || hasRewrites(fetch)) return 'first fetch is not a directory lookup';
  const document = fetch.operationDocumentNode ?? parse(fetch.operation, { noLocation: true });
  // A lookup by ids, or the whole list (`zones` without arguments): its keys, and the directory fields the client asked (`lookupExtrasOf`).
  if (directoryFetchKind(document, 'any') === undefined) return 'first fetch is not a directory lookup';
  const definition = document.definitions[0] as OperationDefinitionNode;
  if (onlyPlainField(definition.selectionSet)?.name.value !== rootName) return 'directory lookup asks other than the root field';
  return preparedFetchOf(fetch, document);
}

/**
 * The lookup's fields besides `__typename` and the key fields, by response key, each printed: the
 * directory fields the client asked next to the zone's own. The planner selects the key fields
 * first, or where a client's named fragment puts them. An empty map for a key-only lookup;
 * undefined when the lookup selects anything else (a fragment, a directive, a key field twice or
 * not at all).
 */
function lookupExtrasOf(document: DocumentNode, keyFields: readonly string[]): Map<string, string> | undefined {
  const definition = document.definitions[0] as OperationDefinitionNode;
  const root = onlyPlainField(definition.selectionSet);
  const extras = new Map<string, string>();
  const keysSelected = new Set<string>();
  if (!root?.selectionSet) return undefined;
  for (const selection of root.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || (selection.directives?.length ?? 0) > 0) return undefined;
    const key = (selection.alias ?? selection.name).value;
    if (keyFields.includes(key)) {
      const plain = !selection.alias && !selection.selectionSet && (selection.arguments?.length ?? 0) === 0;
      if (!plain || keysSelected.has(key)) return undefined;
      keysSelected.add(key);
      continue;
    }
    if (extras.has(key)) return undefined;
    extras.set(key, print(selection));
  }
  return keysSelected.size === keyFields.length ? extras : undefined;
}

function entityFetchOf(fetch: FetchNode, subgraph: string): PreparedFetch | string {
  if (fetch.serviceName !== subgraph || hasRewrites(fetch) || fetch.hasDefers) return 'second fetch is not a plain entity fetch';
  return preparedFetchOf(fetch, fetch.operationDocumentNode ?? parse(fetch.operation, { noLocation: true }));
}

function hasRewrites(fetch: FetchNode): boolean {
  return (fetch.inputRewrites?.length ?? 0) > 0 || (fetch.outputRewrites?.length ?? 0) > 0 || (fetch.contextRewrites?.length ?? 0) > 0;
}

/** `... on Zone { __typename id }`: the typename and the fields a representation carries, in order. */
function keyFieldsOf(fetch: FetchNode): { typename: string; fields: string[] } | undefined {
  const [fragment, ...rest] = fetch.requires ?? [];
  if (!fragment || rest.length > 0 || fragment.kind !== 'InlineFragment' || !fragment.typeCondition) return undefined;
  const fields: string[] = [];
  for (const selection of fragment.selections) {
    if (selection.kind !== 'Field' || selection.alias || selection.selections) return undefined;
    fields.push(selection.name);
  }
  return fields[0] === '__typename' && fields.length > 1 ? { typename: fragment.typeCondition, fields } : undefined;
}

/** The selection under `_entities(representations: $representations) { ... on <typename> { … } }`, and nothing else. */
function entitySelectionOf(document: DocumentNode, typename: string): SelectionSetNode | undefined {
  const [definition, ...others] = document.definitions;
  if (!definition || others.length > 0 || definition.kind !== Kind.OPERATION_DEFINITION) return undefined;
  const field = onlyPlainField(definition.selectionSet);
  if (field?.name.value !== '_entities' || !field.selectionSet) return undefined;
  const [fragment, ...rest] = field.selectionSet.selections;
  if (!fragment || rest.length > 0 || fragment.kind !== Kind.INLINE_FRAGMENT || fragment.typeCondition?.name.value !== typename) return undefined;
  return (fragment.directives?.length ?? 0) > 0 ? undefined : fragment.selectionSet;
}
