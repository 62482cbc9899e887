import type { AllianceRow, EnterpriseRow, HonorRow, PartyOrganizationRow, ServiceStationRow, UpkeepAuditRow, ZoneRow } from '../db/entities';
import { Alliance } from './types/alliance.type';
import { countValue } from './types/countValue.type';
import { Enterprise, Patents } from './types/enterprise.type';
import type { EnterpriseFlag, HonorLevel, PartyOrganizationType, RecordCompleteness, StationKind } from './types/enums';
import { Honor } from './types/honor.type';
import { PartyOrganization } from './types/partyOrganization.type';
import { provenanceOf } from './types/provenance.type';
import { ServiceStation } from './types/serviceStation.type';
import { UpkeepAuditEntry, type UpkeepAction } from './types/upkeep.types';
import { ZoneRecords } from './types/zoneRecords.type';

export function toEnterprise(row: EnterpriseRow): Enterprise {
  const patents =
    row.inventionPatents === null && row.utilityPatents === null
      ? null
      : Object.assign(new Patents(), { invention: row.inventionPatents ?? 0, utility: row.utilityPatents ?? 0 });
  return Object.assign(new Enterprise(), {
    id: row.id,
    zoneId: row.zoneId,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    creditCode: row.creditCode,
    industry: row.industry,
    flags: row.flags.map((flag) => flag.toUpperCase() as EnterpriseFlag),
    employees: countValue(row.employees, row.employeesQualifier),
    outputValue: row.outputValue,
    tax: row.tax,
    patents,
    provenance: provenanceOf(row),
  });
}

export function toPartyOrganization(row: PartyOrganizationRow): PartyOrganization {
  return Object.assign(new PartyOrganization(), {
    id: row.id,
    zoneId: row.zoneId,
    nameZh: row.nameZh,
    type: row.type.toUpperCase() as PartyOrganizationType,
    memberCount: countValue(row.memberCount, row.memberCountQualifier),
    foundedOn: row.foundedOn,
    starRating: row.starRating,
    brand: row.brand,
    provenance: provenanceOf(row),
    parentId: row.parentId,
  });
}

export function toHonor(row: HonorRow): Honor {
  return Object.assign(new Honor(), {
    id: row.id,
    title: row.title,
    level: row.level.toUpperCase() as HonorLevel,
    year: row.year,
    awardedBy: row.awardedBy,
    provenance: provenanceOf(row),
    holderKind: row.holderKind,
    holderId: row.holderId,
  });
}

export function toAlliance(row: AllianceRow): Alliance {
  return Object.assign(new Alliance(), { id: row.id, nameZh: row.nameZh, description: row.description, provenance: provenanceOf(row) });
}

export function toServiceStation(row: ServiceStationRow): ServiceStation {
  return Object.assign(new ServiceStation(), {
    id: row.id,
    nameZh: row.nameZh,
    kind: row.kind.toUpperCase() as StationKind,
    areaSqm: row.areaSqm,
    provenance: provenanceOf(row),
    hostEnterpriseId: row.hostEnterpriseId,
  });
}

export function toZoneRecords(row: ZoneRow): ZoneRecords {
  const upper = (completeness: string) => completeness.toUpperCase() as RecordCompleteness;
  return Object.assign(new ZoneRecords(), {
    enterprises: upper(row.enterprisesCompleteness),
    partyOrganizations: upper(row.partyOrganizationsCompleteness),
    honors: upper(row.honorsCompleteness),
    alliances: upper(row.alliancesCompleteness),
    serviceStations: upper(row.serviceStationsCompleteness),
    asOf: row.recordsAsOf,
  });
}

export function toUpkeepAuditEntry(row: UpkeepAuditRow): UpkeepAuditEntry {
  return Object.assign(new UpkeepAuditEntry(), {
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    entityKind: row.entityKind,
    naturalKey: row.naturalKey,
    recordId: row.recordId,
    action: row.action.toUpperCase() as UpkeepAction,
    before: row.before,
    after: row.after,
    importId: row.importId,
  });
}
