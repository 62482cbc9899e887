import DataLoader from 'dataloader';
import { In, IsNull, type DataSource } from 'typeorm';
import {
  AllianceMemberRow,
  AllianceRow,
  EnterpriseRow,
  HonorRow,
  IndicatorReportRow,
  OrganizationCoverageRow,
  PartyOrganizationRow,
  ServiceStationRow,
  UpkeepAuditRow,
  ZoneRow,
} from '../db/entities';
import type { EnterpriseOrder, PartyOrganizationOrder } from '../graphql/types/enums';
import type { EnterpriseFilter, PartyOrganizationFilter } from '../graphql/types/inputs';
import { groupByKey, indexByKey } from './groupBy';
import { OutcomeMemo } from './outcomeMemo';
import { countLoader, pageLoader } from './pageLoaders';
import { plainSelectList } from './plainRows';
import { indicatorFiguresOfZones, type IndicatorFigures } from './indicatorFigures';
import { REPORTS_MEMO_ROWS, type ReportsKey, type ReportsMemo } from './reports';
import { ZONE_ROWS_MEMO, zoneRowsOf, type ZoneRowsMemo } from './zoneRows';
import { ZoneVersionMemo } from './zoneVersionMemo';
import { auditPages, enterpriseCounts, enterprisePages, partyOrganizationCounts, partyOrganizationPages } from './pageQueries';

const codesCacheKey = (zoneId: string, codes: readonly string[] | null) => (codes === null ? `${zoneId}|*` : `${zoneId}|${[...codes].sort().join(',')}`);

/** What a zone service's loaders share across its requests: built once per service, not per request. */
export interface SharedLoaderState {
  /** Computed outcomes by zone, code and data version. */
  readonly outcomes: OutcomeMemo;
  /** Reported figures and zone rows, by zone and data version. */
  readonly reports: ReportsMemo;
  readonly zones: ZoneRowsMemo;
  /** The plain-row SELECT lists of the hot reads (the zones' with their table as `z`, the reports' as `r`). */
  readonly zoneColumns: string;
  readonly reportColumns: string;
}

export function sharedLoaderState(dataSource: DataSource, outcomes = new OutcomeMemo()): SharedLoaderState {
  return {
    outcomes,
    reports: new ZoneVersionMemo(REPORTS_MEMO_ROWS),
    zones: new ZoneVersionMemo(ZONE_ROWS_MEMO),
    zoneColumns: plainSelectList(dataSource, ZoneRow, 'z'),
    reportColumns: plainSelectList(dataSource, IndicatorReportRow, 'r'),
  };
}

/**
 * Per-request loaders (never module-level caches): each relation a list can
 * reach is fetched in one statement per batch, whatever the number of rows.
 * `shared`: the service's state across requests (a fresh one, for this request only, when absent).
 */
export function createLoaders(dataSource: DataSource, shared = sharedLoaderState(dataSource)) {
  const repo = <T extends object>(entity: new () => T) => dataSource.getRepository(entity);
  // This request's zones' data versions as the zone rows' statement read them: a warm figure read of zones resolved as references sends no statement of its own.
  const versionsRead = new Map<string, string>();
  return {
    zoneById: new DataLoader<string, ZoneRow | null>((ids) => zoneRowsOf(dataSource, shared.zoneColumns, shared.zones, ids, versionsRead)),
    enterpriseById: new DataLoader<string, EnterpriseRow | null>(async (ids) =>
      indexByKey(ids, await repo(EnterpriseRow).findBy({ id: In([...ids]) }), (r) => r.id),
    ),
    organizationById: new DataLoader<string, PartyOrganizationRow | null>(async (ids) =>
      indexByKey(ids, await repo(PartyOrganizationRow).findBy({ id: In([...ids]) }), (r) => r.id),
    ),
    enterprisePage: pageLoader<EnterpriseFilter, EnterpriseOrder, EnterpriseRow>((zones, request) => enterprisePages(dataSource, zones, request)),
    organizationPage: pageLoader<PartyOrganizationFilter, PartyOrganizationOrder, PartyOrganizationRow>((zones, request) =>
      partyOrganizationPages(dataSource, zones, request),
    ),
    /** Counts only when a page's `totalCount` is asked: on a large zone the count costs more than a page. */
    enterpriseCount: countLoader<EnterpriseFilter>((zoneIds, filter) => enterpriseCounts(dataSource, zoneIds, filter)),
    organizationCount: countLoader<PartyOrganizationFilter>((zoneIds, filter) => partyOrganizationCounts(dataSource, zoneIds, filter)),
    rootOrganizationsByZone: new DataLoader<string, PartyOrganizationRow[]>(async (zoneIds) =>
      groupByKey(
        zoneIds,
        await repo(PartyOrganizationRow).find({ where: { zoneId: In([...zoneIds]), parentId: IsNull() }, order: { nameZh: 'ASC', id: 'ASC' } }),
        (r) => r.zoneId,
      ),
    ),
    childrenByParent: new DataLoader<string, PartyOrganizationRow[]>(async (parentIds) =>
      groupByKey(
        parentIds,
        await repo(PartyOrganizationRow).find({ where: { parentId: In([...parentIds]) }, order: { nameZh: 'ASC', id: 'ASC' } }),
        (r) => r.parentId as string,
      ),
    ),
    organizationsByEnterprise: new DataLoader<string, PartyOrganizationRow[]>(async (enterpriseIds) => {
      const rows = await repo(OrganizationCoverageRow).findBy({ enterpriseId: In([...enterpriseIds]) });
      const organizations = rows.length === 0 ? [] : await repo(PartyOrganizationRow).findBy({ id: In(rows.map((r) => r.organizationId)) });
      const byId = new Map(organizations.map((o) => [o.id, o]));
      return groupByKey(enterpriseIds, rows, (r) => r.enterpriseId).map((links) =>
        links.map((l) => byId.get(l.organizationId)).filter((o): o is PartyOrganizationRow => o !== undefined),
      );
    }),
    enterprisesByOrganization: new DataLoader<string, EnterpriseRow[]>(async (organizationIds) => {
      const rows = await repo(OrganizationCoverageRow).findBy({ organizationId: In([...organizationIds]) });
      const enterprises = rows.length === 0 ? [] : await repo(EnterpriseRow).findBy({ id: In(rows.map((r) => r.enterpriseId)) });
      const byId = new Map(enterprises.map((e) => [e.id, e]));
      return groupByKey(organizationIds, rows, (r) => r.organizationId).map((links) =>
        links.map((l) => byId.get(l.enterpriseId)).filter((e): e is EnterpriseRow => e !== undefined),
      );
    }),
    honorsByHolder: new DataLoader<string, HonorRow[]>(async (holderIds) =>
      groupByKey(holderIds, await repo(HonorRow).find({ where: { holderId: In([...holderIds]) }, order: { year: 'DESC', id: 'ASC' } }), (r) => r.holderId),
    ),
    honorsByZone: new DataLoader<string, HonorRow[]>(async (zoneIds) =>
      groupByKey(zoneIds, await repo(HonorRow).find({ where: { zoneId: In([...zoneIds]) }, order: { year: 'DESC', id: 'ASC' } }), (r) => r.zoneId),
    ),
    alliancesByZone: new DataLoader<string, AllianceRow[]>(async (zoneIds) =>
      groupByKey(zoneIds, await repo(AllianceRow).find({ where: { zoneId: In([...zoneIds]) }, order: { id: 'ASC' } }), (r) => r.zoneId),
    ),
    allianceMembers: new DataLoader<string, AllianceMemberRow[]>(async (allianceIds) =>
      groupByKey(
        allianceIds,
        await repo(AllianceMemberRow).find({ where: { allianceId: In([...allianceIds]) }, order: { memberId: 'ASC' } }),
        (r) => r.allianceId,
      ),
    ),
    stationsByZone: new DataLoader<string, ServiceStationRow[]>(async (zoneIds) =>
      groupByKey(zoneIds, await repo(ServiceStationRow).find({ where: { zoneId: In([...zoneIds]) }, order: { id: 'ASC' } }), (r) => r.zoneId),
    ),
    /** Reported and computed figures of a zone at one data version, for the key's codes only (every code when null): warm, one statement per batch, none after the zone rows. */
    indicatorFiguresByZone: new DataLoader<ReportsKey, IndicatorFigures, string>((keys) => indicatorFiguresOfZones(dataSource, shared, keys, versionsRead), {
      cacheKeyFn: (key) => codesCacheKey(key.zoneId, key.codes),
    }),
    upkeepAudit: pageLoader<{ importId: string | null }, 'newest', UpkeepAuditRow>((zones, request) =>
      auditPages(
        dataSource,
        zones.map((zone) => zone.zoneId),
        request,
      ),
    ),
  };
}

export type ZoneLoaders = ReturnType<typeof createLoaders>;
