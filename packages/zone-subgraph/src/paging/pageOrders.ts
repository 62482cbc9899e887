import type { EnterpriseRow, PartyOrganizationRow } from '../db/entities';
import { EnterpriseOrder, PartyOrganizationOrder } from '../graphql/types/enums';

/** The value of one sort key of a row, as a cursor carries it. */
export type SortValue = string | number | null;

/** One column a page order sorts by, before the id that breaks ties. */
export interface SortKey<R> {
  readonly column: string;
  readonly sqlType: 'text' | 'integer' | 'double precision';
  readonly descending: boolean;
  /**
   * Nulls sort last. Only an order's single key may be nullable: the keyset
   * statement reads the non-null part and the null part of the index apart.
   */
  readonly nullable: boolean;
  /** Compared by code point (`COLLATE "C"`), as the paging index is built. */
  readonly bytewise: boolean;
  readonly valueOf: (row: R) => SortValue;
}

/** A page order: its keys, then the row id ascending as the tie-breaker. */
export interface PageOrder<R> {
  readonly keys: readonly SortKey<R>[];
  /** The id tie-breaker compared by code point. */
  readonly bytewiseId: boolean;
}

const enterpriseName = (descending: boolean): SortKey<EnterpriseRow> => ({
  column: 'name_zh',
  sqlType: 'text',
  descending,
  nullable: false,
  bytewise: true,
  valueOf: (row) => row.nameZh,
});

const enterpriseFigure = (column: string, sqlType: SortKey<EnterpriseRow>['sqlType'], valueOf: (row: EnterpriseRow) => number | null) => ({
  column,
  sqlType,
  descending: true,
  nullable: true,
  bytewise: false,
  valueOf,
});

/** Enterprise page orders; each has an index on (zone_id, keys, id) (migrations PagingIndexes, KeysetIndexes). */
export const ENTERPRISE_ORDERS: Readonly<Record<EnterpriseOrder, PageOrder<EnterpriseRow>>> = {
  [EnterpriseOrder.NAME_ASC]: { keys: [enterpriseName(false)], bytewiseId: true },
  [EnterpriseOrder.NAME_DESC]: { keys: [enterpriseName(true)], bytewiseId: true },
  [EnterpriseOrder.EMPLOYEES_DESC]: { keys: [enterpriseFigure('employees', 'integer', (row) => row.employees)], bytewiseId: true },
  [EnterpriseOrder.OUTPUT_DESC]: { keys: [enterpriseFigure('output_value', 'double precision', (row) => row.outputValue)], bytewiseId: true },
  [EnterpriseOrder.TAX_DESC]: { keys: [enterpriseFigure('tax', 'double precision', (row) => row.tax)], bytewiseId: true },
};

const organizationName = (descending: boolean): SortKey<PartyOrganizationRow> => ({
  column: 'name_zh',
  sqlType: 'text',
  descending,
  nullable: false,
  bytewise: false,
  valueOf: (row) => row.nameZh,
});

/** Party-organization page orders, in the database's own collation as they always were. */
export const PARTY_ORGANIZATION_ORDERS: Readonly<Record<PartyOrganizationOrder, PageOrder<PartyOrganizationRow>>> = {
  [PartyOrganizationOrder.NAME_ASC]: { keys: [organizationName(false)], bytewiseId: false },
  [PartyOrganizationOrder.NAME_DESC]: { keys: [organizationName(true)], bytewiseId: false },
  [PartyOrganizationOrder.MEMBERS_DESC]: {
    keys: [{ column: 'member_count', sqlType: 'integer', descending: true, nullable: true, bytewise: false, valueOf: (row) => row.memberCount }],
    bytewiseId: false,
  },
  [PartyOrganizationOrder.TYPE]: {
    keys: [{ column: 'type', sqlType: 'text', descending: false, nullable: false, bytewise: false, valueOf: (row) => row.type }, organizationName(false)],
    bytewiseId: false,
  },
};

/** Where a row stands in an order: its key values and id. The next page starts after it. */
export interface KeysetPosition {
  readonly keys: readonly SortValue[];
  readonly id: string;
}

export function positionOf<R extends { id: string }>(order: PageOrder<R>, row: R): KeysetPosition {
  return { keys: order.keys.map((key) => key.valueOf(row)), id: row.id };
}
