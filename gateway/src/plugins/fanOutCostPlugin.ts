import type { ApolloServerPlugin } from '@apollo/server';
import { estimateCost, type SubgraphsOf } from './estimateCost';
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
  return ({ schema, document, operationName, variables }) => {
    const estimate = estimateCost({
      schema,
      document,
      operationName,
      variables,
      subgraphsOf: subgraphsOf(),
      fanOut: { subgraph: fanOutSubgraph, services: services() },
      defaultListSize,
      pageSizeArguments,
      fetchCost,
    });
    if (estimate.total > maxCost) throw limitExceeded('cost', maxCost, estimate.total, { fields: estimate.fields, subgraphFetches: estimate.subgraphFetches });
  };
}
