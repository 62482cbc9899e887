import type { ServiceHealthState } from '@devzone/registry';
import type { ServiceCheck } from '../datasources/ShardedZonesDataSource';

export interface ClassifiedHealth {
  readonly state: ServiceHealthState;
  readonly detail: string | null;
}

/**
 * `down`: the check failed. `degraded`: it answered, but slower than `slowMs` (half the
 * zone deadline: real requests come close to timing out) or while the service's breaker
 * is not closed (real requests are still refused). `up` otherwise.
 */
export function classifyServiceHealth(check: ServiceCheck, slowMs: number): ClassifiedHealth {
  if (check.status === 'failed') return { state: 'down', detail: check.reason };
  if (check.elapsedMs > slowMs) return { state: 'degraded', detail: `answered in ${check.elapsedMs} ms, more than ${slowMs} ms (half the zone deadline)` };
  if (check.breaker !== 'closed')
    return { state: 'degraded', detail: `answered, but its circuit breaker is ${check.breaker}: requests to it are refused until it closes` };
  return { state: 'up', detail: null };
}
