import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { limitExceeded, type LimitName } from './limitExceeded';

export interface ArmorLimitsOptions {
  /**
   * Deepest field nesting, fragments flattened (`{ zones { id } }` is 2).
   * @default 12
   */
  readonly maxDepth?: number;
  /**
   * Most aliases in one operation (`__typename` aliases aside).
   * @default 30
   */
  readonly maxAliases?: number;
  /**
   * Most directives in one operation.
   * @default 20
   */
  readonly maxDirectives?: number;
}

/**
 * Depth, aliases and directives, counted by graphql-armor's rules and answered as
 * LIMIT_EXCEEDED with the limit, its value and the count (armor reports only a
 * message). Runs once the operation is resolved, so the codes are ours rather than
 * GRAPHQL_VALIDATION_FAILED.
 */
export function armorLimitsPlugin({ maxDepth = 12, maxAliases = 30, maxDirectives = 20 }: ArmorLimitsOptions = {}): ApolloServerPlugin {
  const reportAs =
    (limit: LimitName, max: number) =>
    (context: ValidationContext | null, error: GraphQLError): void => {
      context?.reportError(limitExceeded(limit, max, countIn(error.message) ?? max + 1));
    };
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: [reportAs('depth', maxDepth)] },
    maxAliases: { n: maxAliases, propagateOnRejection: false, onReject: [reportAs('aliases', maxAliases)] },
    maxDirectives: { n: maxDirectives, propagateOnRejection: false, onReject: [reportAs('directives', maxDirectives)] },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const rules: readonly ValidationRule[] = validationRules;
  // The counts depend on the document alone, and Apollo Server hands a repeated operation the
  // same parsed document (its document store): each document is counted once per schema.
  const verdicts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, GraphQLError | null>>();
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ schema, document }) => {
        let bySchema = verdicts.get(schema);
        if (!bySchema) {
          bySchema = new WeakMap();
          verdicts.set(schema, bySchema);
        }
        let refusal = bySchema.get(document);
        if (refusal === undefined) {
          refusal = validate(schema, document, rules)[0] ?? null;
          bySchema.set(document, refusal);
        }
        // A fresh error per request: the answer's formatting must not reach a shared one.
        if (refusal) throw new GraphQLError(refusal.message, { nodes: refusal.nodes, extensions: { ...refusal.extensions } });
      },
    }),
  };
}

/** Armor's messages end with "found <n>." */
function countIn(message: string): number | undefined {
  const match = /found (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}
