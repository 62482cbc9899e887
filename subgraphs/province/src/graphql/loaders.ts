import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { DirectoryZoneRow, OnsiteMeetingHostRow, ProvinceRow } from '../db/entities';

function group<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (r: R) => K): R[][] {
  return keys.map((k) => rows.filter((r) => keyOf(r) === k));
}

/** A value read at most once: the first call starts the read, later calls share it (a failed read is tried again). */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= read().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** Per-request loaders for directory relations. */
export function createProvinceLoaders(dataSource: DataSource) {
  return {
    /** Every province, by code; read once per request. Callers must not mutate the array. */
    allProvinces: once(() => dataSource.getRepository(ProvinceRow).find({ order: { code: 'ASC' } })),
    /** Every directory zone, by province then id; read once per request. Callers must not mutate the array. */
    allDirectoryZones: once(() => dataSource.getRepository(DirectoryZoneRow).find({ order: { provinceCode: 'ASC', id: 'ASC' } })),
    provinceByCode: new DataLoader<string, ProvinceRow | null>(async (codes) => {
      const rows = await dataSource.getRepository(ProvinceRow).findBy({ code: In([...codes]) });
      return codes.map((c) => rows.find((r) => r.code === c) ?? null);
    }),
    zonesByProvince: new DataLoader<string, DirectoryZoneRow[]>(async (codes) =>
      group(
        codes,
        await dataSource.getRepository(DirectoryZoneRow).find({ where: { provinceCode: In([...codes]) }, order: { id: 'ASC' } }),
        (r) => r.provinceCode,
      ),
    ),
    zoneById: new DataLoader<string, DirectoryZoneRow | null>(async (ids) => {
      const rows = await dataSource.getRepository(DirectoryZoneRow).findBy({ id: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    meetingsByHost: new DataLoader<string, OnsiteMeetingHostRow[]>(async (zoneIds) =>
      group(zoneIds, await dataSource.getRepository(OnsiteMeetingHostRow).findBy({ zoneId: In([...zoneIds]) }), (r) => r.zoneId),
    ),
  };
}

export type ProvinceLoaders = ReturnType<typeof createProvinceLoaders>;
