import type { DataSource } from 'typeorm';
import { assessZone, type ZoneAssessment } from '../computed/assessZone';
import { derivationsFor } from '../computed/derivations';
import { RULES_DIGEST } from '../computed/rulesDigest';
import { keepFigures, readDataVersions, readKeptOutcomes, type CodeOutcome, type KeptOutcome, type KeptZone } from './keptFigures';
import { OutcomeMemo } from './outcomeMemo';
import { readZoneAggregates } from './zoneAggregates';

/** One zone's computed figures, for these codes only (every computable one when null). */
export interface ComputedFiguresKey {
  zoneId: string;
  codes: readonly string[] | null;
}

const nothing = (): ZoneAssessment => ({ figures: [], unassessed: [] });

/** The codes a batch needs: the union of every key's codes, or null (every code) when one key asks for all. */
function codesOfBatch(keys: readonly ComputedFiguresKey[]): readonly string[] | null {
  if (keys.some((k) => k.codes === null)) return null;
  return [...new Set(keys.flatMap((k) => k.codes ?? []))];
}

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * Computed figures and unassessed indicators of each key's zone, for the key's codes only, freshly
 * computed: one statement for the whole batch, holding just the aggregates the batch's codes need.
 */
export async function computeAssessments(dataSource: DataSource, keys: readonly ComputedFiguresKey[]): Promise<ZoneAssessment[]> {
  const batchDerivations = derivationsFor(codesOfBatch(keys));
  if (batchDerivations.length === 0) return keys.map(nothing);
  const zones = await readZoneAggregates(dataSource, unique(keys.map((k) => k.zoneId)), batchDerivations);
  return keys.map(({ zoneId, codes }) => {
    const zone = zones.get(zoneId);
    return zone ? assessZone(zone.aggregate, zone.records, derivationsFor(codes)) : nothing();
  });
}

function outcomesOf(assessment: ZoneAssessment): Map<string, CodeOutcome> {
  return new Map<string, CodeOutcome>([
    ...assessment.figures.map((figure): [string, CodeOutcome] => [figure.code, { figure }]),
    ...assessment.unassessed.map(({ code, reason }): [string, CodeOutcome] => [code, { unassessed: reason }]),
  ]);
}

/** A key's answer from its zone's outcomes, in the order `assessZone` gives: the catalogue's, figures apart from reasons. */
function assessmentOf(zone: KeptZone | undefined, codes: readonly string[] | null): ZoneAssessment {
  if (!zone) return nothing();
  const assessment = nothing();
  for (const { code } of derivationsFor(codes)) {
    const outcome = zone.outcomes.get(code);
    if (!outcome) continue;
    if ('figure' in outcome) assessment.figures.push(outcome.figure);
    else assessment.unassessed.push({ code, reason: outcome.unassessed });
  }
  return assessment;
}

/** Adds `code` to the set of `zoneId` in `pairs`. */
function addPair(pairs: Map<string, Set<string>>, zoneId: string, code: string): void {
  const codes = pairs.get(zoneId);
  if (codes) codes.add(code);
  else pairs.set(zoneId, new Set([code]));
}

/**
 * The same answers as `computeAssessments`, kept per zone and code (`keptFigures.ts`) and in the
 * service's `memo`: one statement reads each zone's current data version; outcomes at that version
 * come from the memo, else from `computed_figure` (one statement), and only the (zone, code) pairs
 * found in neither are computed (only those zones, only those codes' blocks, one statement) and
 * kept (one statement). Warm, one statement per batch; kept but not in memory, two; cold, four,
 * whatever the number of zones and rows. The aggregate statement reads the data version in its own
 * snapshot, so an outcome is never kept under a version later than the records it was computed
 * from. Without a memo of the service's, one lives for this call only.
 */
export async function assessZones(dataSource: DataSource, keys: readonly ComputedFiguresKey[], memo = new OutcomeMemo()): Promise<ZoneAssessment[]> {
  const batchCodes = derivationsFor(codesOfBatch(keys)).map((d) => d.code);
  if (batchCodes.length === 0) return keys.map(nothing);
  const asked = new Map<string, Set<string>>();
  for (const { zoneId, codes } of keys) for (const { code } of derivationsFor(codes)) addPair(asked, zoneId, code);
  const versions = await readDataVersions(dataSource, [...asked.keys()]);

  const kept = new Map<string, KeptZone>();
  let missing = new Map<string, Set<string>>();
  for (const [zoneId, codes] of asked) {
    const dataVersion = versions.get(zoneId);
    if (dataVersion === undefined) continue;
    const zone: KeptZone = { dataVersion, outcomes: new Map() };
    kept.set(zoneId, zone);
    for (const code of codes) {
      const outcome = memo.get(zoneId, code, dataVersion);
      if (outcome) zone.outcomes.set(code, outcome);
      else addPair(missing, zoneId, code);
    }
  }
  if (missing.size > 0) {
    const stored = await readKeptOutcomes(dataSource, [...missing.keys()], unique([...missing.values()].flatMap((codes) => [...codes])), RULES_DIGEST);
    for (const { zoneId, code, dataVersion, outcome } of stored) {
      const zone = kept.get(zoneId);
      // Kept at an earlier version (or a later one, written since the versions were read): computed below.
      if (zone?.dataVersion !== dataVersion || !missing.get(zoneId)?.has(code)) continue;
      zone.outcomes.set(code, outcome);
      memo.set(zoneId, code, dataVersion, outcome);
    }
    const stillMissing = new Map<string, Set<string>>();
    for (const [zoneId, codes] of missing) for (const code of codes) if (!kept.get(zoneId)!.outcomes.has(code)) addPair(stillMissing, zoneId, code);
    missing = stillMissing;
  }
  if (missing.size > 0) {
    const fresh = await readZoneAggregates(dataSource, [...missing.keys()], derivationsFor(unique([...missing.values()].flatMap((codes) => [...codes]))));
    // A write since the versions were read: the zone's kept outcomes are older than its fresh ones.
    // Every code the batch asks of such a zone is computed again, in one snapshot, so that no
    // answer mixes two versions of one zone (one more statement, only in that race).
    const raced = [...fresh].filter(([zoneId, zone]) => zone.dataVersion !== kept.get(zoneId)?.dataVersion).map(([zoneId]) => zoneId);
    if (raced.length > 0) {
      const again = await readZoneAggregates(dataSource, raced, derivationsFor(unique(raced.flatMap((zoneId) => [...asked.get(zoneId)!]))));
      for (const zoneId of raced) {
        const zone = again.get(zoneId);
        missing.set(zoneId, new Set(asked.get(zoneId)));
        if (!zone) {
          kept.delete(zoneId);
          fresh.delete(zoneId);
          continue;
        }
        kept.set(zoneId, { dataVersion: zone.dataVersion, outcomes: new Map() });
        fresh.set(zoneId, zone);
      }
    }
    const toKeep: KeptOutcome[] = [];
    for (const [zoneId, codes] of missing) {
      const zone = fresh.get(zoneId);
      if (!zone) continue;
      const outcomes = outcomesOf(assessZone(zone.aggregate, zone.records, derivationsFor([...codes])));
      for (const [code, outcome] of outcomes) {
        kept.get(zoneId)!.outcomes.set(code, outcome);
        memo.set(zoneId, code, zone.dataVersion, outcome);
        toKeep.push({ zoneId, code, dataVersion: zone.dataVersion, outcome });
      }
    }
    await keepFigures(dataSource, toKeep, RULES_DIGEST);
  }
  return keys.map(({ zoneId, codes }) => assessmentOf(kept.get(zoneId), codes));
}
