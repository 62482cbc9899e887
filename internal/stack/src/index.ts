export * from './startStack';
export * from './zoneServices';
