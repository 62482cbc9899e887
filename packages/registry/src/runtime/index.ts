export * from './types';
export * from './migrations';
export * from './subgraphNames';
export * from './supergraphHash';
export * from './registrationSchema';
export * from './contract';
export * from './composeZonesSupergraph';
export * from './pgRegistryReader';
