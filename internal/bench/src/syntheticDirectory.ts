import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { directorySeedSchema, type DirectorySeed } from '@devzone/province';
import type { WritableZoneSeed } from '@devzone/zone-subgraph';

/** Province code the synthetic zones are filed under in the bench's directory. */
export const SYNTHETIC_PROVINCE = 'synthetic';

/**
 * The directory file format (subgraphs/province/seed/directory.json) requires a
 * source on every zone. Synthetic zones have none: this placeholder names no
 * real article and says so in its passage.
 */
const PLACEHOLDER_SOURCE = { document: '000_0000000000000000.txt', passage: '合成数据，仅供基准测试（synthetic, benchmark only）' };

export function syntheticDirectory(seeds: readonly WritableZoneSeed[]): DirectorySeed {
  return directorySeedSchema.parse({
    provinces: [{ code: SYNTHETIC_PROVINCE, nameZh: '合成省（基准测试）', nameEn: 'Synthetic province (benchmark)' }],
    zones: seeds.map((s) => ({
      id: s.zone.id,
      nameZh: s.zone.nameZh,
      nameEn: s.zone.nameEn ?? s.zone.id,
      provinceCode: SYNTHETIC_PROVINCE,
      level: 'unknown',
      source: PLACEHOLDER_SOURCE,
    })),
    onsiteMeetings: [],
  });
}

/** Writes the directory as JSON into `dir` and returns its path (startStack reads a file). */
export function writeSyntheticDirectoryFile(dir: string, name: string, seeds: readonly WritableZoneSeed[]): string {
  const path = join(dir, `${name}.directory.json`);
  writeFileSync(path, JSON.stringify(syntheticDirectory(seeds), null, 2));
  return path;
}
