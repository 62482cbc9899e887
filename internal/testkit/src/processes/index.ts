export * from './adminToken';
export * from './freePort';
export * from './processStack';
export * from './serviceProcess';
