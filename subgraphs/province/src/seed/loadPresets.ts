import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseOrThrow } from '@devzone/errors';
import type { DataSource } from 'typeorm';
import { resolveSelectionSettings } from '../analytics/selection/resolveSettings';
import { BenchmarkSelectionInput } from '../graphql/types/selection.inputs';
import { BenchmarkPresetRow } from '../db/entities';
import { presetSeedSchema, type PresetSeed } from './presetSchema';

export const DEFAULT_PRESET_FILE = resolve(__dirname, '../../seed/presets.json');

/**
 * Reads and checks a preset file: its shape, unique codes, and its settings as
 * a run would check them (known codes, a direction for NEUTRAL ones, bounds in
 * pairs and the right way round, bounds on every criterion for EFFICACY).
 */
export function loadPresetFile(path = DEFAULT_PRESET_FILE): PresetSeed {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`preset file ${path} is not readable JSON: ${(error as Error).message}`);
  }
  const seed = parseOrThrow(presetSeedSchema, raw, `preset file ${path}`);
  seed.presets.forEach((preset, i) => {
    const at = `preset file ${path}: presets[${i}]`;
    if (seed.presets.findIndex((p) => p.code === preset.code) !== i) throw new Error(`${at}.code: "${preset.code}" is used twice`);
    try {
      // The same checks as a run of the preset with no overrides: catalogue codes, directions, bounds.
      resolveSelectionSettings(new BenchmarkSelectionInput(), { code: preset.code, settings: preset.settings }, new Date().getFullYear());
    } catch (error) {
      throw new Error(`${at}.${(error as Error).message.replace(/^input\./, 'settings.')}`);
    }
  });
  return seed;
}

/** Inserts presets that are missing; a preset already stored (possibly edited since) is kept. */
export async function writePresets(dataSource: DataSource, seed: PresetSeed): Promise<void> {
  if (seed.presets.length === 0) return;
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(BenchmarkPresetRow)
    .values(
      seed.presets.map((p) =>
        Object.assign(new BenchmarkPresetRow(), {
          code: p.code,
          nameZh: p.nameZh,
          nameEn: p.nameEn,
          purpose: p.purpose,
          justification: p.justification,
          settings: p.settings,
        }),
      ),
    )
    .orIgnore()
    .execute();
}
