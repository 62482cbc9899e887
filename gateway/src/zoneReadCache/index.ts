export * from './withZoneReadCache';
export * from './ZoneReadCacheDataSource';
