import type { Principal } from '@devzone/auth';
import type { DataSource } from 'typeorm';
import type { DirectoryZoneRow, ProvinceRow } from '../db/entities';
import type { ProvinceLoaders } from '../graphql/loaders';
import { mayReadZone, readableProvinceCodes, readScopeOf, type ReadScope } from './readScope';

/** What scoped directory reads need: the database, the request's loaders and who is asking. A request's context is one. */
export interface ScopeSources {
  readonly dataSource: DataSource;
  readonly loaders: ProvinceLoaders;
  readonly principal: Principal | null;
}

const scopes = new WeakMap<ScopeSources, ReadScope>();

/** The caller's read scope, worked out once per request (keyed on its context object). */
export function readScopeFor(sources: ScopeSources): ReadScope {
  let scope = scopes.get(sources);
  if (!scope) {
    scope = readScopeOf(sources.principal);
    scopes.set(sources, scope);
  }
  return scope;
}

/** A zone of the directory the caller may read; null when it is unknown or out of scope, alike. */
export async function readableZoneById(ctx: ScopeSources, id: string): Promise<DirectoryZoneRow | null> {
  const row = await ctx.loaders.zoneById.load(id);
  return row && mayReadZone(readScopeFor(ctx), row) ? row : null;
}

/** The zones the caller may read (of some provinces when given), by province then id. */
export async function readableZones(sources: ScopeSources, provinceCodes: readonly string[] | null = null): Promise<DirectoryZoneRow[]> {
  const rows = await sources.loaders.allDirectoryZones();
  const scope = readScopeFor(sources);
  const asked = provinceCodes ? new Set(provinceCodes) : null;
  return rows.filter((row) => (!asked || asked.has(row.provinceCode)) && mayReadZone(scope, row));
}

/** The provinces the caller may name or list, by code: any other one is answered as unknown. */
export async function readableProvinces(sources: ScopeSources): Promise<ProvinceRow[]> {
  const scope = readScopeFor(sources);
  const provinces = await sources.loaders.allProvinces();
  if (scope.allZones) return [...provinces];
  const directory = scope.zoneIds.size === 0 ? [] : (await sources.loaders.allDirectoryZones()).filter((zone) => scope.zoneIds.has(zone.id));
  const readable = readableProvinceCodes(
    scope,
    provinces.map((p) => p.code),
    directory,
  );
  return provinces.filter((p) => readable.has(p.code));
}
