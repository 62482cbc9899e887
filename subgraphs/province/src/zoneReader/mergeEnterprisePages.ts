import type { EnterpriseSummary, ZonePageOfEnterprises } from './zoneReader';

type Compare = (a: EnterpriseSummary, b: EnterpriseSummary) => number;

// Code-point order, the same as the zone services' ORDER BY ... COLLATE "C".
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const descNullsLast = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);

const COMPARATORS: Record<string, Compare> = {
  NAME_ASC: (a, b) => byText(a.nameZh, b.nameZh) || byText(a.id, b.id),
  NAME_DESC: (a, b) => byText(b.nameZh, a.nameZh) || byText(a.id, b.id),
  EMPLOYEES_DESC: (a, b) => descNullsLast(a.employees, b.employees) || byText(a.id, b.id),
  OUTPUT_DESC: (a, b) => descNullsLast(a.outputValue, b.outputValue) || byText(a.id, b.id),
  TAX_DESC: (a, b) => descNullsLast(a.tax, b.tax) || byText(a.id, b.id),
};

/** Merges each zone's first rows into one province-wide order, the same order each zone used. */
export function mergeEnterprisePages(pages: readonly ZonePageOfEnterprises[], orderBy: string, offset: number, first: number) {
  const compare = COMPARATORS[orderBy];
  if (!compare) throw new Error(`unknown order "${orderBy}"`);
  const merged = pages.flatMap((p) => p.items).sort(compare);
  return {
    totalCount: pages.reduce((sum, p) => sum + p.totalCount, 0),
    items: merged.slice(offset, offset + first),
  };
}
