export * from './envRules';
export * from './runFromEnvironment';
export * from './serviceDatabase';
export * from './terminationSignals';
