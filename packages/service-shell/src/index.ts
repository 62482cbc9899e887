export * from './envRules';
export * from './expressMessageClasses';
export * from './nodeFlags';
export * from './runFromEnvironment';
export * from './serviceDatabase';
export * from './terminationSignals';
