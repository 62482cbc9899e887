import type { Derivation } from '@devzone/catalogue';
import { isPresent, round4, type Cell } from './cell';
import { missingCell } from './selectFigure';

/**
 * A derived cell from its input cells. Precision: EXACT only when every input
 * is; a lower-bound numerator over an exact denominator stays a lower bound;
 * anything else is ABOUT.
 */
export function deriveCell(
  zoneId: string,
  code: string,
  unit: string,
  derivation: Extract<Derivation, { kind: 'ratio' }>,
  numerator: Cell,
  denominator: Cell,
): Cell {
  const inputs = [numerator, denominator];
  const absent = inputs.filter((c) => !isPresent(c));
  if (absent.length > 0) {
    return { ...missingCell(zoneId, code, `cannot compute ${derivation.formula}: ${absent.map((c) => `${c.code} is missing`).join(', ')}`), unit, inputs };
  }
  if (denominator.value === 0) return { ...missingCell(zoneId, code, `cannot compute ${derivation.formula}: ${denominator.code} is 0`), unit, inputs };
  const qualifier =
    numerator.qualifier === 'EXACT' && denominator.qualifier === 'EXACT'
      ? 'EXACT'
      : numerator.qualifier === 'AT_LEAST' && denominator.qualifier === 'EXACT'
        ? 'AT_LEAST'
        : 'ABOUT';
  const periods = [...new Set(inputs.map((c) => c.period))];
  return {
    zoneId,
    code,
    status: 'PRESENT',
    value: round4(((numerator.value as number) / (denominator.value as number)) * derivation.scale),
    unit,
    qualifier,
    period: periods.join(' & '),
    periodBasis: periods.length > 1 ? 'inputs come from different periods' : numerator.periodBasis,
    provenance: { kind: 'DERIVED', document: null, passage: null, computation: derivation.formula },
    inputs,
    note: periods.length > 1 ? `inputs from periods ${periods.join(' and ')}` : null,
  };
}
