export * from './prng';
export * from './reweight';
export type { ScoringProblem } from './problem';
export * from './perturbation';
export * from './monteCarlo';
export * from './dethrone';
