import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, TypeInfo, valueFromASTUntyped, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { limitExceeded } from './limitExceeded';

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
export function listSizeLimitPlugin({ maxListSize = 500, pageSizeArguments = ['first', 'limit'] }: ListSizeLimitOptions = {}): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ schema, document, request }) => {
        const largest = largestPageSize(schema, document, request.variables ?? {}, pageSizeArguments);
        if (largest && largest.size > maxListSize)
          throw limitExceeded('listSize', maxListSize, largest.size, { field: largest.field, argument: largest.argument });
      },
    }),
  };
}

export interface PageSizeRequest {
  /** `Type.field` */
  readonly field: string;
  readonly argument: string;
  readonly size: number;
}

/** The largest page size the document asks for, with where. */
export function largestPageSize(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
  pageSizeArguments: readonly string[],
): PageSizeRequest | undefined {
  const typeInfo = new TypeInfo(schema);
  let largest: PageSizeRequest | undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (!pageSizeArguments.includes(node.name.value)) return;
        const value: unknown = valueFromASTUntyped(node.value, variables);
        if (typeof value !== 'number' || (largest && value <= largest.size)) return;
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        largest = { field: `${getNamedType(parent).name}.${field.name}`, argument: node.name.value, size: value };
      },
    }),
  );
  return largest;
}
