import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, TypeInfo, valueFromASTUntyped, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type ValueNode } from 'graphql';
import { limitExceeded } from './limitExceeded';
import { operationCheckPlugin, type OperationCheck } from './operationCheck';

export interface ListSizeLimitOptions {
  /**
   * Largest page size a page-size argument may ask for.
   * @default 500
   */
  readonly maxListSize?: number;
  /**
   * The arguments that ask for a number of items.
   * @default ['first', 'limit']
   */
  readonly pageSizeArguments?: readonly string[];
}

/** Refuses a page-size argument (`first: 100000`, literal or variable) above the maximum (`LIMIT_EXCEEDED`, limit `listSize`). */
export function listSizeLimitPlugin(options: ListSizeLimitOptions = {}): ApolloServerPlugin {
  return operationCheckPlugin(listSizeCheck(options));
}

/** The check of `listSizeLimitPlugin`: throws `LIMIT_EXCEEDED` (limit `listSize`) for a page size above the maximum. */
export function listSizeCheck({ maxListSize = 500, pageSizeArguments = ['first', 'limit'] }: ListSizeLimitOptions = {}): OperationCheck {
  // Where a document asks for page sizes, found once per parsed document (Apollo Server hands the same
  // DocumentNode for the same query text) and schema; only the variables differ per request.
  const sitesBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly PageSizeSite[]>>();
  const sitesOf = (schema: GraphQLSchema, document: DocumentNode): readonly PageSizeSite[] => {
    let bySchema = sitesBySchema.get(schema);
    if (!bySchema) sitesBySchema.set(schema, (bySchema = new WeakMap()));
    let sites = bySchema.get(document);
    if (!sites) bySchema.set(document, (sites = pageSizeSites(schema, document, pageSizeArguments)));
    return sites;
  };
  return ({ schema, document, variables }) => {
    const largest = largestOf(sitesOf(schema, document), variables);
    if (largest && largest.size > maxListSize) throw limitExceeded('listSize', maxListSize, largest.size, { field: largest.field, argument: largest.argument });
  };
}

export interface PageSizeRequest {
  /** `Type.field` */
  readonly field: string;
  readonly argument: string;
  readonly size: number;
}

/** A page-size argument in a document: on which field, and its value (a literal or a variable). */
export interface PageSizeSite {
  /** `Type.field` */
  readonly field: string;
  readonly argument: string;
  readonly value: ValueNode;
}

/** Every page-size argument of the document on a field the schema knows, in document order. */
export function pageSizeSites(schema: GraphQLSchema, document: DocumentNode, pageSizeArguments: readonly string[]): PageSizeSite[] {
  const typeInfo = new TypeInfo(schema);
  const sites: PageSizeSite[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (!pageSizeArguments.includes(node.name.value)) return;
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        sites.push({ field: `${getNamedType(parent).name}.${field.name}`, argument: node.name.value, value: node.value });
      },
    }),
  );
  return sites;
}

/** The largest page size the sites ask for with these variables (the first of equals), with where. */
export function largestOf(sites: readonly PageSizeSite[], variables: Readonly<Record<string, unknown>>): PageSizeRequest | undefined {
  let largest: PageSizeRequest | undefined;
  for (const site of sites) {
    const value: unknown = valueFromASTUntyped(site.value, variables);
    if (typeof value !== 'number' || (largest && value <= largest.size)) continue;
    largest = { field: site.field, argument: site.argument, size: value };
  }
  return largest;
}
