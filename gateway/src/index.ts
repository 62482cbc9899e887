export { startGateway, type StartGatewayOptions, type RunningGateway } from './main';
export {
  createGateway,
  type CreateGatewayOptions,
  type CreateGatewayBaseOptions,
  type CreatedGateway,
  type SupergraphSource,
  type ZoneServicesOption,
} from './createGateway';
export {
  loadGatewayConfig,
  DEFAULT_GATEWAY_STATE_FILE,
  type GatewayConfig,
  type StaticGatewayConfig,
  type RegistryGatewayConfig,
  type RegistrySourceConfig,
} from './config';
export { ShardedZonesDataSource, type ShardedZonesDataSourceOptions, type ServiceCheck } from './datasources/ShardedZonesDataSource';
export {
  FederatedComposer,
  SupergraphCompositionError,
  type FederatedComposerOptions,
  type RefreshOptions,
  type RefreshResult,
  type CompositionProblem,
  type SubgraphEndpoint,
} from './supergraphManagers/FederatedComposer';
export {
  RegistrySupergraphManager,
  NoSupergraphError,
  StateFileError,
  registrySourceOf,
  type RegistrySource,
  type RegistryRefreshResult,
  type ServedRegistryState,
} from './registry';
export { graphiqlRouter, type GraphiqlRouterOptions } from './graphiql/graphiqlRouter';
export { GRAPHIQL_EXAMPLE_QUERY } from './graphiql/renderGraphiqlPage';
export { healthRouter, type HealthRouterOptions } from './http/healthRouter';
export { consoleLogger, silentLogger, type GatewayLogger } from './logger';
export { PROVINCE_SUBGRAPH, ZONES_SUBGRAPH, ZONES_SUBGRAPH_URL } from './subgraphNames';
export * from './auth';
export { registryApiRouter, REGISTRY_API_PATH, type RegistryApiOptions } from './registryApi/registryApiRouter';
export { runZoneCli, zoneCliEnvironment, ZONE_CLI_USAGE, type ZoneCliEnvironment, type ZoneCliIo } from './registryApi/cli/zoneCli';
export { loadResilienceConfig } from './resilienceConfig';
