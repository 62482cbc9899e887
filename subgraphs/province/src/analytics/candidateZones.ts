import { indicatorByCode } from '@devzone/catalogue';
import { ERRORS } from '@devzone/errors';
import type { ZoneServiceRegistry } from '@devzone/registry';
import { readableZones, type ScopeSources } from '../authz/scopedDirectory';
import type { DirectoryZoneRow } from '../db/entities';
import { provinceCodesOf } from '../directory/provinceArgs';

/** Which zones an analysis covers: by ids, by provinces, or both (both must hold); all zones when neither. */
export interface ZoneScope {
  zoneIds?: readonly string[] | null;
  /** As analysts type them: codes or names (anhui, 安徽, 安徽省, Anhui). */
  provinces?: readonly string[] | null;
}

export interface ScopedZones {
  /** Directory rows in the order asked (ids), else province then id. */
  zones: DirectoryZoneRow[];
  /** Zones no service hosts: they cannot answer and are reported, never dropped. */
  unroutable: DirectoryZoneRow[];
  /** The province codes `provinces` named, in its order; null when the scope gave none. */
  provinceCodes: string[] | null;
}

const badInput = (field: string, message: string) => ERRORS.BAD_USER_INPUT.err(`${field}: ${message}`, { field });

/** Where a scope is resolved: the directory, the registry, and whose read scope applies. */
export interface ScopeResolution extends ScopeSources {
  readonly registry: ZoneServiceRegistry;
}

/**
 * Resolves a scope against the directory as the caller may read it: the
 * candidates are the caller's readable zones ∩ what was asked. Unknown zone ids
 * or provinces are refused with a BAD_USER_INPUT error naming the field
 * (`{prefix}.zoneIds`), and so are out-of-scope ones, with the very same
 * message, so an answer never tells whether a zone outside the scope exists;
 * an unknown province's error lists the caller's provinces.
 */
export async function resolveZoneScope(sources: ScopeResolution, scope: ZoneScope, prefix = ''): Promise<ScopedZones> {
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  if (scope.provinces?.length === 0) throw badInput(field('provinces'), 'give at least one province code, or leave it out for every province');
  const provinces = scope.provinces ? await provinceCodesOf(sources, scope.provinces, field('provinces')) : null;
  let zones: DirectoryZoneRow[];
  if (scope.zoneIds) {
    if (scope.zoneIds.length === 0) throw badInput(field('zoneIds'), 'give at least one zone id, or leave it out');
    const duplicate = scope.zoneIds.find((id, i) => scope.zoneIds!.indexOf(id) !== i);
    if (duplicate !== undefined) throw badInput(field('zoneIds'), `zone "${duplicate}" is listed twice`);
    const byId = new Map((await readableZones(sources)).map((r) => [r.id, r]));
    const unknown = scope.zoneIds.filter((id) => !byId.has(id));
    if (unknown.length > 0) throw badInput(field('zoneIds'), `unknown zone(s) ${unknown.map((u) => `"${u}"`).join(', ')}`);
    zones = scope.zoneIds.map((id) => byId.get(id)!);
    if (provinces) zones = zones.filter((z) => provinces.includes(z.provinceCode));
  } else {
    zones = await readableZones(sources, provinces);
  }
  return {
    zones,
    unroutable: zones.filter((z) => !sources.registry.serviceForZone(z.id)),
    provinceCodes: provinces,
  };
}

/** Refuses an empty list, duplicates and codes the catalogue does not define, naming `field[i]`. */
export function requireIndicatorCodes(codes: readonly string[], field: string): void {
  if (codes.length === 0) throw badInput(field, 'give at least one indicator code');
  codes.forEach((code, i) => {
    if (!indicatorByCode(code)) throw badInput(`${field}[${i}]`, `unknown indicator code "${code}" (see indicatorCatalogue)`);
    if (codes.indexOf(code) !== i) throw badInput(`${field}[${i}]`, `indicator "${code}" is listed twice`);
  });
}
