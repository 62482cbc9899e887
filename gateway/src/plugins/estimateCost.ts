import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** Which subgraphs can resolve `Type.field` (empty when the supergraph does not say, e.g. `__typename`). */
export type SubgraphsOf = (typeName: string, fieldName: string) => readonly string[];

export interface EstimateCostInput {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  /** The operation to estimate: the named one, else the only one. */
  readonly operationName?: string | null;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly subgraphsOf: SubgraphsOf;
  /** The subgraph served by many services (`zones`) and how many services it has now. */
  readonly fanOut: { readonly subgraph: string; readonly services: number };
  /** Items assumed for a list field without a page-size argument (nor one on its parent). */
  readonly defaultListSize: number;
  /** Arguments that say how many items a list (or the page holding it) returns. */
  readonly pageSizeArguments: readonly string[];
  /** What one request to one subgraph service costs, in fields. */
  readonly fetchCost: number;
}

export interface CostEstimate {
  /** `fields + fetchCost × subgraphFetches`: what the cost limit is compared with. */
  readonly total: number;
  /** Fields resolved, each counted once per item it is expected for. */
  readonly fields: number;
  /** Requests to subgraph services the gateway is expected to send. */
  readonly subgraphFetches: number;
}

interface Cost {
  readonly fields: number;
  readonly fetches: number;
}

const NO_COST: Cost = { fields: 0, fetches: 0 };
const add = (a: Cost, b: Cost): Cost => ({ fields: a.fields + b.fields, fetches: a.fetches + b.fetches });

/**
 * Estimates what an operation costs before it runs, as an upper bound, from two counts:
 * - **fields**: each field costs 1 (`__typename` nothing), and a list field multiplies
 *   what it selects by its page size: its own page-size argument (`first`), else the
 *   one of the page object holding it (`enterprises(first: 500) { items { ... } }`),
 *   else `defaultListSize`;
 * - **subgraph fetches**: a field only the fan-out subgraph resolves, reached from
 *   another subgraph, is one request to every service of that subgraph (the gateway
 *   asks each zone service). The planner batches the items of one path into one
 *   fetch per service, so fetches are counted per path (per alias), not per item.
 *
 * `total = fields + fetchCost × fetches`: 300 aliases of `zones { indicators }` cost
 * 300 × the services fetches, nested `enterprises(first: 500)` multiply the fields
 * by 500 per level. An operation that cannot be found costs 0 (refused elsewhere).
 */
export function estimateCost(input: EstimateCostInput): CostEstimate {
  const operation = findOperation(input.document, input.operationName);
  const rootType = operation ? rootTypeOf(input.schema, operation) : undefined;
  if (!operation || !rootType) return { total: 0, fields: 0, subgraphFetches: 0 };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of input.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const cost = new CostEstimator(input, fragments).selectionSet(operation.selectionSet, rootType, null, undefined, new Set());
  return { total: cost.fields + input.fetchCost * cost.fetches, fields: cost.fields, subgraphFetches: cost.fetches };
}

function findOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

function rootTypeOf(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLCompositeType | undefined {
  if (operation.operation === 'query') return schema.getQueryType() ?? undefined;
  if (operation.operation === 'mutation') return schema.getMutationType() ?? undefined;
  return schema.getSubscriptionType() ?? undefined;
}

class CostEstimator {
  constructor(
    private readonly input: EstimateCostInput,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {}

  /**
   * The cost of a selection set on `parentType`, resolved so far by `subgraph`
   * (null at the root); `inheritedPageSize` is the page size of the page object
   * whose fields these are. The fields of one selection set that cross into the
   * fan-out subgraph travel in one fetch per service, however many they are.
   */
  selectionSet(
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType,
    subgraph: string | null,
    inheritedPageSize: number | undefined,
    spreading: ReadonlySet<string>,
  ): Cost {
    const { cost, crosses } = this.selections(selectionSet, parentType, subgraph, inheritedPageSize, spreading);
    return crosses ? add(cost, { fields: 0, fetches: this.input.fanOut.services }) : cost;
  }

  /** `spreading` guards against fragment cycles; fragments are part of the selection set that spreads them. */
  private selections(
    selectionSet: SelectionSetNode,
    parentType: GraphQLCompositeType,
    subgraph: string | null,
    inheritedPageSize: number | undefined,
    spreading: ReadonlySet<string>,
  ): { cost: Cost; crosses: boolean } {
    let cost = NO_COST;
    let crosses = false;
    const include = (part: { cost: Cost; crosses: boolean }) => {
      cost = add(cost, part.cost);
      crosses ||= part.crosses;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        include(this.field(selection, parentType, subgraph, inheritedPageSize, spreading));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? this.input.schema.getType(typeName) : parentType;
        if (type && isCompositeType(type)) include(this.selections(selection.selectionSet, type, subgraph, inheritedPageSize, spreading));
      } else {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        if (!fragment || spreading.has(name)) continue;
        const type = this.input.schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type)) include(this.selections(fragment.selectionSet, type, subgraph, inheritedPageSize, new Set([...spreading, name])));
      }
    }
    return { cost, crosses };
  }

  private field(
    node: FieldNode,
    parentType: GraphQLCompositeType,
    subgraph: string | null,
    inheritedPageSize: number | undefined,
    spreading: ReadonlySet<string>,
  ): { cost: Cost; crosses: boolean } {
    const definition = fieldDefinition(parentType, node.name.value);
    if (!definition) return { cost: NO_COST, crosses: false };
    const { subgraph: resolvedBy, fansOut } = this.resolution(parentType.name, node.name.value, subgraph);
    const pageSize = this.pageSizeOf(node, definition);
    const isList = isListType(getNullableType(definition.type));
    const items = isList ? (pageSize ?? inheritedPageSize ?? this.input.defaultListSize) : 1;
    const namedType = getNamedType(definition.type);
    const children =
      node.selectionSet && isCompositeType(namedType)
        ? this.selectionSet(node.selectionSet, namedType, resolvedBy, isList ? undefined : pageSize, spreading)
        : NO_COST;
    return { cost: { fields: 1 + items * children.fields, fetches: children.fetches }, crosses: fansOut };
  }

  /** Which subgraph resolves the field, and whether reaching it asks every service of the fan-out subgraph. */
  private resolution(typeName: string, fieldName: string, current: string | null): { subgraph: string | null; fansOut: boolean } {
    const candidates = this.input.subgraphsOf(typeName, fieldName);
    if (candidates.length === 0 || (current !== null && candidates.includes(current))) return { subgraph: current, fansOut: false };
    const fanOutSubgraph = this.input.fanOut.subgraph;
    const next = candidates.find((candidate) => candidate !== fanOutSubgraph) ?? fanOutSubgraph;
    return { subgraph: next, fansOut: next === fanOutSubgraph };
  }

  /** The largest page-size argument of the field (given as a literal or variable, else its schema default), if any. */
  private pageSizeOf(node: FieldNode, definition: GraphQLField<unknown, unknown>): number | undefined {
    let size: number | undefined;
    for (const name of this.input.pageSizeArguments) {
      const argument = node.arguments?.find((given) => given.name.value === name);
      const value: unknown = argument
        ? valueFromASTUntyped(argument.value, this.input.variables as Record<string, unknown> | undefined)
        : definition.args.find((declared) => declared.name === name)?.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, value);
    }
    return size;
  }
}

function fieldDefinition(parentType: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(parentType) || isInterfaceType(parentType)) return parentType.getFields()[name];
  return undefined;
}
