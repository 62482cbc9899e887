import type { Principal } from '@devzone/auth';

/**
 * The zones a principal may read. Administrators and national roles read every
 * zone; an analyst or BI reader the zones of their provinces; a zone system its
 * own zones. Roles add up: an analyst who is also a zone system reads both.
 */
export interface ReadScope {
  readonly allZones: boolean;
  /** Provinces whose every zone is readable. */
  readonly provinces: ReadonlySet<string>;
  /** Single zones readable besides those provinces (a zone system's own). */
  readonly zoneIds: ReadonlySet<string>;
}

/** What the rules need to know of a zone: which it is and where it lies. */
export interface ZoneFacts {
  readonly id: string;
  readonly provinceCode: string;
}

const NOTHING: ReadScope = { allZones: false, provinces: new Set(), zoneIds: new Set() };
const EVERYTHING: ReadScope = { allZones: true, provinces: new Set(), zoneIds: new Set() };

/** A request that forwards no principal (the gateway's own schema fetches) reads no zone. */
export function readScopeOf(principal: Principal | null): ReadScope {
  if (!principal) return NOTHING;
  if (principal.roles.includes('ADMIN')) return EVERYTHING;
  const readsByProvince = principal.roles.includes('ANALYST') || principal.roles.includes('BI_READER');
  const byProvince = readsByProvince ? principal.provinces : [];
  if (byProvince === 'ALL') return EVERYTHING;
  return {
    allZones: false,
    provinces: new Set(byProvince),
    zoneIds: new Set(principal.roles.includes('ZONE_SYSTEM') ? principal.zoneIds : []),
  };
}

export function mayReadZone(scope: ReadScope, zone: ZoneFacts): boolean {
  return scope.allZones || scope.provinces.has(zone.provinceCode) || scope.zoneIds.has(zone.id);
}

/** The zones of `zones` the scope may read, in their order. */
export function readableOf<Z extends ZoneFacts>(scope: ReadScope, zones: readonly Z[]): Z[] {
  return zones.filter((zone) => mayReadZone(scope, zone));
}

/**
 * Provinces the scope may name in an argument: those it reads whole, and those
 * holding a zone it reads. Any other province answers like an unknown one.
 */
export function readableProvinceCodes(scope: ReadScope, allProvinceCodes: readonly string[], directory: readonly ZoneFacts[]): Set<string> {
  if (scope.allZones) return new Set(allProvinceCodes);
  const holding = new Set(directory.filter((zone) => scope.zoneIds.has(zone.id)).map((zone) => zone.provinceCode));
  return new Set(allProvinceCodes.filter((code) => scope.provinces.has(code) || holding.has(code)));
}
