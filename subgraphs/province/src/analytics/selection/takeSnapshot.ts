import { In, type DataSource } from 'typeorm';
import { OnsiteMeetingHostRow, OnsiteMeetingRow } from '../../db/entities';
import type { FigureReadOptions, ZoneReader } from '../../zoneReader/zoneReader';
import { resolveZoneScope, type ScopeResolution } from '../candidateZones';
import { readZoneCells } from '../readZoneCells';
import { indicatorsRead, type SelectionSettings } from './settings';
import type { HostingRecord, SelectionSnapshot } from './snapshot';

/** The candidates are the zones the caller (`principal`) may read: a re-run never reads more than its caller could. */
export interface SnapshotSources extends ScopeResolution {
  readonly zoneReader: ZoneReader;
}

/** What of the figures a snapshot reads: their texts unless `provenanceText` is false (a snapshot that is kept needs them). */
export type SnapshotReadOptions = Pick<FigureReadOptions, 'provenanceText'>;

/**
 * Reads what a selection needs, now: the candidate zones from the directory,
 * their figures through the gateway (one round trip per zone service), and
 * their on-site meeting history from the province database.
 */
export async function takeSnapshot(sources: SnapshotSources, settings: SelectionSettings, read: SnapshotReadOptions = {}): Promise<SelectionSnapshot> {
  const scoped = await resolveZoneScope(sources, { zoneIds: settings.zoneIds, provinces: settings.provinces }, 'input');
  const zoneIds = scoped.zones.map((z) => z.id);
  const [table, hosting] = await Promise.all([
    readZoneCells(
      sources.zoneReader,
      scoped,
      indicatorsRead(settings),
      {
        source: settings.source,
        computedOverNamedOnly: settings.computedOverNamedOnly ?? false,
        ...(settings.period ? { period: settings.period } : {}),
      },
      read,
    ),
    hostingOf(sources.dataSource, zoneIds),
  ]);
  return {
    takenAt: new Date().toISOString(),
    zones: scoped.zones.map((z) => ({ id: z.id, provinceCode: z.provinceCode })),
    cells: table.cells,
    failures: table.failures,
    hosting,
  };
}

async function hostingOf(dataSource: DataSource, zoneIds: readonly string[]): Promise<HostingRecord[]> {
  if (zoneIds.length === 0) return [];
  const links = await dataSource.getRepository(OnsiteMeetingHostRow).findBy({ zoneId: In([...zoneIds]) });
  if (links.length === 0) return [];
  const meetings = new Map((await dataSource.getRepository(OnsiteMeetingRow).findBy({ id: In(links.map((l) => l.meetingId)) })).map((m) => [m.id, m]));
  return links
    .map((link) => {
      const meeting = meetings.get(link.meetingId)!;
      return {
        zoneId: link.zoneId,
        meetingId: meeting.id,
        title: meeting.title,
        period: meeting.period,
        precision: meeting.precision as HostingRecord['precision'],
        document: meeting.sourceDocument,
      };
    })
    .sort((a, b) => a.zoneId.localeCompare(b.zoneId) || a.meetingId.localeCompare(b.meetingId));
}
