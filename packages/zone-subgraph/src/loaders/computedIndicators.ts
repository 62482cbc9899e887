import type { DataSource } from 'typeorm';
import { assessZone, type ZoneAssessment } from '../computed/assessZone';
import { derivationsFor } from '../computed/derivations';
import { RULES_DIGEST } from '../computed/rulesDigest';
import { keepFigures, readDataVersions, readKeptOutcomes, type CodeOutcome, type KeptOutcome, type KeptZone } from './keptFigures';
import { OutcomeMemo } from './outcomeMemo';
import { readZoneAggregates, type ZoneAggregates } from './zoneAggregates';

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
function addPair(pairs: ZoneCodes, zoneId: string, code: string): void {
  const codes = pairs.get(zoneId);
  if (codes) codes.add(code);
  else pairs.set(zoneId, new Set([code]));
}

/** Codes per zone. */
type ZoneCodes = Map<string, Set<string>>;

const codesIn = (pairs: ZoneCodes) => unique([...pairs.values()].flatMap((codes) => [...codes]));

/** Each zone's computable codes asked by any of its keys. */
function askedCodes(keys: readonly ComputedFiguresKey[]): ZoneCodes {
  const asked: ZoneCodes = new Map();
  for (const { zoneId, codes } of keys) for (const { code } of derivationsFor(codes)) addPair(asked, zoneId, code);
  return asked;
}

/**
 * Each existing zone at its current version, holding the outcomes `memo` has at that version;
 * `missing`, the asked (zone, code) pairs it has not.
 */
function outcomesInMemory(asked: ZoneCodes, versions: ReadonlyMap<string, string>, memo: OutcomeMemo): { kept: Map<string, KeptZone>; missing: ZoneCodes } {
  const kept = new Map<string, KeptZone>();
  const missing: ZoneCodes = new Map();
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
  return { kept, missing };
}

/**
 * Adds to `kept` (and `memo`) the `missing` outcomes `computed_figure` holds at each zone's current
 * version (one statement); returns the pairs still missing.
 */
async function outcomesInTable(dataSource: DataSource, kept: Map<string, KeptZone>, missing: ZoneCodes, memo: OutcomeMemo): Promise<ZoneCodes> {
  const stored = await readKeptOutcomes(dataSource, [...missing.keys()], codesIn(missing), RULES_DIGEST);
  for (const { zoneId, code, dataVersion, outcome } of stored) {
    const zone = kept.get(zoneId);
    // Kept at an earlier version (or a later one, written since the versions were read): computed later.
    if (zone?.dataVersion !== dataVersion || !missing.get(zoneId)?.has(code)) continue;
    zone.outcomes.set(code, outcome);
    memo.set(zoneId, code, dataVersion, outcome);
  }
  const stillMissing: ZoneCodes = new Map();
  for (const [zoneId, codes] of missing) for (const code of codes) if (!kept.get(zoneId)?.outcomes.has(code)) addPair(stillMissing, zoneId, code);
  return stillMissing;
}

/**
 * The aggregates of the `missing` pairs, in one statement. A zone written since its version was
 * read would mix the outcomes already in `kept` (older) with its fresh ones: every code the batch
 * asks of such a zone is computed again, in one snapshot (one more statement, only in that race),
 * and `kept` and `missing` are reset for it.
 */
async function freshAggregates(
  dataSource: DataSource,
  kept: Map<string, KeptZone>,
  asked: ZoneCodes,
  missing: ZoneCodes,
): Promise<Map<string, ZoneAggregates>> {
  const fresh = await readZoneAggregates(dataSource, [...missing.keys()], derivationsFor(codesIn(missing)));
  const raced = [...fresh].filter(([zoneId, zone]) => zone.dataVersion !== kept.get(zoneId)?.dataVersion).map(([zoneId]) => zoneId);
  if (raced.length === 0) return fresh;
  const racedAsked: ZoneCodes = new Map(raced.map((zoneId) => [zoneId, asked.get(zoneId)!]));
  const again = await readZoneAggregates(dataSource, raced, derivationsFor(codesIn(racedAsked)));
  for (const zoneId of raced) {
    const zone = again.get(zoneId);
    missing.set(zoneId, new Set(asked.get(zoneId)));
    if (zone) {
      kept.set(zoneId, { dataVersion: zone.dataVersion, outcomes: new Map() });
      fresh.set(zoneId, zone);
    } else {
      kept.delete(zoneId);
      fresh.delete(zoneId);
    }
  }
  return fresh;
}

/** Computes the `missing` pairs, adds them to `kept` and `memo` and keeps them in `computed_figure`: two statements (three in a race). */
async function computeMissing(dataSource: DataSource, kept: Map<string, KeptZone>, asked: ZoneCodes, missing: ZoneCodes, memo: OutcomeMemo): Promise<void> {
  const fresh = await freshAggregates(dataSource, kept, asked, missing);
  const toKeep: KeptOutcome[] = [];
  for (const [zoneId, codes] of missing) {
    const zone = fresh.get(zoneId);
    const keptZone = kept.get(zoneId);
    if (!zone || !keptZone) continue;
    for (const [code, outcome] of outcomesOf(assessZone(zone.aggregate, zone.records, derivationsFor([...codes])))) {
      keptZone.outcomes.set(code, outcome);
      memo.set(zoneId, code, zone.dataVersion, outcome);
      toKeep.push({ zoneId, code, dataVersion: zone.dataVersion, outcome });
    }
  }
  await keepFigures(dataSource, toKeep, RULES_DIGEST);
}

/** Each key's assessment, and the data version each zone's answer is at. */
export interface AssessmentsAtVersions {
  readonly answers: ZoneAssessment[];
  /** Per zone asked at least one computable code that exists. */
  readonly versions: Map<string, string>;
}

/**
 * `assessZones`, from the zones' data versions read by the caller (`versions`: each existing
 * zone's). A zone written since (a race) is answered at its later version, which `versions` in the
 * answer tells.
 */
export async function assessZonesAt(
  dataSource: DataSource,
  keys: readonly ComputedFiguresKey[],
  memo: OutcomeMemo,
  versions: ReadonlyMap<string, string>,
): Promise<AssessmentsAtVersions> {
  return assessAsked(dataSource, keys, askedCodes(keys), memo, versions);
}

/** `assessZonesAt` for the codes each zone is `asked`. */
async function assessAsked(
  dataSource: DataSource,
  keys: readonly ComputedFiguresKey[],
  asked: ZoneCodes,
  memo: OutcomeMemo,
  versions: ReadonlyMap<string, string>,
): Promise<AssessmentsAtVersions> {
  if (asked.size === 0) return { answers: keys.map(nothing), versions: new Map() };
  const { kept, missing } = outcomesInMemory(asked, versions, memo);
  const notKept = missing.size > 0 ? await outcomesInTable(dataSource, kept, missing, memo) : missing;
  if (notKept.size > 0) await computeMissing(dataSource, kept, asked, notKept, memo);
  return {
    answers: keys.map(({ zoneId, codes }) => assessmentOf(kept.get(zoneId), codes)),
    versions: new Map([...kept].map(([zoneId, zone]) => [zoneId, zone.dataVersion])),
  };
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
  const asked = askedCodes(keys);
  if (asked.size === 0) return keys.map(nothing);
  const versions = await readDataVersions(dataSource, [...asked.keys()]);
  return (await assessAsked(dataSource, keys, asked, memo, versions)).answers;
}
