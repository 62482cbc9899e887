export { CAPABILITY_ROLES, forbidden, may, requireCapability, type Capability } from './capabilities';
export { mayReadZone, readableOf, readableProvinceCodes, readScopeOf, type ReadScope, type ZoneFacts } from './readScope';
export { readableProvinces, readableZoneById, readableZones, readScopeFor, type ScopeSources } from './scopedDirectory';
