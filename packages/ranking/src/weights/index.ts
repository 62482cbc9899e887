export * from './given';
export * from './entropy';
export * from './ahp';
export * from './blend';
