import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { estimateCost, type CostEstimate, type SubgraphsOf } from './estimateCost';
import { limitExceeded } from './limitExceeded';
import { operationCheckPlugin, type OperationCheck } from './operationCheck';

export interface FanOutCostOptions {
  /** Which subgraphs resolve each field of the current supergraph (see `subgraphOwnership`). */
  readonly subgraphsOf: () => SubgraphsOf;
  /** How many services the fan-out subgraph has now (the registry's zone services). */
  readonly services: () => number;
  /**
   * Largest estimated cost an operation may have (see `estimateCost`).
   * @default 50000
   */
  readonly maxCost?: number;
  /**
   * Items assumed for a list without a page-size argument.
   * @default 10
   */
  readonly defaultListSize?: number;
  /**
   * What one request to one subgraph service costs, in fields.
   * @default 100
   */
  readonly fetchCost?: number;
  /**
   * The subgraph served by many services.
   * @default 'zones'
   */
  readonly fanOutSubgraph?: string;
  /** @default ['first', 'limit'] */
  readonly pageSizeArguments?: readonly string[];
}

/** Refuses an operation whose estimated cost, fan-out to every zone service included, is above the maximum (`LIMIT_EXCEEDED`, limit `cost`). */
export function fanOutCostPlugin(options: FanOutCostOptions): ApolloServerPlugin {
  return operationCheckPlugin(fanOutCostCheck(options));
}

/** The check of `fanOutCostPlugin`: throws `LIMIT_EXCEEDED` (limit `cost`) for an estimate above the maximum. */
export function fanOutCostCheck({
  subgraphsOf,
  services,
  maxCost = 50_000,
  defaultListSize = 10,
  fetchCost = 100,
  fanOutSubgraph = 'zones',
  pageSizeArguments = ['first', 'limit'],
}: FanOutCostOptions): OperationCheck {
  const literalPageSizes = new WeakMap<DocumentNode, boolean>();
  // The last estimate of each document whose page sizes are literal: it holds while nothing it read changes.
  const kept = new WeakMap<DocumentNode, KeptEstimate>();
  return ({ schema, document, operationName, variables }) => {
    const subgraphs = subgraphsOf();
    const fanOut = { subgraph: fanOutSubgraph, services: services() };
    let literal = literalPageSizes.get(document);
    if (literal === undefined) literalPageSizes.set(document, (literal = pageSizesAreLiteral(document, pageSizeArguments)));
    const last = literal ? kept.get(document) : undefined;
    let estimate: CostEstimate;
    if (last && last.schema === schema && last.operationName === operationName && last.subgraphs === subgraphs && last.services === fanOut.services) {
      estimate = last.estimate;
    } else {
      estimate = estimateCost({ schema, document, operationName, variables, subgraphsOf: subgraphs, fanOut, defaultListSize, pageSizeArguments, fetchCost });
      if (literal) kept.set(document, { schema, operationName, subgraphs, services: fanOut.services, estimate });
    }
    if (estimate.total > maxCost) throw limitExceeded('cost', maxCost, estimate.total, { fields: estimate.fields, subgraphFetches: estimate.subgraphFetches });
  };
}

interface KeptEstimate {
  readonly schema: GraphQLSchema;
  readonly operationName: string | null | undefined;
  readonly subgraphs: SubgraphsOf;
  readonly services: number;
  readonly estimate: CostEstimate;
}

/** Whether no page-size argument of the document takes a variable: its estimate is then the same for every request. */
function pageSizesAreLiteral(document: DocumentNode, pageSizeArguments: readonly string[]): boolean {
  let literal = true;
  visit(document, {
    Argument(node) {
      if (!pageSizeArguments.includes(node.name.value)) return false;
      let usesVariable = false;
      visit(node.value, {
        Variable() {
          usesVariable = true;
          return BREAK;
        },
      });
      if (!usesVariable) return false;
      literal = false;
      return BREAK;
    },
  });
  return literal;
}
