/** Units every indicator value is stored in; the catalogue fixes one per indicator. */
export const UNITS = {
  count: { zh: '个', en: 'count' },
  person: { zh: '人', en: 'persons' },
  person_time: { zh: '人次', en: 'person-times' },
  percent: { zh: '%', en: 'percent' },
  cny_100m: { zh: '亿元', en: 'CNY 100 million' },
  cny_10k: { zh: '万元', en: 'CNY 10 thousand' },
  cny: { zh: '元', en: 'CNY' },
  sqm: { zh: '平方米', en: 'square metres' },
  item: { zh: '件/项/条', en: 'items' },
  per_100_enterprises: { zh: '个/百家企业', en: 'per 100 enterprises' },
  persons_per_org: { zh: '人/个', en: 'persons per organization' },
  per_org: { zh: '项/个', en: 'per organization' },
} as const;

export type UnitCode = keyof typeof UNITS;

/** The Chinese label of a unit code; the code itself when it is not a known unit. */
export function unitLabel(unit: string): string {
  return unit in UNITS ? UNITS[unit as UnitCode].zh : unit;
}
