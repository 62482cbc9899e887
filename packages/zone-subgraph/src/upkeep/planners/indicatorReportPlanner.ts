import { loadEnteredReports } from '../load';
import { planned, type KindPlanner, type PlanContext, type RowPlan } from '../plan';
import type { IndicatorReportKey, IndicatorReportRecord } from '../records/indicatorReportRecord';
import { sameContent, type IndicatorReportSnapshot } from '../snapshots';

export const reportNaturalKey = (key: IndicatorReportKey): string => `code=${key.code}; period=${key.period}${key.scope === '' ? '' : `; scope=${key.scope}`}`;

/**
 * Figures a zone system reports, keyed by indicator code, period and scope.
 * Only the zone system's own figures are matched: a figure quoted from an
 * article is a different statement and stays beside it, never overwritten.
 */
export function indicatorReportPlanner(ctx: PlanContext): KindPlanner<IndicatorReportRecord, IndicatorReportKey> {
  const reports = new Map<string, IndicatorReportSnapshot>();
  const stamp = { enteredBy: ctx.actor, enteredAt: ctx.now.toISOString() };
  const recordIdOf = (report: IndicatorReportSnapshot | undefined) => (report?.id === null || report?.id === undefined ? null : String(report.id));

  function planUpsert(record: IndicatorReportRecord): RowPlan {
    const naturalKey = reportNaturalKey(record);
    const existing = reports.get(naturalKey);
    const after: IndicatorReportSnapshot = {
      id: existing?.id ?? null,
      zoneId: ctx.zoneId,
      code: record.code,
      period: record.period,
      scope: record.scope,
      periodBasis: record.periodBasis,
      value: record.value,
      qualifier: record.qualifier,
      unit: record.unit,
      note: record.note,
      citationTitle: record.citationTitle,
      citationUrl: record.citationUrl,
      citationDate: record.citationDate,
      sourceDocument: null,
      sourcePassage: null,
      synthetic: existing?.synthetic ?? false,
      ...stamp,
    };
    if (existing && sameContent(existing, after, ['id'])) return planned({ outcome: 'unchanged', naturalKey, recordId: recordIdOf(existing), changes: [] });
    reports.set(naturalKey, after);
    return planned({
      outcome: existing ? 'updated' : 'created',
      naturalKey,
      recordId: recordIdOf(existing),
      changes: [{ entity: 'indicator_report', action: existing ? 'update' : 'create', naturalKey, before: existing ?? null, after }],
    });
  }

  function planDelete(key: IndicatorReportKey): RowPlan {
    const naturalKey = reportNaturalKey(key);
    const existing = reports.get(naturalKey);
    if (!existing) return planned({ outcome: 'unchanged', naturalKey, recordId: null, changes: [] });
    reports.delete(naturalKey);
    return planned({
      outcome: 'deleted',
      naturalKey,
      recordId: recordIdOf(existing),
      changes: [{ entity: 'indicator_report', action: 'delete', naturalKey, before: existing, after: null }],
    });
  }

  return {
    keyOf: (operation) => reportNaturalKey(operation.op === 'upsert' ? operation.record : operation.key),
    async prefetch(operations) {
      const codes = [...new Set(operations.map((o) => (o.op === 'upsert' ? o.record.code : o.key.code)))];
      for (const report of await loadEnteredReports(ctx.manager, ctx.zoneId, codes)) reports.set(reportNaturalKey(report), report);
    },
    plan: (operation) => (operation.op === 'upsert' ? planUpsert(operation.record) : planDelete(operation.key)),
  };
}
