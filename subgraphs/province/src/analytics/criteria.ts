import { indicatorByCode } from '@devzone/catalogue';
import { ERRORS } from '@devzone/errors';

/** A criterion with everything resolved: plain JSON, so a saved run can store it. */
export interface ResolvedCriterion {
  indicator: string;
  weight: number;
  direction: 'benefit' | 'cost';
  bounds: { unacceptable: number; satisfactory: number } | null;
}

export interface CriterionRequest {
  indicator: string;
  weight?: number | null;
  direction?: 'BENEFIT' | 'COST' | 'NEUTRAL' | null;
  unacceptable?: number | null;
  satisfactory?: number | null;
}

const badInput = (field: string, message: string) => ERRORS.BAD_USER_INPUT.err(`${field}: ${message}`, { field });

/**
 * Checks criteria against the catalogue and fills defaults: weight 1, the
 * catalogue's direction. NEUTRAL indicators need a direction from the analyst;
 * bounds come in pairs. Errors name `field[i].<name>`.
 */
export function resolveCriteria(requests: readonly CriterionRequest[], field: string): ResolvedCriterion[] {
  if (requests.length === 0) throw badInput(field, 'give at least one criterion');
  if (requests.length > 30) throw badInput(field, 'at most 30 criteria');
  return requests.map((request, i) => {
    const at = `${field}[${i}]`;
    const definition = indicatorByCode(request.indicator);
    if (!definition) throw badInput(`${at}.indicator`, `unknown indicator code "${request.indicator}" (see indicatorCatalogue)`);
    if (requests.findIndex((r) => r.indicator === request.indicator) !== i)
      throw badInput(`${at}.indicator`, `indicator "${request.indicator}" is listed twice`);
    const asked = request.direction ?? definition.direction.toUpperCase();
    if (asked === 'NEUTRAL') throw badInput(`${at}.direction`, `"${request.indicator}" is descriptive (NEUTRAL) in the catalogue: say BENEFIT or COST`);
    const weight = request.weight ?? 1;
    if (!Number.isFinite(weight) || weight < 0) throw badInput(`${at}.weight`, 'must be a number ≥ 0');
    const hasU = request.unacceptable !== undefined && request.unacceptable !== null;
    const hasS = request.satisfactory !== undefined && request.satisfactory !== null;
    if (hasU !== hasS) throw badInput(`${at}.${hasU ? 'satisfactory' : 'unacceptable'}`, 'give both unacceptable and satisfactory, or neither');
    return {
      indicator: request.indicator,
      weight,
      direction: asked === 'COST' ? 'cost' : 'benefit',
      bounds: hasU ? { unacceptable: request.unacceptable as number, satisfactory: request.satisfactory as number } : null,
    };
  });
}
