export { startGateway, type StartGatewayOptions, type RunningGateway } from './main';
export { createGateway, type CreateGatewayOptions, type CreatedGateway } from './createGateway';
export { loadGatewayConfig, type GatewayConfig } from './config';
export { ShardedZonesDataSource, type ShardedZonesDataSourceOptions } from './datasources/ShardedZonesDataSource';
export { planShards, zoneOfRepresentation, type ShardPlan, type ShardPart, type ShardService, type UnroutedZone } from './datasources/shardPlan';
export { reassembleEntities, renumberErrorPath, type ReassembledEntities } from './datasources/reassembleEntities';
export { readEntitiesAnswer, type PartOutcome } from './datasources/readEntitiesAnswer';
export { withDeadline, DeadlineExceededError } from './datasources/deadline';
export {
  FederatedComposer,
  SupergraphCompositionError,
  type FederatedComposerOptions,
  type RefreshOptions,
  type RefreshResult,
  type CompositionProblem,
  type SubgraphEndpoint,
} from './supergraphManagers/FederatedComposer';
export { graphiqlRouter, type GraphiqlRouterOptions } from './graphiql/graphiqlRouter';
export { GRAPHIQL_EXAMPLE_QUERY } from './graphiql/renderGraphiqlPage';
export { healthRouter, type HealthRouterOptions } from './http/healthRouter';
export { consoleLogger, silentLogger, type GatewayLogger } from './logger';
export { PROVINCE_SUBGRAPH, ZONES_SUBGRAPH, ZONES_SUBGRAPH_URL } from './subgraphNames';
export * from './auth';
