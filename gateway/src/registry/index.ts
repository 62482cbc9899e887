export * from './types';
export { RegistrySupergraphManager, NoSupergraphError, type RegistrySupergraphManagerOptions, type RegistryRefreshResult } from './RegistrySupergraphManager';
export { RegistryWatcher, type RegistryWatcherOptions } from './RegistryWatcher';
export { RegistryHealthChecker, type RegistryHealthCheckerOptions } from './RegistryHealthChecker';
export { classifyServiceHealth, type ClassifiedHealth } from './classifyServiceHealth';
export { readStateFile, writeStateFile, StateFileError } from './stateFile';
export { registrySourceOf } from './registrySourceOf';
