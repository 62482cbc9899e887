export * from './generateZones';
export * from './prng';
