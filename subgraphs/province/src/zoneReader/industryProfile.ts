import type { RecordCompleteness, ZoneIndustryProfile } from './zoneReader';

/** A zone's enterprise records read per industry text, from the sample of records read. */
export function industryProfileOf(
  zoneId: string,
  { totalCount, items }: { totalCount: number; items: readonly { industry: string | null }[] },
  enterpriseRecords: RecordCompleteness | null,
): ZoneIndustryProfile {
  const counts = new Map<string, number>();
  let unknownIndustry = 0;
  for (const { industry } of items) {
    if (industry === null || industry.trim() === '') unknownIndustry += 1;
    else counts.set(industry, (counts.get(industry) ?? 0) + 1);
  }
  return {
    zoneId,
    industries: [...counts].map(([industry, enterprises]) => ({ industry, enterprises })),
    unknownIndustry,
    enterprisesRead: items.length,
    totalCount,
    enterpriseRecords,
  };
}
