import { derivationInputs, indicatorByCode, type IndicatorDefinition } from '@devzone/catalogue';
import type { FigureReadOptions, UnassessedIndicator, ZoneFigure, ZoneIndustryProfile, ZoneReader, ZoneReadFailure } from '../zoneReader/zoneReader';
import type { Cell, ValuePolicy } from './cell';
import { deriveGrowth, periodYearBefore } from './deriveGrowth';
import { deriveCell } from './derive';
import { indexFigures, type FiguresOf } from './figureIndex';
import { missingCell, selectFigure } from './selectFigure';

export interface CellTable {
  /** cells[zoneId][code] */
  cells: Record<string, Record<string, Cell>>;
  failures: ZoneReadFailure[];
  /** Industry profiles of the zones that answered, when asked for. */
  profiles?: ZoneIndustryProfile[];
}

/** The codes to read from zones: derived indicators are replaced by their inputs. */
export function storedCodes(codes: readonly string[]): string[] {
  const needed = new Set<string>();
  for (const code of codes) {
    const derivation = indicatorByCode(code)?.derivation;
    for (const input of derivation ? derivationInputs(derivation) : [code]) needed.add(input);
  }
  return [...needed].sort();
}

/** The zones' reasons for indicators they declared not assessable, by zone and code. */
type UnassessedReasons = (zoneId: string, code: string) => string | null;

function unassessedReasons(unassessed: readonly UnassessedIndicator[]): UnassessedReasons {
  const byKey = new Map(unassessed.map((u) => [`${u.zoneId}\u0000${u.code}`, u.reason]));
  return (zoneId, code) => byKey.get(`${zoneId}\u0000${code}`) ?? null;
}

/** One cell: a stored figure chosen by `policy`, or a derived indicator computed from the zone's own figures. */
function cellFor(zoneId: string, code: string, figuresOf: FiguresOf, policy: ValuePolicy, reasons: UnassessedReasons): Cell {
  const pick = (stored: string, from: readonly ZoneFigure[] = figuresOf(zoneId, stored), p: ValuePolicy = policy) =>
    selectFigure(zoneId, stored, from, p, reasons(zoneId, stored));
  const definition: IndicatorDefinition | undefined = indicatorByCode(code);
  const derivation = definition?.derivation;
  if (!definition || !derivation) return pick(code);
  if (derivation.kind === 'ratio') {
    return deriveCell(zoneId, code, definition.unit, derivation, pick(derivation.numerator), pick(derivation.denominator));
  }
  const current = pick(derivation.base);
  const earlier = current.period ? periodYearBefore(current.period) : null;
  const previous = earlier
    ? pick(
        derivation.base,
        figuresOf(zoneId, derivation.base).filter((f) => f.period === earlier),
        { ...policy, period: undefined },
      )
    : missingCell(zoneId, derivation.base, 'no current figure');
  return deriveGrowth(zoneId, code, definition.unit, derivation, current, previous);
}

/**
 * Reads every figure the zones hold for `codes` (one round trip per zone
 * service, through the reader), picks one per cell by `policy`, and derives
 * derived indicators. A missing cell carries the zone's reason when the zone
 * declared the indicator not assessable. A zone that failed gets ZONE_UNAVAILABLE cells.
 */
export async function resolveCells(
  reader: ZoneReader,
  zoneIds: readonly string[],
  codes: readonly string[],
  policy: ValuePolicy,
  options: FigureReadOptions = {},
): Promise<CellTable> {
  const { figures, unassessed, failures, profiles } =
    zoneIds.length === 0
      ? { figures: [], unassessed: [], failures: [], profiles: options.industryProfiles ? [] : undefined }
      : await reader.figures(zoneIds, storedCodes(codes), options);
  const reasons = unassessedReasons(unassessed);
  const figuresOf = indexFigures(figures);
  const failed = new Map(failures.map((f) => [f.zoneId, f]));
  const cells: CellTable['cells'] = {};
  for (const zoneId of zoneIds) {
    cells[zoneId] = {};
    for (const code of codes) {
      const failure = failed.get(zoneId);
      if (failure) {
        cells[zoneId][code] = { ...missingCell(zoneId, code, failure.message), status: 'ZONE_UNAVAILABLE' };
        continue;
      }
      cells[zoneId][code] = cellFor(zoneId, code, figuresOf, policy, reasons);
    }
  }
  return { cells, failures, ...(profiles ? { profiles } : {}) };
}
