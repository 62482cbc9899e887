import { indicatorByCode } from '@devzone/catalogue';
import { ERRORS } from '@devzone/errors';
import { isPresent, type Cell } from './cell';

export type SortDirection = 'ASC' | 'DESC';

/** One row's place when rows are sorted on one indicator. */
export interface RankedPosition {
  /** Index of the row in the input. */
  index: number;
  /** Competition rank (1, 1, 3): ties share a rank; null for a row without a value. */
  rank: number | null;
  /** Why the rank is uncertain (lower bound, approximate value) or absent; null for an exact value. */
  note: string | null;
}

function rankNote(cell: Cell, direction: SortDirection): string | null {
  if (!isPresent(cell)) return `no value (${cell.status === 'ZONE_UNAVAILABLE' ? 'zone unavailable' : 'missing'}): listed last, not ranked`;
  if (cell.qualifier === 'AT_LEAST') {
    return `ranked by its lower bound (at least ${cell.value}): the actual value may be higher, so the zone may rank ${direction === 'DESC' ? 'higher' : 'lower'}`;
  }
  if (cell.qualifier === 'ABOUT') return `ranked by an approximate value (about ${cell.value}): the rank may be off where values are close`;
  return null;
}

/**
 * Orders cells (one per row) by value, ascending or descending. A lower bound
 * is ranked by its stated bound and flagged; ties share a rank (competition
 * ranking: 1, 1, 3) and keep the input order; rows without a value come last,
 * in input order, with no rank.
 */
export function rankByIndicator(cells: readonly Cell[], direction: SortDirection): RankedPosition[] {
  const sign = direction === 'ASC' ? 1 : -1;
  const valued = cells.map((cell, index) => ({ cell, index })).filter((e): e is { cell: Cell & { value: number }; index: number } => isPresent(e.cell));
  valued.sort((a, b) => sign * (a.cell.value - b.cell.value) || a.index - b.index);
  let rank = 0;
  const ranked = valued.map(({ cell, index }, i) => {
    if (i === 0 || cell.value !== valued[i - 1].cell.value) rank = i + 1;
    return { index, rank, note: rankNote(cell, direction) };
  });
  const unranked = cells
    .map((cell, index) => ({ cell, index }))
    .filter((e) => !isPresent(e.cell))
    .map(({ cell, index }) => ({ index, rank: null, note: rankNote(cell, direction) }));
  return [...ranked, ...unranked];
}

/**
 * Refuses a sort indicator the catalogue does not define or that is not among
 * the compared indicators, naming `field` (e.g. `sort.indicator`).
 */
export function requireSortIndicator(indicator: string, compared: readonly string[], field: string): void {
  const bad = (message: string) => ERRORS.BAD_USER_INPUT.err(`${field}: ${message}`, { field });
  if (!indicatorByCode(indicator)) throw bad(`unknown indicator code "${indicator}" (see indicatorCatalogue)`);
  if (!compared.includes(indicator))
    throw bad(`"${indicator}" is not among the compared indicators (${compared.join(', ')}): add it to indicators to sort by it`);
}
