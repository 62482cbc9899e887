export * from './cacheKey';
export * from './createZoneReadCache';
export * from './entityStore';
export * from './fetchDataVersions';
export * from './mergeEntities';
export * from './versionBatcher';
export * from './ZoneReadCache';
export * from './zoneVersions';
