import type { Completeness } from '../records/recordKinds';
import type { AllianceRow, EnterpriseRow, HonorRow, IndicatorReportRow, PartyOrganizationRow, ServiceStationRow, ZoneRow } from '../db/entities';

// A snapshot is a record as the audit stores it (`before`, `after`) and as
// upkeep compares it: the row's columns in plain JSON, with the links that
// belong to it (an organization's covered enterprises, an alliance's members).

interface Provenance {
  sourceDocument: string | null;
  sourcePassage: string | null;
  synthetic: boolean;
  /** Who entered the current values through upkeep; null for seeded values. */
  enteredBy: string | null;
  /** ISO 8601. */
  enteredAt: string | null;
}

export interface EnterpriseSnapshot extends Provenance {
  id: string;
  zoneId: string;
  nameZh: string;
  nameEn: string | null;
  creditCode: string | null;
  industry: string | null;
  flags: string[];
  employees: number | null;
  employeesQualifier: string | null;
  outputValue: number | null;
  tax: number | null;
  inventionPatents: number | null;
  utilityPatents: number | null;
}

export interface PartyOrganizationSnapshot extends Provenance {
  id: string;
  zoneId: string;
  nameZh: string;
  type: string;
  parentId: string | null;
  memberCount: number | null;
  memberCountQualifier: string | null;
  foundedOn: string | null;
  starRating: number | null;
  brand: string | null;
  /** Covered enterprises, sorted. */
  enterpriseIds: string[];
}

export interface HonorSnapshot extends Provenance {
  id: string;
  zoneId: string;
  title: string;
  level: string;
  year: number | null;
  awardedBy: string | null;
  holderKind: string;
  holderId: string;
}

export interface IndicatorReportSnapshot extends Provenance {
  /** Null until stored (the database numbers reports). */
  id: number | null;
  zoneId: string;
  code: string;
  period: string;
  scope: string;
  periodBasis: string;
  value: number;
  qualifier: string;
  unit: string;
  note: string | null;
  citationTitle: string | null;
  citationUrl: string | null;
  citationDate: string | null;
}

export interface AllianceSnapshot {
  id: string;
  zoneId: string;
  nameZh: string;
  description: string | null;
  /** Sorted by member id. */
  members: { memberId: string; memberKind: string }[];
  sourceDocument: string | null;
  sourcePassage: string | null;
  synthetic: boolean;
}

export interface ServiceStationSnapshot {
  id: string;
  zoneId: string;
  nameZh: string;
  kind: string;
  hostEnterpriseId: string | null;
  areaSqm: number | null;
  sourceDocument: string | null;
  sourcePassage: string | null;
  synthetic: boolean;
}

export interface ZoneSnapshot {
  id: string;
  nameZh: string;
  nameEn: string;
  synthetic: boolean;
  enterprisesCompleteness: Completeness;
  partyOrganizationsCompleteness: Completeness;
  honorsCompleteness: Completeness;
  alliancesCompleteness: Completeness;
  serviceStationsCompleteness: Completeness;
  recordsAsOf: string | null;
}

const provenance = (row: {
  sourceDocument: string | null;
  sourcePassage: string | null;
  synthetic: boolean;
  enteredBy: string | null;
  enteredAt: Date | null;
}) => ({
  sourceDocument: row.sourceDocument,
  sourcePassage: row.sourcePassage,
  synthetic: row.synthetic,
  enteredBy: row.enteredBy,
  enteredAt: row.enteredAt?.toISOString() ?? null,
});

export function enterpriseSnapshot(row: EnterpriseRow): EnterpriseSnapshot {
  return {
    id: row.id,
    zoneId: row.zoneId,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    creditCode: row.creditCode,
    industry: row.industry,
    flags: [...row.flags].sort(),
    employees: row.employees,
    employeesQualifier: row.employeesQualifier,
    outputValue: row.outputValue,
    tax: row.tax,
    inventionPatents: row.inventionPatents,
    utilityPatents: row.utilityPatents,
    ...provenance(row),
  };
}

export function partyOrganizationSnapshot(row: PartyOrganizationRow, enterpriseIds: readonly string[]): PartyOrganizationSnapshot {
  return {
    id: row.id,
    zoneId: row.zoneId,
    nameZh: row.nameZh,
    type: row.type,
    parentId: row.parentId,
    memberCount: row.memberCount,
    memberCountQualifier: row.memberCountQualifier,
    foundedOn: row.foundedOn,
    starRating: row.starRating,
    brand: row.brand,
    enterpriseIds: [...enterpriseIds].sort(),
    ...provenance(row),
  };
}

export function honorSnapshot(row: HonorRow): HonorSnapshot {
  return {
    id: row.id,
    zoneId: row.zoneId,
    title: row.title,
    level: row.level,
    year: row.year,
    awardedBy: row.awardedBy,
    holderKind: row.holderKind,
    holderId: row.holderId,
    ...provenance(row),
  };
}

export function indicatorReportSnapshot(row: IndicatorReportRow): IndicatorReportSnapshot {
  return {
    id: row.id,
    zoneId: row.zoneId,
    code: row.code,
    period: row.period,
    scope: row.scope,
    periodBasis: row.periodBasis,
    value: row.value,
    qualifier: row.qualifier,
    unit: row.unit,
    note: row.note,
    citationTitle: row.citationTitle,
    citationUrl: row.citationUrl,
    citationDate: row.citationDate,
    ...provenance(row),
  };
}

export function allianceSnapshot(row: AllianceRow, members: readonly { memberId: string; memberKind: string }[]): AllianceSnapshot {
  return {
    id: row.id,
    zoneId: row.zoneId,
    nameZh: row.nameZh,
    description: row.description,
    members: sortMembers(members),
    sourceDocument: row.sourceDocument,
    sourcePassage: row.sourcePassage,
    synthetic: row.synthetic,
  };
}

export function sortMembers(members: readonly { memberId: string; memberKind: string }[]): { memberId: string; memberKind: string }[] {
  return [...members]
    .map((m) => ({ memberId: m.memberId, memberKind: m.memberKind }))
    .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
}

export function serviceStationSnapshot(row: ServiceStationRow): ServiceStationSnapshot {
  return {
    id: row.id,
    zoneId: row.zoneId,
    nameZh: row.nameZh,
    kind: row.kind,
    hostEnterpriseId: row.hostEnterpriseId,
    areaSqm: row.areaSqm,
    sourceDocument: row.sourceDocument,
    sourcePassage: row.sourcePassage,
    synthetic: row.synthetic,
  };
}

export function zoneSnapshot(row: ZoneRow): ZoneSnapshot {
  return {
    id: row.id,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    synthetic: row.synthetic,
    enterprisesCompleteness: row.enterprisesCompleteness,
    partyOrganizationsCompleteness: row.partyOrganizationsCompleteness,
    honorsCompleteness: row.honorsCompleteness,
    alliancesCompleteness: row.alliancesCompleteness,
    serviceStationsCompleteness: row.serviceStationsCompleteness,
    recordsAsOf: row.recordsAsOf,
  };
}

/** Where a record's values came from: upkeep compares what a record says, not who said it. */
const PROVENANCE_FIELDS = new Set(['sourceDocument', 'sourcePassage', 'synthetic', 'enteredBy', 'enteredAt']);

/** Whether two snapshots say the same, ignoring provenance (and the fields listed in `ignore`). */
export function sameContent(a: object, b: object, ignore: readonly string[] = []): boolean {
  const skip = new Set([...PROVENANCE_FIELDS, ...ignore]);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !skip.has(k)));
  for (const key of keys) {
    if (JSON.stringify((a as Record<string, unknown>)[key]) !== JSON.stringify((b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Whether two snapshots are identical, provenance included (a seed restates its source), except `ignore`. */
export function sameSnapshot(a: object, b: object, ignore: readonly string[] = []): boolean {
  const skip = new Set(ignore);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !skip.has(k)));
  for (const key of keys) {
    if (JSON.stringify((a as Record<string, unknown>)[key]) !== JSON.stringify((b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
