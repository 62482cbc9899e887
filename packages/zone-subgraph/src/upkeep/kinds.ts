import type { z } from 'zod';
import type { AuditEntityKind } from '../db/entities';
import type { KindPlanner, Operation, PlanContext } from './plan';
import { enterprisePlanner } from './planners/enterprisePlanner';
import { honorPlanner } from './planners/honorPlanner';
import { indicatorReportPlanner } from './planners/indicatorReportPlanner';
import { partyOrganizationPlanner } from './planners/partyOrganizationPlanner';
import { enterpriseKeySchema, enterpriseRecordSchema } from './records/enterpriseRecord';
import { honorKeySchema, honorRecordSchema } from './records/honorRecord';
import { indicatorReportKeySchema, indicatorReportRecordSchema } from './records/indicatorReportRecord';
import { partyOrganizationKeySchema, partyOrganizationRecordSchema } from './records/partyOrganizationRecord';
import type { BatchRow, RowProblems } from './runBatch';

/** The kinds of record a zone system keeps current. */
export type UpkeepKind = 'enterprises' | 'partyOrganizations' | 'honors' | 'indicatorReports';

/** One column of an import: the record field it fills and the headers that name it (English first, then Chinese). */
export interface ImportColumn {
  readonly field: string;
  readonly headers: readonly string[];
}

export interface KindDefinition<R, K> {
  readonly kind: UpkeepKind;
  readonly entity: AuditEntityKind;
  /** The whole record of an upsert. */
  readonly recordSchema: z.ZodType<R>;
  /** What names a record to delete. */
  readonly keySchema: z.ZodType<K>;
  readonly planner: (ctx: PlanContext) => KindPlanner<R, K>;
  readonly keyField: (operation: Operation<R, K>) => string;
  readonly order?: (rows: readonly BatchRow<R, K>[]) => { rows: BatchRow<R, K>[]; problems: RowProblems[] };
  readonly columns: readonly ImportColumn[];
}

const define = <R, K>(definition: KindDefinition<R, K>): KindDefinition<R, K> => definition;

export const ENTERPRISES = define({
  kind: 'enterprises',
  entity: 'enterprise',
  recordSchema: enterpriseRecordSchema,
  keySchema: enterpriseKeySchema,
  planner: enterprisePlanner,
  keyField: (o) => ((o.op === 'upsert' ? o.record.creditCode : o.key.creditCode) !== null ? 'creditCode' : 'nameZh'),
  columns: [
    { field: 'creditCode', headers: ['creditCode', '统一社会信用代码', '信用代码'] },
    { field: 'nameZh', headers: ['nameZh', 'name', '企业名称', '名称'] },
    { field: 'previousNameZh', headers: ['previousNameZh', 'previousName', '原企业名称', '原名称'] },
    { field: 'nameEn', headers: ['nameEn', '英文名称'] },
    { field: 'industry', headers: ['industry', '行业', '所属行业'] },
    { field: 'flags', headers: ['flags', '企业标签', '标签'] },
    { field: 'employees', headers: ['employees', '职工人数', '员工人数'] },
    { field: 'employeesQualifier', headers: ['employeesQualifier', '职工人数精度'] },
    { field: 'outputValue', headers: ['outputValue', '产值(万元)', '产值'] },
    { field: 'tax', headers: ['tax', '税收(万元)', '税收'] },
    { field: 'inventionPatents', headers: ['inventionPatents', '发明专利', '发明专利数'] },
    { field: 'utilityPatents', headers: ['utilityPatents', '实用新型专利', '实用新型专利数'] },
  ],
});

export const PARTY_ORGANIZATIONS = define({
  kind: 'partyOrganizations',
  entity: 'party_organization',
  recordSchema: partyOrganizationRecordSchema,
  keySchema: partyOrganizationKeySchema,
  planner: partyOrganizationPlanner,
  keyField: () => 'nameZh',
  order: parentsFirst,
  columns: [
    { field: 'nameZh', headers: ['nameZh', 'name', '党组织名称', '名称'] },
    { field: 'previousNameZh', headers: ['previousNameZh', 'previousName', '原党组织名称', '原名称'] },
    { field: 'type', headers: ['type', '类型', '党组织类型'] },
    { field: 'parent', headers: ['parent', '上级党组织'] },
    { field: 'enterprises', headers: ['enterprises', '覆盖企业'] },
    { field: 'memberCount', headers: ['memberCount', '党员人数'] },
    { field: 'memberCountQualifier', headers: ['memberCountQualifier', '党员人数精度'] },
    { field: 'foundedOn', headers: ['foundedOn', '成立时间'] },
    { field: 'starRating', headers: ['starRating', '星级'] },
    { field: 'brand', headers: ['brand', '党建品牌'] },
  ],
});

export const HONORS = define({
  kind: 'honors',
  entity: 'honor',
  recordSchema: honorRecordSchema,
  keySchema: honorKeySchema,
  planner: honorPlanner,
  keyField: () => 'title',
  columns: [
    { field: 'holderKind', headers: ['holderKind', '获得者类型'] },
    { field: 'holder', headers: ['holder', '获得者'] },
    { field: 'title', headers: ['title', '荣誉名称'] },
    { field: 'year', headers: ['year', '年度'] },
    { field: 'level', headers: ['level', '级别'] },
    { field: 'awardedBy', headers: ['awardedBy', '授予单位'] },
  ],
});

export const INDICATOR_REPORTS = define({
  kind: 'indicatorReports',
  entity: 'indicator_report',
  recordSchema: indicatorReportRecordSchema,
  keySchema: indicatorReportKeySchema,
  planner: indicatorReportPlanner,
  keyField: () => 'code',
  columns: [
    { field: 'code', headers: ['code', '指标代码'] },
    { field: 'period', headers: ['period', '期间'] },
    { field: 'scope', headers: ['scope', '范围'] },
    { field: 'value', headers: ['value', '数值'] },
    { field: 'qualifier', headers: ['qualifier', '精度'] },
    { field: 'unit', headers: ['unit', '单位'] },
    { field: 'periodBasis', headers: ['periodBasis', '期间依据'] },
    { field: 'note', headers: ['note', '备注'] },
    { field: 'citationTitle', headers: ['citationTitle', '引用文件'] },
    { field: 'citationUrl', headers: ['citationUrl', '引用链接'] },
    { field: 'citationDate', headers: ['citationDate', '引用日期'] },
  ],
});

/** Every kind by name. */
export const KINDS = { enterprises: ENTERPRISES, partyOrganizations: PARTY_ORGANIZATIONS, honors: HONORS, indicatorReports: INDICATOR_REPORTS } as const;

/** The column of an import that says whether a row is kept (`upsert`, the default) or deleted. */
export const ACTION_COLUMN: ImportColumn = { field: 'action', headers: ['action', '操作'] };

/**
 * Organizations whose parent is another row of the batch come after that row,
 * whatever the order of the file; rows whose parents form a cycle are refused.
 */
function parentsFirst<R extends { nameZh: string; parent: string | null }, K>(
  rows: readonly BatchRow<R, K>[],
): { rows: BatchRow<R, K>[]; problems: RowProblems[] } {
  const byName = new Map<string, BatchRow<R, K>>();
  for (const row of rows) if (row.operation.op === 'upsert') byName.set(row.operation.record.nameZh, row);
  const ordered: BatchRow<R, K>[] = [];
  const problems: RowProblems[] = [];
  const state = new Map<BatchRow<R, K>, 'visiting' | 'placed' | 'cycle'>();
  const place = (row: BatchRow<R, K>, path: BatchRow<R, K>[]): void => {
    if (state.get(row) === 'placed' || state.get(row) === 'cycle') return;
    if (state.get(row) === 'visiting') {
      const cycle = path.slice(path.indexOf(row));
      const names = cycle.map((member) => (member.operation.op === 'upsert' ? `"${member.operation.record.nameZh}"` : ''));
      for (const member of cycle) {
        state.set(member, 'cycle');
        problems.push({ at: member.at, problems: [{ field: 'parent', message: `the parents form a cycle: ${[...names, names[0]].join(' → ')}` }] });
      }
      return;
    }
    state.set(row, 'visiting');
    const parentName = row.operation.op === 'upsert' ? row.operation.record.parent : null;
    const parentRow = parentName === null ? undefined : byName.get(parentName);
    if (parentRow && parentRow !== row) place(parentRow, [...path, row]);
    if (state.get(row) === 'visiting') {
      state.set(row, 'placed');
      ordered.push(row);
    }
  };
  for (const row of rows) place(row, []);
  return { rows: ordered, problems };
}
