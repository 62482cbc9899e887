import { readFileSync } from 'node:fs';
import { parseOrThrow } from '@devzone/errors';
import type { DataSource } from 'typeorm';
import { DirectoryZoneRow, OnsiteMeetingHostRow, OnsiteMeetingRow, ProvinceRow } from '../db/entities';
import { directorySeedSchema, type DirectorySeed } from './directorySchema';

export function loadDirectoryFile(path: string): DirectorySeed {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`directory file ${path} is not readable JSON: ${(error as Error).message}`);
  }
  const seed = parseOrThrow(directorySeedSchema, raw, `directory file ${path}`);
  const provinces = new Set(seed.provinces.map((p) => p.code));
  const zones = new Set(seed.zones.map((z) => z.id));
  const problems: string[] = [];
  seed.zones.forEach((z, i) => {
    if (!provinces.has(z.provinceCode)) problems.push(`zones[${i}].provinceCode: no province "${z.provinceCode}"`);
  });
  seed.onsiteMeetings.forEach((m, i) => {
    if (!provinces.has(m.provinceCode)) problems.push(`onsiteMeetings[${i}].provinceCode: no province "${m.provinceCode}"`);
    m.hostZoneIds.forEach((z, j) => {
      if (!zones.has(z)) problems.push(`onsiteMeetings[${i}].hostZoneIds[${j}]: no zone "${z}"`);
    });
  });
  if (problems.length > 0) throw new Error(`directory file ${path} has dangling references: ${problems.join('; ')}`);
  return seed;
}

/** Inserts directory rows that are missing; rows already stored are kept as they are. */
export async function writeDirectory(dataSource: DataSource, seed: DirectorySeed): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const insertMissing = async <T extends object>(entity: new () => T, rows: T[]) => {
      if (rows.length === 0) return;
      await manager
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(rows as never)
        .orIgnore()
        .execute();
    };
    await insertMissing(
      ProvinceRow,
      seed.provinces.map((p) => Object.assign(new ProvinceRow(), p)),
    );
    await insertMissing(
      DirectoryZoneRow,
      seed.zones.map((z) =>
        Object.assign(new DirectoryZoneRow(), {
          id: z.id,
          provinceCode: z.provinceCode,
          nameZh: z.nameZh,
          nameEn: z.nameEn,
          city: z.city ?? null,
          level: z.level,
          sourceDocument: z.source.document,
          sourcePassage: z.source.passage,
        }),
      ),
    );
    await insertMissing(
      OnsiteMeetingRow,
      seed.onsiteMeetings.map((m) =>
        Object.assign(new OnsiteMeetingRow(), {
          id: m.id,
          provinceCode: m.provinceCode,
          title: m.title,
          period: m.period,
          precision: m.precision,
          sourceDocument: m.source.document,
          sourcePassage: m.source.passage,
        }),
      ),
    );
    await insertMissing(
      OnsiteMeetingHostRow,
      seed.onsiteMeetings.flatMap((m) => m.hostZoneIds.map((zoneId) => Object.assign(new OnsiteMeetingHostRow(), { meetingId: m.id, zoneId }))),
    );
  });
}
