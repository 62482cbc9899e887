import { derivationInputs, indicatorByCode, type IndicatorDefinition } from '@devzone/catalogue';
import type { FigureReadOptions, ZoneFigure, ZoneIndustryProfile, ZoneReader, ZoneReadFailure } from '../zoneReader/zoneReader';
import type { Cell, ValuePolicy } from './cell';
import { deriveGrowth, periodYearBefore } from './deriveGrowth';
import { deriveCell } from './derive';
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

/** One cell: a stored figure chosen by `policy`, or a derived indicator computed from the zone's own figures. */
function cellFor(zoneId: string, code: string, figures: readonly ZoneFigure[], policy: ValuePolicy): Cell {
  const definition: IndicatorDefinition | undefined = indicatorByCode(code);
  const derivation = definition?.derivation;
  if (!definition || !derivation) return selectFigure(zoneId, code, figures, policy);
  if (derivation.kind === 'ratio') {
    return deriveCell(zoneId, code, definition.unit, derivation, selectFigure(zoneId, derivation.numerator, figures, policy), selectFigure(zoneId, derivation.denominator, figures, policy));
  }
  const current = selectFigure(zoneId, derivation.base, figures, policy);
  const earlier = current.period ? periodYearBefore(current.period) : null;
  const previous = earlier
    ? selectFigure(zoneId, derivation.base, figures.filter((f) => f.period === earlier), { ...policy, period: undefined })
    : missingCell(zoneId, derivation.base, 'no current figure');
  return deriveGrowth(zoneId, code, definition.unit, derivation, current, previous);
}

/**
 * Reads every figure the zones hold for `codes` (one round trip per zone
 * service, through the reader), picks one per cell by `policy`, and derives
 * derived indicators. A zone that failed gets ZONE_UNAVAILABLE cells.
 */
export async function resolveCells(reader: ZoneReader, zoneIds: readonly string[], codes: readonly string[], policy: ValuePolicy, options: FigureReadOptions = {}): Promise<CellTable> {
  const { figures, failures, profiles } = zoneIds.length === 0 ? { figures: [], failures: [], profiles: options.industryProfiles ? [] : undefined } : await reader.figures(zoneIds, storedCodes(codes), options);
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
      cells[zoneId][code] = cellFor(zoneId, code, figures, policy);
    }
  }
  return { cells, failures, ...(profiles ? { profiles } : {}) };
}
