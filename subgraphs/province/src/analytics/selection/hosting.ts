import type { SelectionSettings } from './settings';
import type { HostingRecord } from './snapshot';

const years = (period: string) => period.split('/').map((part) => Number(part.slice(0, 4)));

/**
 * Why a zone counts as a recent host, or null. A meeting counts when its
 * latest possible year is within the last N years up to `asOfYear`
 * (year > asOfYear − N): a span such as 2018/2019 ("2018、2019年先后…", no
 * year per host) is taken at its end, so an uncertain host is never treated
 * as having hosted longer ago than the source allows. Announced meetings count
 * unless `countAnnouncedMeetings` is off.
 */
export function recentHosting(zoneId: string, hosting: readonly HostingRecord[], settings: SelectionSettings): string | null {
  const n = settings.excludeHostedWithinYears;
  if (n === null) return null;
  const since = settings.asOfYear - n + 1;
  const hits = hosting
    .filter((h) => h.zoneId === zoneId && (settings.countAnnouncedMeetings || h.precision !== 'announced'))
    .filter((h) => Math.max(...years(h.period)) >= since)
    .sort((a, b) => a.period.localeCompare(b.period) || a.meetingId.localeCompare(b.meetingId));
  if (hits.length === 0) return null;
  const described = hits.map((h) => {
    const how =
      h.precision === 'within_period'
        ? `within ${h.period}; the source gives only the span, taken at its latest year`
        : h.precision === 'announced'
          ? `announced for ${h.period}, not confirmed as held`
          : h.period;
    return `"${h.title}" (${how}; ${h.document})`;
  });
  return `hosted a provincial on-site meeting in ${since}–${settings.asOfYear} or later: ${described.join('; ')}`;
}
