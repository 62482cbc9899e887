/**
 * Competition ranks (1, 1, 3) of values, best first in `direction`; a missing value
 * has no rank. The rule compareZones(sort:) ranks by: a lower bound is ranked by its
 * stated bound, i.e. by its value.
 */
export function competitionRanks(values: readonly (number | null)[], direction: 'ASC' | 'DESC'): (number | null)[] {
  const bestFirst = values.filter((value): value is number => value !== null).sort((a, b) => (direction === 'DESC' ? b - a : a - b));
  // A value's rank is 1 + how many values are strictly better: where it first appears, best first.
  const rankOf = new Map<number, number>();
  bestFirst.forEach((value, index) => {
    if (!rankOf.has(value)) rankOf.set(value, index + 1);
  });
  return values.map((value) => (value === null ? null : rankOf.get(value)!));
}
