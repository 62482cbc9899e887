import type { Derivation } from '@devzone/catalogue';
import { isPresent, round4, type Cell } from './cell';
import { missingCell } from './selectFigure';

/** The same period a year earlier: `2021` → `2020`, `2021-01/2021-08` → `2020-01/2020-08`. */
export function periodYearBefore(period: string): string {
  return period.replace(/(^|\/)(\d{4})/g, (_, start: string, year: string) => `${start}${Number(year) - 1}`);
}

/**
 * Year-on-year growth from a zone's own figures: (current ÷ previous − 1) × 100,
 * where previous covers the same period a year earlier. EXACT only when both
 * figures are; any bound or estimate makes the growth ABOUT (a ratio of lower
 * bounds bounds nothing).
 */
export function deriveGrowth(
  zoneId: string,
  code: string,
  unit: string,
  derivation: Extract<Derivation, { kind: 'growth' }>,
  current: Cell,
  previous: Cell,
): Cell {
  const inputs = [current, previous];
  if (!isPresent(current)) {
    return { ...missingCell(zoneId, code, `cannot compute ${derivation.formula}: ${derivation.base} is missing`), unit, inputs };
  }
  if (!isPresent(previous)) {
    return {
      ...missingCell(
        zoneId,
        code,
        `cannot compute ${derivation.formula}: needs ${derivation.base} for ${periodYearBefore(current.period ?? '')} as well, a year before ${current.period}`,
      ),
      unit,
      inputs,
    };
  }
  if (previous.value === 0)
    return { ...missingCell(zoneId, code, `cannot compute ${derivation.formula}: ${derivation.base} is 0 in ${previous.period}`), unit, inputs };
  return {
    zoneId,
    code,
    status: 'PRESENT',
    value: round4((current.value / previous.value - 1) * 100),
    unit,
    qualifier: current.qualifier === 'EXACT' && previous.qualifier === 'EXACT' ? 'EXACT' : 'ABOUT',
    period: current.period,
    periodBasis: `against ${previous.period}`,
    provenance: { kind: 'DERIVED', document: null, passage: null, computation: derivation.formula },
    inputs,
    note: null,
  };
}
