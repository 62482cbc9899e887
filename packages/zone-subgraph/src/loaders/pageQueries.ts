import type { DataSource } from 'typeorm';
import { EnterpriseRow, PartyOrganizationRow, UpkeepAuditRow } from '../db/entities';
import type { EnterpriseOrder, PartyOrganizationOrder } from '../graphql/types/enums';
import type { EnterpriseFilter, PartyOrganizationFilter } from '../graphql/types/inputs';
import { ENTERPRISE_ORDERS, PARTY_ORGANIZATION_ORDERS, type KeysetPosition, type PageOrder } from '../paging/pageOrders';
import { afterSql, hasNullTail, nullTailAfterSql, orderBySql } from './keysetSql';
import { enterpriseFilterSql, partyOrganizationFilterSql, type FilterSql } from './listFilters';

export interface PageRequest<F, O> {
  filter?: F;
  orderBy: O;
  first: number;
  offset: number;
}

/** One zone of a batch, paged from `offset` (no position) or after a position (a cursor). */
export interface ZoneSlice {
  zoneId: string;
  after: KeysetPosition | null;
}

export interface ZonePage<R> {
  zoneId: string;
  rows: R[];
  hasNextPage: boolean;
}

interface Table {
  name: string;
  alias: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entity: Function;
}

const ENTERPRISE: Table = { name: 'enterprise', alias: 'e', entity: EnterpriseRow };
const PARTY_ORGANIZATION: Table = { name: 'party_organization', alias: 'o', entity: PartyOrganizationRow };
const UPKEEP_AUDIT: Table = { name: 'upkeep_audit', alias: 'a', entity: UpkeepAuditRow };

/**
 * At most two statements page every requested zone at once (zones from an
 * offset, zones after a cursor), so statements do not grow with zones or rows.
 */
export function enterprisePages(
  dataSource: DataSource,
  zones: readonly ZoneSlice[],
  request: PageRequest<EnterpriseFilter, EnterpriseOrder>,
): Promise<ZonePage<EnterpriseRow>[]> {
  return pages(dataSource, ENTERPRISE, enterpriseFilterSql(request.filter), ENTERPRISE_ORDERS[request.orderBy], zones, request);
}

export function partyOrganizationPages(
  dataSource: DataSource,
  zones: readonly ZoneSlice[],
  request: PageRequest<PartyOrganizationFilter, PartyOrganizationOrder>,
): Promise<ZonePage<PartyOrganizationRow>[]> {
  return pages(dataSource, PARTY_ORGANIZATION, partyOrganizationFilterSql(request.filter), PARTY_ORGANIZATION_ORDERS[request.orderBy], zones, request);
}

/** How many enterprises of each zone match the filter: one statement for every zone. */
export function enterpriseCounts(dataSource: DataSource, zoneIds: readonly string[], filter: EnterpriseFilter | undefined): Promise<number[]> {
  return counts(dataSource, ENTERPRISE, enterpriseFilterSql(filter), zoneIds);
}

export function partyOrganizationCounts(dataSource: DataSource, zoneIds: readonly string[], filter: PartyOrganizationFilter | undefined): Promise<number[]> {
  return counts(dataSource, PARTY_ORGANIZATION, partyOrganizationFilterSql(filter), zoneIds);
}

/** A zone's upkeep audit, newest first, optionally of one import. */
export async function auditPages(
  dataSource: DataSource,
  zoneIds: readonly string[],
  request: PageRequest<{ importId: string | null }, 'newest'>,
): Promise<ZonePage<UpkeepAuditRow>[]> {
  const filter: FilterSql = request.filter?.importId ? { conditions: ['a.import_id = $2'], params: [request.filter.importId] } : { conditions: [], params: [] };
  const raw = await offsetStatement(dataSource, UPKEEP_AUDIT, filter, 'a.id DESC', zoneIds, request);
  return zoneIds.map((zoneId, i) =>
    pageOf<UpkeepAuditRow>(
      dataSource,
      UPKEEP_AUDIT,
      zoneId,
      raw.filter((record) => Number(record.page_ord) === i + 1),
      request.first,
    ),
  );
}

async function pages<R>(
  dataSource: DataSource,
  table: Table,
  filter: FilterSql,
  order: PageOrder<R>,
  zones: readonly ZoneSlice[],
  request: { first: number; offset: number },
): Promise<ZonePage<R>[]> {
  // Slices are told apart by position, not zone id: one zone may be asked after two different cursors.
  const fromOffset = zones.flatMap((zone, slice) => (zone.after === null ? [{ slice, zoneId: zone.zoneId }] : []));
  const afterPosition = zones.flatMap((zone, slice) => (zone.after !== null ? [{ slice, zoneId: zone.zoneId, after: zone.after }] : []));
  const [offsetRows, keysetRows] = await Promise.all([
    fromOffset.length > 0
      ? offsetStatement(
          dataSource,
          table,
          filter,
          orderBySql(order, table.alias),
          fromOffset.map((zone) => zone.zoneId),
          request,
        )
      : [],
    afterPosition.length > 0 ? keysetStatement(dataSource, table, filter, order, afterPosition, request.first) : [],
  ]);
  const rowsBySlice = zones.map((): Record<string, unknown>[] => []);
  for (const record of offsetRows) rowsBySlice[fromOffset[Number(record.page_ord) - 1]!.slice]!.push(record);
  for (const record of keysetRows) rowsBySlice[afterPosition[Number(record.page_ord) - 1]!.slice]!.push(record);
  return zones.map((zone, slice) => pageOf<R>(dataSource, table, zone.zoneId, rowsBySlice[slice]!, request.first));
}

/**
 * Per zone, an index scan in page order that stops after offset + first + 1
 * rows (migration PagingIndexes), rather than numbering the whole zone. The
 * extra row only says whether a next page exists.
 */
function offsetStatement(
  dataSource: DataSource,
  { name, alias }: Table,
  filter: FilterSql,
  orderBy: string,
  zoneIds: readonly string[],
  request: { first: number; offset: number },
): Promise<Record<string, unknown>[]> {
  const params = [zoneIds, ...filter.params, request.offset, request.first + 1];
  return dataSource.query(
    `SELECT z.ord AS page_ord, ${alias}.* FROM unnest($1::text[]) WITH ORDINALITY AS z(zone_id, ord)
     CROSS JOIN LATERAL (
       SELECT ${alias}.* FROM ${name} ${alias}
       WHERE ${[`${alias}.zone_id = z.zone_id`, ...filter.conditions].join(' AND ')}
       ORDER BY ${orderBy}
       OFFSET $${params.length - 1} LIMIT $${params.length}
     ) AS ${alias}
     ORDER BY z.ord, ${orderBy}`,
    params,
  ) as Promise<Record<string, unknown>[]>;
}

/**
 * Every zone after its own position, in one statement: the positions come in as
 * arrays beside the zone ids. Per zone, the index scan starts at the position
 * (`afterSql`), so a deep page costs what the first one does. An order by one
 * nullable key (DESC NULLS LAST) reads its non-null part and its null part
 * apart, each from the index in order, since "after" spans both.
 */
function keysetStatement<R>(
  dataSource: DataSource,
  { name, alias }: Table,
  filter: FilterSql,
  order: PageOrder<R>,
  zones: readonly { zoneId: string; after: KeysetPosition }[],
  first: number,
): Promise<Record<string, unknown>[]> {
  const params: unknown[] = [zones.map((zone) => zone.zoneId), ...filter.params];
  const arrays: { column: string; sqlType: string }[] = [];
  const addArray = (column: string, sqlType: string, values: unknown[]) => {
    params.push(values);
    arrays.push({ column, sqlType: `$${params.length}::${sqlType}[]` });
    return `z.${column}`;
  };
  const keyRefs = order.keys.map((key, i) =>
    addArray(
      `k${i}`,
      key.sqlType,
      zones.map((zone) => zone.after.keys[i]),
    ),
  );
  const idRef = addArray(
    'after_id',
    'text',
    zones.map((zone) => zone.after.id),
  );
  // In the null tail, rows after the position are the nulls with a greater id; before it, every null ('' precedes every id).
  const nullTailRef = hasNullTail(order)
    ? addArray(
        'null_tail_after_id',
        'text',
        zones.map((zone) => (zone.after.keys[0] === null ? zone.after.id : '')),
      )
    : null;
  params.push(first + 1);
  const limit = `$${params.length}`;
  const inZone = [`${alias}.zone_id = z.zone_id`, ...filter.conditions];
  const part = (condition: string) =>
    `SELECT ${alias}.* FROM ${name} ${alias} WHERE ${[...inZone, condition].join(' AND ')} ORDER BY ${orderBySql(order, alias)} LIMIT ${limit}`;
  const page = nullTailRef
    ? `SELECT u.* FROM ((${part(afterSql(order, alias, keyRefs, idRef))}) UNION ALL (${part(nullTailAfterSql(order, alias, nullTailRef))})) AS u
       ORDER BY ${orderBySql(order, 'u')} LIMIT ${limit}`
    : part(afterSql(order, alias, keyRefs, idRef));
  return dataSource.query(
    `SELECT z.ord AS page_ord, ${alias}.* FROM unnest($1::text[], ${arrays.map((a) => a.sqlType).join(', ')}) WITH ORDINALITY AS z(zone_id, ${arrays.map((a) => a.column).join(', ')}, ord)
     CROSS JOIN LATERAL (${page}) AS ${alias}
     ORDER BY z.ord, ${orderBySql(order, alias)}`,
    params,
  ) as Promise<Record<string, unknown>[]>;
}

async function counts(dataSource: DataSource, { name, alias }: Table, filter: FilterSql, zoneIds: readonly string[]): Promise<number[]> {
  const counted = (await dataSource.query(
    `SELECT ${alias}.zone_id, count(*) AS total FROM ${name} ${alias}
     WHERE ${[`${alias}.zone_id = ANY($1)`, ...filter.conditions].join(' AND ')} GROUP BY ${alias}.zone_id`,
    [zoneIds, ...filter.params],
  )) as { zone_id: string; total: string }[];
  const totals = new Map(counted.map((c) => [c.zone_id, Number(c.total)]));
  return zoneIds.map((zoneId) => totals.get(zoneId) ?? 0);
}

/** A zone's rows as entities, `first` at most; the row after those says a next page exists. */
function pageOf<R>(dataSource: DataSource, table: Table, zoneId: string, raw: readonly Record<string, unknown>[], first: number): ZonePage<R> {
  const metadata = dataSource.getMetadata(table.entity);
  const rows = raw.slice(0, first).map((record) => {
    const row = metadata.create() as R;
    for (const column of metadata.columns) (row as Record<string, unknown>)[column.propertyName] = record[column.databaseName];
    return row;
  });
  return { zoneId, rows, hasNextPage: raw.length > first };
}
