import type { DataSource } from 'typeorm';
import { EnterpriseRow, PartyOrganizationRow, UpkeepAuditRow } from '../db/entities';
import { EnterpriseOrder, PartyOrganizationOrder } from '../graphql/types/enums';
import type { EnterpriseFilter, PartyOrganizationFilter } from '../graphql/types/inputs';
import { likePattern } from './groupBy';

export interface PageRequest<F, O> {
  filter?: F;
  orderBy: O;
  first: number;
  offset: number;
}

export interface ZonePage<R> {
  zoneId: string;
  totalCount: number;
  rows: R[];
}

const ENTERPRISE_ORDER: Record<EnterpriseOrder, string> = {
  [EnterpriseOrder.NAME_ASC]: 'e.name_zh COLLATE "C" ASC, e.id COLLATE "C" ASC',
  [EnterpriseOrder.NAME_DESC]: 'e.name_zh COLLATE "C" DESC, e.id COLLATE "C" ASC',
  [EnterpriseOrder.EMPLOYEES_DESC]: 'e.employees DESC NULLS LAST, e.id COLLATE "C" ASC',
  [EnterpriseOrder.OUTPUT_DESC]: 'e.output_value DESC NULLS LAST, e.id COLLATE "C" ASC',
  [EnterpriseOrder.TAX_DESC]: 'e.tax DESC NULLS LAST, e.id COLLATE "C" ASC',
};

const ORGANIZATION_ORDER: Record<PartyOrganizationOrder, string> = {
  [PartyOrganizationOrder.NAME_ASC]: 'o.name_zh ASC, o.id ASC',
  [PartyOrganizationOrder.NAME_DESC]: 'o.name_zh DESC, o.id ASC',
  [PartyOrganizationOrder.MEMBERS_DESC]: 'o.member_count DESC NULLS LAST, o.id ASC',
  [PartyOrganizationOrder.TYPE]: 'o.type ASC, o.name_zh ASC, o.id ASC',
};

/**
 * Two statements page every requested zone at once (the pages, and the
 * totals), so statements do not grow with zones or rows.
 */
export async function enterprisePages(
  dataSource: DataSource,
  zoneIds: readonly string[],
  request: PageRequest<EnterpriseFilter, EnterpriseOrder>,
): Promise<ZonePage<EnterpriseRow>[]> {
  const params: unknown[] = [zoneIds];
  const where = ['e.zone_id = ANY($1)'];
  const f = request.filter;
  if (f?.nameContains) {
    params.push(likePattern(f.nameContains));
    where.push(`(e.name_zh ILIKE $${params.length} OR e.name_en ILIKE $${params.length})`);
  }
  if (f?.industry) {
    params.push(f.industry);
    where.push(`e.industry = $${params.length}`);
  }
  if (f?.flags && f.flags.length > 0) {
    params.push(f.flags.map((flag) => flag.toLowerCase()));
    where.push(`e.flags @> $${params.length}::text[]`);
  }
  if (f?.honorContains) {
    params.push(likePattern(f.honorContains));
    const p = `$${params.length}`;
    where.push(`(EXISTS (SELECT 1 FROM honor h WHERE h.holder_id = e.id AND h.title ILIKE ${p})
      OR EXISTS (SELECT 1 FROM organization_coverage c JOIN honor h ON h.holder_id = c.organization_id
                 WHERE c.enterprise_id = e.id AND h.title ILIKE ${p}))`);
  }
  return pageQuery(dataSource, 'enterprise', 'e', where, ENTERPRISE_ORDER[request.orderBy], params, request, zoneIds, EnterpriseRow);
}

export async function partyOrganizationPages(
  dataSource: DataSource,
  zoneIds: readonly string[],
  request: PageRequest<PartyOrganizationFilter, PartyOrganizationOrder>,
): Promise<ZonePage<PartyOrganizationRow>[]> {
  const params: unknown[] = [zoneIds];
  const where = ['o.zone_id = ANY($1)'];
  const f = request.filter;
  if (f?.types && f.types.length > 0) {
    params.push(f.types.map((type) => type.toLowerCase()));
    where.push(`o.type = ANY($${params.length})`);
  }
  if (f?.nameContains) {
    params.push(likePattern(f.nameContains));
    where.push(`o.name_zh ILIKE $${params.length}`);
  }
  if (f?.honorContains) {
    params.push(likePattern(f.honorContains));
    where.push(`EXISTS (SELECT 1 FROM honor h WHERE h.holder_id = o.id AND h.title ILIKE $${params.length})`);
  }
  return pageQuery(dataSource, 'party_organization', 'o', where, ORGANIZATION_ORDER[request.orderBy], params, request, zoneIds, PartyOrganizationRow);
}

/** A zone's upkeep audit, newest first, optionally of one import. */
export async function auditPages(
  dataSource: DataSource,
  zoneIds: readonly string[],
  request: PageRequest<{ importId: string | null }, 'newest'>,
): Promise<ZonePage<UpkeepAuditRow>[]> {
  const params: unknown[] = [zoneIds];
  const where = ['a.zone_id = ANY($1)'];
  if (request.filter?.importId) {
    params.push(request.filter.importId);
    where.push(`a.import_id = $${params.length}`);
  }
  return pageQuery(dataSource, 'upkeep_audit', 'a', where, 'a.id DESC', params, request, zoneIds, UpkeepAuditRow);
}

async function pageQuery<R extends object>(
  dataSource: DataSource,
  table: string,
  alias: string,
  where: string[],
  orderBy: string,
  params: unknown[],
  request: { first: number; offset: number },
  zoneIds: readonly string[],
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entity: Function,
): Promise<ZonePage<R>[]> {
  // where[0] selects the zones (`zone_id = ANY($1)`); inside the lateral page one zone is pinned instead.
  const filters = where.slice(1);
  const pageParams = [...params, request.offset, request.first];
  const offset = `$${pageParams.length - 1}`;
  const limit = `$${pageParams.length}`;
  // One statement for every zone's page: per zone, an index scan in page order that stops after
  // offset + first rows (migration PagingIndexes), rather than numbering the whole zone.
  const [raw, counted] = await Promise.all([
    dataSource.query(
      `SELECT ${alias}.* FROM unnest($1::text[]) WITH ORDINALITY AS z(zone_id, ord)
       CROSS JOIN LATERAL (
         SELECT ${alias}.* FROM ${table} ${alias}
         WHERE ${[`${alias}.zone_id = z.zone_id`, ...filters].join(' AND ')}
         ORDER BY ${orderBy}
         OFFSET ${offset} LIMIT ${limit}
       ) AS ${alias}
       ORDER BY z.ord, ${orderBy}`,
      pageParams,
    ) as Promise<Record<string, unknown>[]>,
    dataSource.query(
      `SELECT ${alias}.zone_id, count(*) AS total FROM ${table} ${alias} WHERE ${where.join(' AND ')} GROUP BY ${alias}.zone_id`,
      params,
    ) as Promise<{ zone_id: string; total: string }[]>,
  ]);
  const totals = new Map(counted.map((c) => [c.zone_id, Number(c.total)]));
  const byZone = new Map<string, R[]>();
  const metadata = dataSource.getMetadata(entity);
  for (const record of raw) {
    const zoneId = String(record.zone_id);
    const row = metadata.create() as R;
    for (const column of metadata.columns) {
      (row as Record<string, unknown>)[column.propertyName] = record[column.databaseName];
    }
    const list = byZone.get(zoneId);
    if (list) list.push(row);
    else byZone.set(zoneId, [row]);
  }
  return zoneIds.map((zoneId) => ({ zoneId, totalCount: totals.get(zoneId) ?? 0, rows: byZone.get(zoneId) ?? [] }));
}
