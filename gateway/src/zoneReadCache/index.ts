export * from './gatewayZoneReadCache';
export * from './ZoneReadCacheDataSource';
