export * from './withZoneReadCache';
export * from './ZoneReadCacheDataSource';
export * from './zoneVersions';
export * from './entityStore';
export * from './cacheKey';
export * from './versionBatcher';
export * from './fetchDataVersions';
export * from './mergeEntities';
