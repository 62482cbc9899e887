import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { DirectoryZoneRow, OnsiteMeetingHostRow, ProvinceRow } from '../db/entities';

function group<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (r: R) => K): R[][] {
  return keys.map((k) => rows.filter((r) => keyOf(r) === k));
}

/** Per-request loaders for directory relations. */
export function createProvinceLoaders(dataSource: DataSource) {
  return {
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
