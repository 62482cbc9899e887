import type { DirectoryZoneRow, OnsiteMeetingHostRow, OnsiteMeetingRow, ProvinceRow } from '../db/entities';
import { MeetingPrecision, OnsiteMeeting, Province, SourceReference, Zone, ZoneLevel } from './types/directory.types';

export const toProvince = (row: ProvinceRow): Province => Object.assign(new Province(), { code: row.code, nameZh: row.nameZh, nameEn: row.nameEn });

export function toZone(row: DirectoryZoneRow): Zone {
  return Object.assign(new Zone(), {
    id: row.id,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    city: row.city,
    level: row.level.toUpperCase() as ZoneLevel,
    directorySource:
      row.sourceDocument && row.sourcePassage ? Object.assign(new SourceReference(), { document: row.sourceDocument, passage: row.sourcePassage }) : null,
    provinceCode: row.provinceCode,
  });
}

export function toMeeting(row: OnsiteMeetingRow, hosts: readonly OnsiteMeetingHostRow[]): OnsiteMeeting {
  return Object.assign(new OnsiteMeeting(), {
    id: row.id,
    title: row.title,
    period: row.period,
    precision: row.precision.toUpperCase() as MeetingPrecision,
    source: Object.assign(new SourceReference(), { document: row.sourceDocument, passage: row.sourcePassage }),
    provinceCode: row.provinceCode,
    hostZoneIds: hosts.filter((h) => h.meetingId === row.id).map((h) => h.zoneId),
  });
}
