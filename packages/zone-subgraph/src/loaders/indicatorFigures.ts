import { ERRORS } from '@devzone/errors';
import type { DataSource } from 'typeorm';
import type { ZoneAssessment } from '../computed/assessZone';
import type { IndicatorReportRow } from '../db/entities';
import { assessZonesAt } from './computedIndicators';
import type { OutcomeMemo } from './outcomeMemo';
import { reportsOfZones, type ReportsKey, type ReportsMemo } from './reports';

/** A zone's reported and computed figures for the key's codes, both as of one data version. */
export interface IndicatorFigures {
  readonly reports: IndicatorReportRow[];
  readonly assessment: ZoneAssessment;
}

/** Times a batch reads a zone again when it was written during the read, before giving up. */
export const READ_ATTEMPTS = 3;

/** What a batch of `zone.indicators` needs across requests: outcomes and reports in memory, the reports' SELECT list (table `r`). */
export interface IndicatorFiguresState {
  readonly outcomes: OutcomeMemo;
  readonly reports: ReportsMemo;
  readonly reportColumns: string;
}

/**
 * Each key's reported figures and computed assessment, never from two versions of its zone: the
 * reports statement reads each zone's data version in its own snapshot, and the computed figures
 * are taken at that version (from memory, the kept table, or computed). When a zone was written in
 * between, its computed figures come at the later version and the zone is read again (both sides),
 * at most READ_ATTEMPTS times in all; after that, that key's answer is a ZONE_UNAVAILABLE error
 * naming the zone (the batch's other keys are answered). Warm: one statement per batch, the
 * reports with the versions.
 */
export async function indicatorFiguresOfZones(
  dataSource: DataSource,
  state: IndicatorFiguresState,
  keys: readonly ReportsKey[],
  knownVersions: ReadonlyMap<string, string> = new Map(),
): Promise<Array<IndicatorFigures | Error>> {
  const answers = new Array<IndicatorFigures | Error>(keys.length);
  let pending = keys.map((_, index) => index);
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > READ_ATTEMPTS) {
      for (const index of pending) {
        const { zoneId } = keys[index]!;
        answers[index] = ERRORS.ZONE_UNAVAILABLE.err(`Zone "${zoneId}" was written during each of ${READ_ATTEMPTS} reads of its indicators; ask again.`, {
          zoneId,
        });
      }
      break;
    }
    const asked = pending.map((index) => keys[index]!);
    const reported = await reportsOfZones(dataSource, state.reportColumns, state.reports, asked, attempt === 1 ? knownVersions : undefined);
    const versions = new Map<string, string>();
    asked.forEach((key, i) => {
      const version = reported[i]!.dataVersion;
      if (version !== null) versions.set(key.zoneId, version);
    });
    const computed = await assessZonesAt(dataSource, asked, state.outcomes, versions);
    const raced: number[] = [];
    asked.forEach((key, i) => {
      const computedAt = computed.versions.get(key.zoneId);
      if (computedAt !== undefined && computedAt !== versions.get(key.zoneId)) raced.push(pending[i]!);
      else answers[pending[i]!] = { reports: reported[i]!.reports, assessment: computed.answers[i]! };
    });
    pending = raced;
  }
  return answers;
}
