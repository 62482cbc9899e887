export * from './types';
export * from './migrations';
