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
  UpkeepAuditRow,
  ZoneRow,
  type AuditAction,
} from '../db/entities';
import type {
  AllianceSnapshot,
  EnterpriseSnapshot,
  HonorSnapshot,
  IndicatorReportSnapshot,
  PartyOrganizationSnapshot,
  ServiceStationSnapshot,
  ZoneSnapshot,
} from './snapshots';

interface ChangeOf<E extends string, S> {
  readonly entity: E;
  readonly action: AuditAction;
  /** How the audit names the record: its natural key (`creditCode=…`, `nameZh=…`), or its id for seeds. */
  readonly naturalKey: string;
  readonly before: S | null;
  readonly after: S | null;
}

/** One change to one record, planned before anything is written. */
export type Change =
  | ChangeOf<'zone', ZoneSnapshot>
  | ChangeOf<'enterprise', EnterpriseSnapshot>
  | ChangeOf<'party_organization', PartyOrganizationSnapshot>
  | ChangeOf<'honor', HonorSnapshot>
  | ChangeOf<'indicator_report', IndicatorReportSnapshot>
  | ChangeOf<'alliance', AllianceSnapshot>
  | ChangeOf<'service_station', ServiceStationSnapshot>;

/** Who makes the changes: every one is audited under this actor (and import, if any). */
export interface ChangeAuthor {
  readonly actor: string;
  readonly zoneId: string;
  readonly importId: string | null;
}

/** Rows are inserted in chunks: large imports stay under PostgreSQL's parameter limit. */
const CHUNK = 500;

const dateOf = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

function enterpriseRow(s: EnterpriseSnapshot): EnterpriseRow {
  return Object.assign(new EnterpriseRow(), { ...s, enteredAt: dateOf(s.enteredAt) });
}

function organizationRow({ enterpriseIds: _links, ...s }: PartyOrganizationSnapshot): PartyOrganizationRow {
  return Object.assign(new PartyOrganizationRow(), { ...s, enteredAt: dateOf(s.enteredAt) });
}

function honorRow(s: HonorSnapshot): HonorRow {
  return Object.assign(new HonorRow(), { ...s, enteredAt: dateOf(s.enteredAt) });
}

function reportRow({ id, ...s }: IndicatorReportSnapshot): IndicatorReportRow {
  return Object.assign(new IndicatorReportRow(), { ...s, ...(id === null ? {} : { id }), enteredAt: dateOf(s.enteredAt) });
}

function allianceRow({ members: _members, ...s }: AllianceSnapshot): AllianceRow {
  return Object.assign(new AllianceRow(), s);
}

/**
 * Many rows in one statement each chunk: the rows go as one JSON parameter that
 * PostgreSQL spreads into the table's columns (jsonb_populate_recordset), far
 * cheaper than binding every value. Columns a row leaves undefined take their defaults.
 */
async function bulkInsert<T extends object>(manager: EntityManager, target: new () => T, rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(target);
  const columns = metadata.columns.filter((column) => rows.some((row) => (row as Record<string, unknown>)[column.propertyName] !== undefined));
  const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
  for (let i = 0; i < rows.length; i += BULK_CHUNK) {
    const json = rows
      .slice(i, i + BULK_CHUNK)
      .map((row) => Object.fromEntries(columns.map((c) => [c.databaseName, (row as Record<string, unknown>)[c.propertyName] ?? null])));
    await manager.query(
      `INSERT INTO "${metadata.tableName}" (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::"${metadata.tableName}", $1::jsonb)`,
      [JSON.stringify(json)],
    );
  }
}

const BULK_CHUNK = 5000;

async function insertChunked<T extends object>(manager: EntityManager, target: new () => T, rows: T[]): Promise<{ id?: unknown }[]> {
  const identifiers: { id?: unknown }[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await manager.insert(target, rows.slice(i, i + CHUNK) as never);
    identifiers.push(...(result.identifiers as { id?: unknown }[]));
  }
  return identifiers;
}

/**
 * Writes planned changes in their order, then their audit rows. Consecutive
 * creations of enterprises, honors and reports go in chunks; the rest row by
 * row (an organization's parent and links must exist before it).
 */
export async function writeChanges(manager: EntityManager, changes: readonly Change[], author: ChangeAuthor): Promise<void> {
  let pending: Change[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const first = batch[0];
    if (first.entity === 'enterprise')
      await insertChunked(
        manager,
        EnterpriseRow,
        batch.map((c) => enterpriseRow(c.after as EnterpriseSnapshot)),
      );
    else if (first.entity === 'honor')
      await insertChunked(
        manager,
        HonorRow,
        batch.map((c) => honorRow(c.after as HonorSnapshot)),
      );
    else if (first.entity === 'indicator_report') {
      const snapshots = batch.map((c) => c.after as IndicatorReportSnapshot);
      const ids = await insertChunked(manager, IndicatorReportRow, snapshots.map(reportRow));
      // The audit names the stored report by the number the database gave it.
      snapshots.forEach((snapshot, i) => (snapshot.id = Number(ids[i]?.id)));
    }
  };
  const batchable = (c: Change) => c.action === 'create' && (c.entity === 'enterprise' || c.entity === 'honor' || c.entity === 'indicator_report');

  for (const change of changes) {
    if (batchable(change)) {
      if (pending.length > 0 && pending[0].entity !== change.entity) await flush();
      pending.push(change);
      continue;
    }
    await flush();
    await writeOne(manager, change);
  }
  await flush();

  const audit = changes.map((change) =>
    Object.assign(new UpkeepAuditRow(), {
      actor: author.actor,
      zoneId: author.zoneId,
      entityKind: change.entity,
      naturalKey: change.naturalKey,
      recordId: recordIdOf(change),
      action: change.action,
      before: change.before as Record<string, unknown> | null,
      after: change.after as Record<string, unknown> | null,
      importId: author.importId,
    }),
  );
  await bulkInsert(manager, UpkeepAuditRow, audit);
}

function recordIdOf(change: Change): string | null {
  const id = (change.after ?? change.before)?.id;
  return id === null || id === undefined ? null : String(id);
}

async function writeOne(manager: EntityManager, change: Change): Promise<void> {
  switch (change.entity) {
    case 'zone': {
      const { id, ...set } = change.after as ZoneSnapshot;
      await manager.update(ZoneRow, { id }, set);
      return;
    }
    case 'enterprise': {
      const before = change.before;
      if (change.action === 'update') {
        const { id, ...set } = enterpriseRow(change.after as EnterpriseSnapshot);
        await manager.update(EnterpriseRow, { id }, set);
      } else if (change.action === 'delete' && before) {
        await manager.delete(OrganizationCoverageRow, { enterpriseId: before.id });
        await manager.delete(AllianceMemberRow, { memberId: before.id });
        await manager.delete(EnterpriseRow, { id: before.id });
      } else await manager.insert(EnterpriseRow, enterpriseRow(change.after as EnterpriseSnapshot));
      return;
    }
    case 'party_organization': {
      const { before, after } = change;
      if (after && change.action === 'create') await manager.insert(PartyOrganizationRow, organizationRow(after));
      if (after && change.action === 'update') {
        const { id, ...set } = organizationRow(after);
        await manager.update(PartyOrganizationRow, { id }, set);
      }
      const had = new Set(before?.enterpriseIds ?? []);
      const has = new Set(after?.enterpriseIds ?? []);
      const organizationId = (after ?? before)!.id;
      const removed = [...had].filter((id) => !has.has(id));
      const added = [...has].filter((id) => !had.has(id));
      for (const enterpriseId of removed) await manager.delete(OrganizationCoverageRow, { organizationId, enterpriseId });
      if (added.length > 0)
        await insertChunked(
          manager,
          OrganizationCoverageRow,
          added.map((enterpriseId) => Object.assign(new OrganizationCoverageRow(), { organizationId, enterpriseId })),
        );
      if (before && change.action === 'delete') {
        await manager.delete(AllianceMemberRow, { memberId: before.id });
        await manager.delete(PartyOrganizationRow, { id: before.id });
      }
      return;
    }
    case 'honor': {
      if (change.action === 'delete') await manager.delete(HonorRow, { id: change.before!.id });
      else if (change.action === 'update') {
        const { id, ...set } = honorRow(change.after!);
        await manager.update(HonorRow, { id }, set);
      } else await manager.insert(HonorRow, honorRow(change.after!));
      return;
    }
    case 'indicator_report': {
      if (change.action === 'delete') await manager.delete(IndicatorReportRow, { id: change.before!.id! });
      else if (change.action === 'update') {
        const { id, ...set } = reportRow({ ...change.after!, id: change.before!.id });
        await manager.update(IndicatorReportRow, { id }, set);
      } else {
        const result = await manager.insert(IndicatorReportRow, reportRow(change.after!));
        change.after!.id = Number((result.identifiers[0] as { id?: unknown }).id);
      }
      return;
    }
    case 'alliance': {
      const { before, after } = change;
      if (after && change.action === 'create') await manager.insert(AllianceRow, allianceRow(after));
      if (after && change.action === 'update') {
        const { id, ...set } = allianceRow(after);
        await manager.update(AllianceRow, { id }, set);
      }
      const allianceId = (after ?? before)!.id;
      const had = new Map((before?.members ?? []).map((m) => [m.memberId, m.memberKind]));
      const has = new Map((after?.members ?? []).map((m) => [m.memberId, m.memberKind]));
      for (const [memberId, kind] of had) if (has.get(memberId) !== kind) await manager.delete(AllianceMemberRow, { allianceId, memberId });
      const added = [...has].filter(([memberId, kind]) => had.get(memberId) !== kind);
      if (added.length > 0)
        await insertChunked(
          manager,
          AllianceMemberRow,
          added.map(([memberId, memberKind]) => Object.assign(new AllianceMemberRow(), { allianceId, memberId, memberKind })),
        );
      if (before && change.action === 'delete') await manager.delete(AllianceRow, { id: before.id });
      return;
    }
    case 'service_station': {
      if (change.action === 'delete') await manager.delete(ServiceStationRow, { id: change.before!.id });
      else if (change.action === 'update') {
        const { id, ...set } = change.after!;
        await manager.update(ServiceStationRow, { id }, set);
      } else await manager.insert(ServiceStationRow, Object.assign(new ServiceStationRow(), change.after!));
      return;
    }
  }
}
