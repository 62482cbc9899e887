import { globalId } from '@devzone/registry';
import type { Change } from '../changes';
import { loadAlliancesWith, loadEnterprises, loadHonorsHeldBy, loadOrganizationsCovering, loadStationsHostedBy } from '../load';
import { derivedLocalId, freeId, planned, quoted, refuse, type KindPlanner, type Operation, type PlanContext, type RowPlan } from '../plan';
import type { EnterpriseKey, EnterpriseRecord } from '../records/enterpriseRecord';
import { RecordSet } from '../recordSet';
import {
  sameContent,
  type AllianceSnapshot,
  type EnterpriseSnapshot,
  type HonorSnapshot,
  type PartyOrganizationSnapshot,
  type ServiceStationSnapshot,
} from '../snapshots';
import { enterpriseSet } from './enterpriseRefs';

type EnterpriseOperation = Operation<EnterpriseRecord, EnterpriseKey>;

export const enterpriseNaturalKey = (key: { creditCode: string | null; nameZh: string | null }): string =>
  key.creditCode !== null ? `creditCode=${key.creditCode}` : `nameZh=${key.nameZh ?? ''}`;

/** Local id of a new enterprise: from its credit code, else from its name. */
const baseLocalId = (record: EnterpriseRecord) => (record.creditCode !== null ? `e-${record.creditCode.toLowerCase()}` : derivedLocalId('e', record.nameZh));

/**
 * Enterprises: keyed by credit code when they have one, else by name in the zone.
 * A record with a code adopts the zone's uncoded enterprise of that name (an
 * article named it; the zone system now gives its code). Deleting one removes it
 * from the organizations covering it and the alliances holding it (each audited),
 * and is refused while it holds honors or hosts a service station.
 */
export function enterprisePlanner(ctx: PlanContext): KindPlanner<EnterpriseRecord, EnterpriseKey> {
  const enterprises = enterpriseSet();
  const organizations = new RecordSet<PartyOrganizationSnapshot>([]);
  const alliances = new RecordSet<AllianceSnapshot>([]);
  const honors = new RecordSet<HonorSnapshot>([(h) => h.holderId]);
  const stations = new RecordSet<ServiceStationSnapshot>([(s) => s.hostEnterpriseId]);
  const id = (local: string) => globalId(ctx.zoneId, local);
  const stamp = { enteredBy: ctx.actor, enteredAt: ctx.now.toISOString() };

  function findForKey(key: { creditCode: string | null; nameZh: string | null }): EnterpriseSnapshot | undefined | RowPlan {
    if (key.creditCode !== null) return enterprises.find(0, key.creditCode)[0];
    const named = enterprises.find(1, key.nameZh ?? '');
    const coded = named.find((e) => e.creditCode !== null);
    if (coded)
      return refuse({
        field: 'creditCode',
        message: `"${coded.nameZh}" has credit code ${coded.creditCode}: give it (an enterprise with a credit code is keyed by it)`,
      });
    if (named.length > 1) return refuse({ field: 'nameZh', message: `${named.length} enterprises of zone "${ctx.zoneId}" are named "${key.nameZh}"` });
    return named[0];
  }

  function planUpsert(record: EnterpriseRecord): RowPlan {
    let existing: EnterpriseSnapshot | undefined;
    if (record.creditCode !== null) {
      existing = enterprises.find(0, record.creditCode)[0];
      const named = enterprises.find(1, record.nameZh).filter((e) => e.id !== existing?.id);
      const coded = named.find((e) => e.creditCode !== null);
      if (coded)
        return refuse({ field: 'nameZh', message: `another enterprise of zone "${ctx.zoneId}" is named "${record.nameZh}" (credit code ${coded.creditCode})` });
      if (!existing) {
        if (named.length > 1) return refuse({ field: 'nameZh', message: `${named.length} enterprises of zone "${ctx.zoneId}" are named "${record.nameZh}"` });
        existing = named[0];
      } else if (named.length > 0) return refuse({ field: 'nameZh', message: `another enterprise of zone "${ctx.zoneId}" is named "${record.nameZh}"` });
    } else {
      const found = findForKey({ creditCode: null, nameZh: record.previousNameZh ?? record.nameZh });
      if (found && 'ok' in found) return record.previousNameZh !== null ? renameField(found) : found;
      existing = found;
      if (record.previousNameZh !== null) {
        if (!existing) return refuse({ field: 'previousNameZh', message: `no enterprise named "${record.previousNameZh}" in zone "${ctx.zoneId}"` });
        if (enterprises.find(1, record.nameZh).some((e) => e.id !== existing!.id))
          return refuse({ field: 'nameZh', message: `another enterprise of zone "${ctx.zoneId}" is named "${record.nameZh}"` });
      }
    }
    const naturalKey = enterpriseNaturalKey(record);
    const recordId = existing?.id ?? id(freeId(baseLocalId(record), (local) => enterprises.has(id(local))));
    const after: EnterpriseSnapshot = {
      id: recordId,
      zoneId: ctx.zoneId,
      nameZh: record.nameZh,
      nameEn: record.nameEn,
      creditCode: record.creditCode,
      industry: record.industry,
      flags: record.flags,
      employees: record.employees,
      employeesQualifier: record.employeesQualifier,
      outputValue: record.outputValue,
      tax: record.tax,
      inventionPatents: record.inventionPatents,
      utilityPatents: record.utilityPatents,
      sourceDocument: existing?.sourceDocument ?? null,
      sourcePassage: existing?.sourcePassage ?? null,
      synthetic: existing?.synthetic ?? false,
      ...stamp,
    };
    if (existing && sameContent(existing, after)) return planned({ outcome: 'unchanged', naturalKey, recordId, changes: [] });
    enterprises.put(after);
    const change: Change = { entity: 'enterprise', action: existing ? 'update' : 'create', naturalKey, before: existing ?? null, after };
    return planned({ outcome: existing ? 'updated' : 'created', naturalKey, recordId, changes: [change] });
  }

  function planDelete(key: EnterpriseKey): RowPlan {
    const found = findForKey(key);
    if (found && 'ok' in found) return found;
    const naturalKey = enterpriseNaturalKey(key);
    if (!found) return planned({ outcome: 'unchanged', naturalKey, recordId: null, changes: [] });
    const held = honors.find(0, found.id);
    const hosted = stations.find(0, found.id);
    const problems = [
      ...(held.length > 0
        ? [{ field: 'nameZh', message: `"${found.nameZh}" holds ${held.length} honor(s) (${quoted(held.map((h) => h.title))}): delete them first` }]
        : []),
      ...(hosted.length > 0 ? [{ field: 'nameZh', message: `"${found.nameZh}" hosts service station(s) ${quoted(hosted.map((s) => s.nameZh))}` }] : []),
    ];
    if (problems.length > 0) return refuse(...problems);
    const changes: Change[] = [];
    for (const organization of organizations.values().filter((o) => o.enterpriseIds.includes(found.id))) {
      const after = { ...organization, enterpriseIds: organization.enterpriseIds.filter((e) => e !== found.id) };
      organizations.put(after);
      changes.push({ entity: 'party_organization', action: 'update', naturalKey: `nameZh=${organization.nameZh}`, before: organization, after });
    }
    for (const alliance of alliances.values().filter((a) => a.members.some((m) => m.memberId === found.id))) {
      const after = { ...alliance, members: alliance.members.filter((m) => m.memberId !== found.id) };
      alliances.put(after);
      changes.push({ entity: 'alliance', action: 'update', naturalKey: `id=${alliance.id}`, before: alliance, after });
    }
    changes.push({ entity: 'enterprise', action: 'delete', naturalKey, before: found, after: null });
    enterprises.remove(found.id);
    return planned({ outcome: 'deleted', naturalKey, recordId: found.id, changes });
  }

  return {
    keyOf: (operation: EnterpriseOperation) => enterpriseNaturalKey(operation.op === 'upsert' ? operation.record : operation.key),
    async prefetch(operations) {
      const codes: string[] = [];
      const names: string[] = [];
      const idPrefixes: string[] = [];
      for (const operation of operations) {
        const key = operation.op === 'upsert' ? operation.record : operation.key;
        if (key.creditCode !== null) codes.push(key.creditCode);
        if (key.nameZh !== null) names.push(key.nameZh);
        if (operation.op === 'upsert') {
          if (operation.record.previousNameZh !== null) names.push(operation.record.previousNameZh);
          idPrefixes.push(id(baseLocalId(operation.record)));
        }
      }
      for (const e of await loadEnterprises(ctx.manager, ctx.zoneId, { creditCodes: codes, names, ids: idPrefixes, idPrefixes })) enterprises.put(e);
      if (!operations.some((o) => o.op === 'delete')) return;
      // What deleting may touch: the links to the enterprises that deletes name.
      const ids = enterprises.values().map((e) => e.id);
      for (const o of await loadOrganizationsCovering(ctx.manager, ids)) organizations.put(o);
      for (const a of await loadAlliancesWith(ctx.manager, ids)) alliances.put(a);
      for (const h of await loadHonorsHeldBy(ctx.manager, ids)) honors.put(h);
      for (const s of await loadStationsHostedBy(ctx.manager, ids)) stations.put(s);
    },
    plan: (operation) => (operation.op === 'upsert' ? planUpsert(operation.record) : planDelete(operation.key)),
  };
}

/** A lookup by the previous name that failed names `previousNameZh`, the field that named it. */
function renameField(plan: RowPlan): RowPlan {
  return plan.ok ? plan : refuse(...plan.problems.map((p) => (p.field === 'nameZh' ? { ...p, field: 'previousNameZh' } : p)));
}
