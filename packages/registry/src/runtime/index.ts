export * from './types';
export * from './migrations';
export * from './pgRegistryReader';
