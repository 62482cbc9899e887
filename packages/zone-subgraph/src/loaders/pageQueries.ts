import type { DataSource } from 'typeorm';
import { EnterpriseRow, PartyOrganizationRow } from '../db/entities';
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
 * One statement pages every requested zone at once: a window numbers each
 * zone's matching rows, so statements do not grow with zones or rows.
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
  params.push(request.offset, request.offset + request.first);
  const lower = `$${params.length - 1}`;
  const upper = `$${params.length}`;
  const raw: Record<string, unknown>[] = await dataSource.query(
    `SELECT * FROM (
       SELECT ${alias}.*, row_number() OVER w AS page_row, count(*) OVER (PARTITION BY ${alias}.zone_id) AS page_total
       FROM ${table} ${alias}
       WHERE ${where.join(' AND ')}
       WINDOW w AS (PARTITION BY ${alias}.zone_id ORDER BY ${orderBy})
     ) numbered
     WHERE page_row > ${lower} AND page_row <= ${upper}
     ORDER BY zone_id, page_row`,
    params,
  );
  // Zones whose page is past the end still need their total: ask only for those.
  const totals = new Map<string, number>();
  const byZone = new Map<string, R[]>();
  const metadata = dataSource.getMetadata(entity);
  for (const record of raw) {
    const zoneId = String(record.zone_id);
    totals.set(zoneId, Number(record.page_total));
    const row = metadata.create() as R;
    for (const column of metadata.columns) {
      (row as Record<string, unknown>)[column.propertyName] = record[column.databaseName];
    }
    const list = byZone.get(zoneId);
    if (list) list.push(row);
    else byZone.set(zoneId, [row]);
  }
  const missing = zoneIds.filter((z) => !totals.has(z));
  if (missing.length > 0 && request.offset > 0) {
    const counted: { zone_id: string; total: string }[] = await dataSource.query(
      `SELECT ${alias}.zone_id, count(*) AS total FROM ${table} ${alias} WHERE ${where.join(' AND ')} GROUP BY ${alias}.zone_id`,
      [missing, ...params.slice(1, -2)],
    );
    for (const c of counted) totals.set(c.zone_id, Number(c.total));
  }
  return zoneIds.map((zoneId) => ({ zoneId, totalCount: totals.get(zoneId) ?? 0, rows: byZone.get(zoneId) ?? [] }));
}
