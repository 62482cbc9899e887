import { getNullableType, GraphQLError, isLeafType, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { checkInputValue, checkString, MAX_ID_LENGTH } from './inputLimits';
import { databaseFailureError } from './serviceFailure';

export interface GuardSchemaOptions {
  /** The service's registry name (`anhui`, `province`), named in ZONE_UNAVAILABLE. */
  readonly service: string;
  /** The zone an entity id belongs to (zone services); failures of that entity's fields name it. */
  readonly zoneIdOf?: (id: string) => string;
}

const guarded = new WeakSet<GraphQLSchema>();

/** Where @apollo/subgraph keeps an entity type's `__resolveReference`. */
type GraphQLReferenceResolver = (reference: object, context: unknown, info: GraphQLResolveInfo) => unknown;
interface SubgraphTypeExtensions {
  apollo?: { subgraph?: { resolveReference?: GraphQLReferenceResolver } };
}

/**
 * Wraps a subgraph schema's resolvers, once per schema, so that
 * - every String and ID argument (through lists and input objects) and every entity
 *   representation's `id` is checked before its resolver runs, hence before any SQL:
 *   no NUL byte, bounded length (BAD_USER_INPUT naming the argument);
 * - a database failure leaves as BAD_USER_INPUT (a value PostgreSQL refused) or
 *   ZONE_UNAVAILABLE naming the zone and service, never with the driver's message.
 * Other errors pass unchanged.
 * A field without arguments whose type is a single scalar or enum (not a list) of a
 * type other than Query, Mutation or Subscription is left as it is: type-graphql gives
 * every field a resolver, and wrapping each scalar of each row costs a closure and a
 * try/catch for nothing, as these read what their parent already loaded (database
 * reads happen in object and list fields, such as `zoneIds: [String]` on province).
 */
export function guardSchema(schema: GraphQLSchema, options: GuardSchemaOptions): GraphQLSchema {
  if (guarded.has(schema)) return schema;
  guarded.add(schema);
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0 && (!field.resolve || (!roots.has(type) && isLeafType(getNullableType(field.type))))) continue;
      field.resolve = guardResolver(field.resolve, field.args, options);
    }
    const subgraph = (type.extensions as SubgraphTypeExtensions).apollo?.subgraph;
    if (subgraph?.resolveReference) subgraph.resolveReference = guardReference(subgraph.resolveReference, options);
  }
  return schema;
}

type Resolver = GraphQLFieldResolver<unknown, unknown>;
type Argument = { readonly name: string; readonly type: Parameters<typeof checkInputValue>[2] };

function guardResolver(resolve: Resolver | undefined, args: readonly Argument[], options: GuardSchemaOptions): Resolver {
  const run = resolve ?? defaultResolve;
  return (source, values: Record<string, unknown>, context, info) => {
    for (const arg of args) {
      const problem = checkInputValue(arg.name, values[arg.name], arg.type);
      if (problem) throw problem;
    }
    // The site is built only when something failed: this runs for every field of every row.
    const mapped = (error: unknown) => mapFailure(error, { service: options.service, zoneId: zoneOfSource(source, options), field: info.fieldName });
    return withFailuresMapped(() => run(source, values, context, info), mapped);
  };
}

function guardReference(resolve: GraphQLReferenceResolver, options: GuardSchemaOptions): GraphQLReferenceResolver {
  return (reference, context, info) => {
    const id = (reference as { id?: unknown }).id;
    if (typeof id === 'string') {
      const problem = checkString('id', id, MAX_ID_LENGTH);
      if (problem) throw problem;
    }
    const zoneId = () => (typeof id === 'string' && options.zoneIdOf ? options.zoneIdOf(id) : undefined);
    return withFailuresMapped(
      () => resolve(reference, context, info),
      (error) => mapFailure(error, { service: options.service, zoneId: zoneId(), field: 'id' }),
    );
  };
}

/** A database failure as the error users see; other errors (ours, GraphQL's) unchanged. */
function mapFailure(error: unknown, site: Parameters<typeof databaseFailureError>[1]): unknown {
  return error instanceof GraphQLError && !error.originalError ? error : (databaseFailureError(error, site) ?? error);
}

/** Runs a resolver, mapping a failure it throws or rejects with. */
function withFailuresMapped(run: () => unknown, mapped: (error: unknown) => unknown): unknown {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    throw mapped(error);
  }
  return isPromiseLike(result)
    ? result.then(undefined, (error: unknown) => {
        throw mapped(error);
      })
    : result;
}

function zoneOfSource(source: unknown, { zoneIdOf }: GuardSchemaOptions): string | undefined {
  const id = typeof source === 'object' && source !== null ? (source as { id?: unknown }).id : undefined;
  return zoneIdOf && typeof id === 'string' ? zoneIdOf(id) : undefined;
}

const defaultResolve: Resolver = (source, _args, _context, info) =>
  typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[info.fieldName] : undefined;

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
