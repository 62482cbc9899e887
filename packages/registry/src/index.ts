export * from './globalId';
export * from './model';
export * from './registry';
export * from './runtime';
