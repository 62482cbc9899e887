import type { DataSource } from 'typeorm';
import { DirectoryZoneRow, ProvinceRow } from '../db/entities';

/** The directory as read at one moment. Rows and arrays are shared by every request: never mutate them. */
export interface DirectorySnapshot {
  /** By code. */
  readonly provinces: ProvinceRow[];
  /** By province, then id. */
  readonly zones: DirectoryZoneRow[];
  readonly provinceByCode: ReadonlyMap<string, ProvinceRow>;
  readonly zoneById: ReadonlyMap<string, DirectoryZoneRow>;
  /** Each province's zones by id; a province without zones is absent. */
  readonly zonesByProvince: ReadonlyMap<string, DirectoryZoneRow[]>;
}

/**
 * The directory (provinces and zones) held in memory. It changes only when the province
 * seeds it at start or a registration writes a zone's entry, so requests read it here
 * instead of running SQL; whoever changes it calls `refresh`, and every snapshot asked
 * from then on is the new one (a request that starts after a registration sees it).
 */
export class DirectoryCache {
  private current: Promise<DirectorySnapshot> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** The directory as last read; the first call reads it. */
  snapshot(): Promise<DirectorySnapshot> {
    return this.current ?? this.refresh();
  }

  /** Reads the directory again. A failed read is not kept: the next snapshot reads again. */
  refresh(): Promise<DirectorySnapshot> {
    const next = this.read();
    this.current = next;
    next.catch(() => {
      if (this.current === next) this.current = undefined;
    });
    return next;
  }

  private async read(): Promise<DirectorySnapshot> {
    // The database's order, as the per-request queries used: ids compare by its collation.
    const [provinces, zones] = await Promise.all([
      this.dataSource.getRepository(ProvinceRow).find({ order: { code: 'ASC' } }),
      this.dataSource.getRepository(DirectoryZoneRow).find({ order: { provinceCode: 'ASC', id: 'ASC' } }),
    ]);
    const zonesByProvince = new Map<string, DirectoryZoneRow[]>();
    for (const zone of zones) {
      const ofProvince = zonesByProvince.get(zone.provinceCode);
      if (ofProvince) ofProvince.push(zone);
      else zonesByProvince.set(zone.provinceCode, [zone]);
    }
    return {
      provinces,
      zones,
      provinceByCode: new Map(provinces.map((province) => [province.code, province])),
      zoneById: new Map(zones.map((zone) => [zone.id, zone])),
      zonesByProvince,
    };
  }
}
