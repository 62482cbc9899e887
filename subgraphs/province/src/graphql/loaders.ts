import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { OnsiteMeetingHostRow, type DirectoryZoneRow, type ProvinceRow } from '../db/entities';
import type { DirectoryCache } from '../directory/directoryCache';

function group<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (r: R) => K): R[][] {
  return keys.map((k) => rows.filter((r) => keyOf(r) === k));
}

/**
 * Per-request loaders for directory relations. Provinces and zones come from the
 * in-memory directory (no SQL); on-site meetings from the database, batched.
 */
export function createProvinceLoaders(dataSource: DataSource, directory: DirectoryCache) {
  return {
    /** Every province, by code. Callers must not mutate the array. */
    allProvinces: async (): Promise<ProvinceRow[]> => (await directory.snapshot()).provinces,
    /** Every directory zone, by province then id. Callers must not mutate the array. */
    allDirectoryZones: async (): Promise<DirectoryZoneRow[]> => (await directory.snapshot()).zones,
    provinceByCode: new DataLoader<string, ProvinceRow | null>(async (codes) => {
      const { provinceByCode } = await directory.snapshot();
      return codes.map((code) => provinceByCode.get(code) ?? null);
    }),
    zonesByProvince: new DataLoader<string, DirectoryZoneRow[]>(async (codes) => {
      const { zonesByProvince } = await directory.snapshot();
      return codes.map((code) => [...(zonesByProvince.get(code) ?? [])]);
    }),
    zoneById: new DataLoader<string, DirectoryZoneRow | null>(async (ids) => {
      const { zoneById } = await directory.snapshot();
      return ids.map((id) => zoneById.get(id) ?? null);
    }),
    meetingsByHost: new DataLoader<string, OnsiteMeetingHostRow[]>(async (zoneIds) =>
      group(zoneIds, await dataSource.getRepository(OnsiteMeetingHostRow).findBy({ zoneId: In([...zoneIds]) }), (r) => r.zoneId),
    ),
  };
}

export type ProvinceLoaders = ReturnType<typeof createProvinceLoaders>;
