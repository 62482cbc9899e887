import { hasRole, type Principal } from '@devzone/auth';
import type { RegistryProblem } from '../types';

export interface ZonesTouched {
  /** The zones the registration claims, in payload order. */
  readonly claimed?: readonly string[];
  /** The zones the service hosts now (none for a new service). */
  readonly hosted: readonly string[];
  readonly serviceName: string;
  readonly moved?: readonly string[];
  readonly force: boolean;
}

/**
 * Who may make a change to a service's registration: an administrator any; a zone system one
 * whose every zone (claimed, hosted now, moved) is its own, without force.
 */
export function authorizeChange(actor: Principal, { claimed = [], hosted, serviceName, moved = [], force }: ZonesTouched): RegistryProblem[] {
  if (hasRole(actor, 'ADMIN')) return [];
  if (!hasRole(actor, 'ZONE_SYSTEM')) return [{ check: 'authorization', message: 'only an administrator or a zone system may change the registry' }];
  const own = new Set(actor.zoneIds);
  const problems: RegistryProblem[] = [];
  if (force) problems.push({ check: 'authorization', path: 'force', message: 'force is for administrators only' });
  claimed.forEach((zoneId, i) => {
    if (!own.has(zoneId)) problems.push({ check: 'authorization', path: `zones[${i}].id`, message: `this zone system may not claim zone "${zoneId}"` });
  });
  moved.forEach((zoneId, i) => {
    if (!own.has(zoneId)) problems.push({ check: 'authorization', path: `moveZones[${i}]`, message: `this zone system may not move zone "${zoneId}"` });
  });
  for (const zoneId of hosted) {
    if (!own.has(zoneId))
      problems.push({ check: 'authorization', message: `service "${serviceName}" hosts zone "${zoneId}", which this zone system may not change` });
  }
  return problems;
}

/** Changes no zone system makes: rollbacks and recomposition. */
export function authorizeAdministration(actor: Principal, action: string): RegistryProblem[] {
  return hasRole(actor, 'ADMIN') ? [] : [{ check: 'authorization', message: `${action} is for administrators only` }];
}
