import type { EntityManager } from 'typeorm';
import {
  AllianceMemberRow,
  AllianceRow,
  EnterpriseRow,
  HonorRow,
  IndicatorReportRow,
  OrganizationCoverageRow,
  PartyOrganizationRow,
  ServiceStationRow,
} from '../db/entities';
import {
  allianceSnapshot,
  enterpriseSnapshot,
  honorSnapshot,
  indicatorReportSnapshot,
  partyOrganizationSnapshot,
  serviceStationSnapshot,
  type AllianceSnapshot,
  type EnterpriseSnapshot,
  type HonorSnapshot,
  type IndicatorReportSnapshot,
  type PartyOrganizationSnapshot,
  type ServiceStationSnapshot,
} from './snapshots';

// What a batch loads before it is planned: each function is one or two
// statements, whatever the number of rows (arrays go as one parameter).

export interface EnterpriseLookup {
  readonly creditCodes?: readonly string[];
  readonly names?: readonly string[];
  /** Ids, and id prefixes whose numbered variants (`<id>-2` …) count too. */
  readonly ids?: readonly string[];
  readonly idPrefixes?: readonly string[];
}

export async function loadEnterprises(manager: EntityManager, zoneId: string, lookup: EnterpriseLookup): Promise<EnterpriseSnapshot[]> {
  const rows = await manager
    .getRepository(EnterpriseRow)
    .createQueryBuilder('e')
    .where('e.zone_id = :zoneId', { zoneId })
    .andWhere('(e.credit_code = ANY(:codes) OR e.name_zh = ANY(:names) OR e.id = ANY(:ids) OR e.id LIKE ANY(:patterns))', {
      codes: [...(lookup.creditCodes ?? [])],
      names: [...(lookup.names ?? [])],
      ids: [...(lookup.ids ?? [])],
      patterns: (lookup.idPrefixes ?? []).map((prefix) => `${prefix}-%`),
    })
    .getMany();
  return rows.map(enterpriseSnapshot);
}

async function coverageOf(manager: EntityManager, organizationIds: readonly string[]): Promise<Map<string, string[]>> {
  const links =
    organizationIds.length === 0
      ? []
      : await manager
          .getRepository(OrganizationCoverageRow)
          .createQueryBuilder('c')
          .where('c.organization_id = ANY(:ids)', { ids: [...organizationIds] })
          .getMany();
  const byOrganization = new Map<string, string[]>();
  for (const link of links) byOrganization.set(link.organizationId, [...(byOrganization.get(link.organizationId) ?? []), link.enterpriseId]);
  return byOrganization;
}

async function withCoverage(manager: EntityManager, rows: readonly PartyOrganizationRow[]): Promise<PartyOrganizationSnapshot[]> {
  const coverage = await coverageOf(
    manager,
    rows.map((r) => r.id),
  );
  return rows.map((row) => partyOrganizationSnapshot(row, coverage.get(row.id) ?? []));
}

/** Every party organization of the zone, with what it covers: the tree is checked whole (no cycles). */
export async function loadZoneOrganizations(manager: EntityManager, zoneId: string): Promise<PartyOrganizationSnapshot[]> {
  return withCoverage(manager, await manager.getRepository(PartyOrganizationRow).findBy({ zoneId }));
}

export async function loadOrganizationsByName(manager: EntityManager, zoneId: string, names: readonly string[]): Promise<PartyOrganizationSnapshot[]> {
  const rows = await manager
    .getRepository(PartyOrganizationRow)
    .createQueryBuilder('o')
    .where('o.zone_id = :zoneId AND o.name_zh = ANY(:names)', { zoneId, names: [...names] })
    .getMany();
  return withCoverage(manager, rows);
}

export async function loadOrganizationsCovering(manager: EntityManager, enterpriseIds: readonly string[]): Promise<PartyOrganizationSnapshot[]> {
  if (enterpriseIds.length === 0) return [];
  const rows = await manager
    .getRepository(PartyOrganizationRow)
    .createQueryBuilder('o')
    .where('o.id IN (SELECT c.organization_id FROM organization_coverage c WHERE c.enterprise_id = ANY(:ids))', { ids: [...enterpriseIds] })
    .getMany();
  return withCoverage(manager, rows);
}

/** Alliances any of `memberIds` belongs to, with all their members. */
export async function loadAlliancesWith(manager: EntityManager, memberIds: readonly string[]): Promise<AllianceSnapshot[]> {
  if (memberIds.length === 0) return [];
  const alliances = await manager
    .getRepository(AllianceRow)
    .createQueryBuilder('a')
    .where('a.id IN (SELECT m.alliance_id FROM alliance_member m WHERE m.member_id = ANY(:ids))', { ids: [...memberIds] })
    .getMany();
  if (alliances.length === 0) return [];
  const members = await manager
    .getRepository(AllianceMemberRow)
    .createQueryBuilder('m')
    .where('m.alliance_id = ANY(:ids)', { ids: alliances.map((a) => a.id) })
    .getMany();
  return alliances.map((a) =>
    allianceSnapshot(
      a,
      members.filter((m) => m.allianceId === a.id),
    ),
  );
}

export async function loadHonorsHeldBy(manager: EntityManager, holderIds: readonly string[]): Promise<HonorSnapshot[]> {
  if (holderIds.length === 0) return [];
  const rows = await manager
    .getRepository(HonorRow)
    .createQueryBuilder('h')
    .where('h.holder_id = ANY(:ids)', { ids: [...holderIds] })
    .getMany();
  return rows.map(honorSnapshot);
}

/** The zone's honors with one of `titles`, and any whose id is one of `idPrefixes` or a numbered variant. */
export async function loadHonors(manager: EntityManager, zoneId: string, titles: readonly string[], idPrefixes: readonly string[]): Promise<HonorSnapshot[]> {
  const rows = await manager
    .getRepository(HonorRow)
    .createQueryBuilder('h')
    .where('h.zone_id = :zoneId', { zoneId })
    .andWhere('(h.title = ANY(:titles) OR h.id = ANY(:ids) OR h.id LIKE ANY(:patterns))', {
      titles: [...titles],
      ids: [...idPrefixes],
      patterns: idPrefixes.map((prefix) => `${prefix}-%`),
    })
    .getMany();
  return rows.map(honorSnapshot);
}

export async function loadStationsHostedBy(manager: EntityManager, enterpriseIds: readonly string[]): Promise<ServiceStationSnapshot[]> {
  if (enterpriseIds.length === 0) return [];
  const rows = await manager
    .getRepository(ServiceStationRow)
    .createQueryBuilder('s')
    .where('s.host_enterprise_id = ANY(:ids)', { ids: [...enterpriseIds] })
    .getMany();
  return rows.map(serviceStationSnapshot);
}

/** The zone's figures entered through upkeep (never the article seeds' reports) with one of `codes`. */
export async function loadEnteredReports(manager: EntityManager, zoneId: string, codes: readonly string[]): Promise<IndicatorReportSnapshot[]> {
  const rows = await manager
    .getRepository(IndicatorReportRow)
    .createQueryBuilder('r')
    .where('r.zone_id = :zoneId AND r.entered_by IS NOT NULL AND r.code = ANY(:codes)', { zoneId, codes: [...codes] })
    .getMany();
  return rows.map(indicatorReportSnapshot);
}
