import type { EnterpriseFilter, PartyOrganizationFilter } from '../graphql/types/inputs';
import { likePattern } from './groupBy';

/** A filter as SQL conditions on one table alias, with their parameters numbered from `$2` (`$1` is the zone ids). */
export interface FilterSql {
  readonly conditions: readonly string[];
  readonly params: readonly unknown[];
}

function collector() {
  const conditions: string[] = [];
  const params: unknown[] = [];
  return {
    conditions,
    params,
    /** Adds a parameter and gives its placeholder. */
    param(value: unknown): string {
      params.push(value);
      return `$${params.length + 1}`;
    },
  };
}

export function enterpriseFilterSql(filter: EnterpriseFilter | undefined): FilterSql {
  const sql = collector();
  if (filter?.nameContains) {
    const p = sql.param(likePattern(filter.nameContains));
    sql.conditions.push(`(e.name_zh ILIKE ${p} OR e.name_en ILIKE ${p})`);
  }
  if (filter?.industry) sql.conditions.push(`e.industry = ${sql.param(filter.industry)}`);
  if (filter?.flags && filter.flags.length > 0) sql.conditions.push(`e.flags @> ${sql.param(filter.flags.map((flag) => flag.toLowerCase()))}::text[]`);
  if (filter?.honorContains) {
    const p = sql.param(likePattern(filter.honorContains));
    sql.conditions.push(`(EXISTS (SELECT 1 FROM honor h WHERE h.holder_id = e.id AND h.title ILIKE ${p})
      OR EXISTS (SELECT 1 FROM organization_coverage c JOIN honor h ON h.holder_id = c.organization_id
                 WHERE c.enterprise_id = e.id AND h.title ILIKE ${p}))`);
  }
  return sql;
}

export function partyOrganizationFilterSql(filter: PartyOrganizationFilter | undefined): FilterSql {
  const sql = collector();
  if (filter?.types && filter.types.length > 0) sql.conditions.push(`o.type = ANY(${sql.param(filter.types.map((type) => type.toLowerCase()))})`);
  if (filter?.nameContains) sql.conditions.push(`o.name_zh ILIKE ${sql.param(likePattern(filter.nameContains))}`);
  if (filter?.honorContains)
    sql.conditions.push(`EXISTS (SELECT 1 FROM honor h WHERE h.holder_id = o.id AND h.title ILIKE ${sql.param(likePattern(filter.honorContains))})`);
  return sql;
}
