import { randomUUID } from 'node:crypto';
import { ERRORS } from '@devzone/errors';
import { provinceCodesOf } from '../../directory/provinceArgs';
import type { ProvinceContext } from '../../graphql/context.type';
import type { BenchmarkSelectionInput } from '../../graphql/types/selection.inputs';
import { BenchmarkPresetRow, SelectionRunRow } from '../../db/entities';
import type { PresetSettings } from '../../seed/presetSchema';
import type { SelectionOutcome } from './outcome';
import { resolveSelectionSettings, type PresetForSelection } from './resolveSettings';
import { runSelection } from './runSelection';
import { SELECTION_ENGINE_VERSION, type SelectionSettings } from './settings';
import type { SelectionSnapshot } from './snapshot';
import { takeSnapshot, type SnapshotReadOptions } from './takeSnapshot';

export interface SelectionRunData {
  settings: SelectionSettings;
  snapshot: SelectionSnapshot;
  outcome: SelectionOutcome;
  engineVersion: string;
}

async function presetFor(ctx: ProvinceContext, code: string | undefined): Promise<PresetForSelection | null> {
  if (code === undefined || code === null) return null;
  const row = await ctx.dataSource.getRepository(BenchmarkPresetRow).findOneBy({ code });
  if (!row) throw ERRORS.BAD_USER_INPUT.err(`input.preset: unknown preset "${code}" (see benchmarkPresets)`, { field: 'input.preset' });
  return { code: row.code, settings: row.settings as PresetSettings };
}

/** Runs settings on data read now. */
export async function runOnCurrentData(ctx: ProvinceContext, settings: SelectionSettings, read: SnapshotReadOptions = {}): Promise<SelectionRunData> {
  const snapshot = await takeSnapshot(ctx, settings, read);
  return { settings, snapshot, outcome: runSelection(settings, snapshot), engineVersion: SELECTION_ENGINE_VERSION };
}

/** Resolves an analyst's input (preset, overrides, defaults) and runs it on data read now (`read`: what of the figures to read, see takeSnapshot). */
export async function selectBenchmarkSites(ctx: ProvinceContext, input: BenchmarkSelectionInput, read: SnapshotReadOptions = {}): Promise<SelectionRunData> {
  // A saved run keeps the province codes, not the names an analyst typed (安徽, Anhui).
  const provinces = input.provinces ? await provinceCodesOf(ctx, input.provinces, 'input.provinces') : input.provinces;
  const settings = resolveSelectionSettings({ ...input, provinces }, await presetFor(ctx, input.preset), new Date().getFullYear());
  return runOnCurrentData(ctx, settings, read);
}

/**
 * Stores a run for its owner (a Principal.subject): settings, the exact figures used and the result.
 * `checkedTitle` is stored as given: the caller checks it first (checkRunTitle, which answers it trimmed).
 */
export async function saveRun(ctx: ProvinceContext, owner: string, checkedTitle: string, run: SelectionRunData): Promise<SelectionRunRow> {
  const row = Object.assign(new SelectionRunRow(), {
    id: randomUUID(),
    title: checkedTitle,
    createdBy: owner,
    engineVersion: run.engineVersion,
    settings: run.settings,
    snapshot: run.snapshot,
    result: run.outcome,
  });
  return ctx.dataSource.getRepository(SelectionRunRow).save(row);
}

/** A stored run as the engine reads it back. */
export function storedRun(row: SelectionRunRow): SelectionRunData {
  return {
    settings: row.settings as SelectionSettings,
    snapshot: row.snapshot as SelectionSnapshot,
    outcome: row.result as SelectionOutcome,
    engineVersion: row.engineVersion,
  };
}

/**
 * Re-computes a stored run from its own snapshot. Equal to the stored result
 * as long as the engine version is the same: the check behind `replayMatchesSaved`.
 */
export function replay(run: SelectionRunData): SelectionOutcome {
  return runSelection(run.settings, run.snapshot);
}
