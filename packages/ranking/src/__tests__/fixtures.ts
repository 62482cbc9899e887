/** Test-only helpers (excluded from the build by tsconfig). */
import { mulberry32 } from '../robustness/prng';
import type { Candidate, Criterion } from '../types';

/**
 * Hwang & Yoon (1981) fighter-aircraft example: 4 aircraft, 6 attributes
 * (max speed [Mach], ferry range [NM], max payload [lb], acquisition cost [$10^6],
 * reliability, maneuverability; the last two are qualitative ratings on a 1-9 scale),
 * weights w = (0.2, 0.1, 0.1, 0.1, 0.2, 0.3). Cost is the only cost attribute.
 */
export const FIGHTER_CRITERIA: Criterion[] = [
  { key: 'speed', direction: 'benefit', weight: 0.2 },
  { key: 'range', direction: 'benefit', weight: 0.1 },
  { key: 'payload', direction: 'benefit', weight: 0.1 },
  { key: 'cost', direction: 'cost', weight: 0.1 },
  { key: 'reliability', direction: 'benefit', weight: 0.2 },
  { key: 'maneuverability', direction: 'benefit', weight: 0.3 },
];

export const FIGHTER_CANDIDATES: Candidate[] = [
  { id: 'A1', values: { speed: 2.0, range: 1500, payload: 20000, cost: 5.5, reliability: 5, maneuverability: 9 } },
  { id: 'A2', values: { speed: 2.5, range: 2700, payload: 18000, cost: 6.5, reliability: 3, maneuverability: 5 } },
  { id: 'A3', values: { speed: 1.8, range: 2000, payload: 21000, cost: 4.5, reliability: 7, maneuverability: 7 } },
  { id: 'A4', values: { speed: 2.2, range: 1800, payload: 20000, cost: 5.0, reliability: 5, maneuverability: 5 } },
];

/** A reproducible random problem: m candidates, n criteria, values in (lo, hi), with bounds. */
export function randomProblem(seed: number, m: number, n: number): { criteria: Criterion[]; candidates: Candidate[] } {
  const rng = mulberry32(seed);
  const criteria: Criterion[] = Array.from({ length: n }, (_, j) => {
    const direction = rng() < 0.3 ? 'cost' : 'benefit';
    return {
      key: `c${j}`,
      direction,
      weight: 0.05 + rng(),
      bounds: direction === 'benefit' ? { unacceptable: 10, satisfactory: 90 } : { unacceptable: 90, satisfactory: 10 },
    };
  });
  const candidates: Candidate[] = Array.from({ length: m }, (_, i) => ({
    id: `z${String(i).padStart(2, '0')}`,
    values: Object.fromEntries(criteria.map((c) => [c.key, Math.round((1 + 99 * rng()) * 100) / 100])),
  }));
  return { criteria, candidates };
}

/** Sum of an array. */
export function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
