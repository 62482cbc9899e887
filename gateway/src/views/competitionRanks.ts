/**
 * Competition ranks (1, 1, 3) of values, best first in `direction`; a missing value
 * has no rank. The rule compareZones(sort:) ranks by: a lower bound is ranked by its
 * stated bound, i.e. by its value.
 */
export function competitionRanks(values: readonly (number | null)[], direction: 'ASC' | 'DESC'): (number | null)[] {
  const present = values.filter((value): value is number => value !== null);
  const better = (a: number, b: number) => (direction === 'DESC' ? a > b : a < b);
  return values.map((value) => (value === null ? null : 1 + present.filter((other) => better(other, value)).length));
}
