/**
 * @devzone/ranking: multi-criteria ranking of development zones (开发区) and
 * benchmark selection (标杆/示范). Pure functions, no I/O, no randomness except
 * the seeded Monte Carlo analysis. See docs/ranking-methods.md.
 */
export * from './types';
export * from './errors';
export * from './validate';
export * from './missing';
export * from './ordering';
export * from './normalize';
export * from './weights';
export * from './methods';
export * from './robustness';
export * from './rank';
