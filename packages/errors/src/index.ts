export * from './codes';
export * from './validation';
