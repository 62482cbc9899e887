export * from './databaseFailure';
export * from './guardSchema';
export * from './inputLimits';
export * from './serviceFailure';
export * from './subgraphFormatError';
