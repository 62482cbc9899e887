import { globalId } from '@devzone/registry';
import { loadEnterprises, loadHonors, loadOrganizationsByName } from '../load';
import { derivedLocalId, freeId, planned, refuse, type KindPlanner, type PlanContext, type RowPlan } from '../plan';
import type { HonorKey, HonorRecord } from '../records/honorRecord';
import { RecordSet } from '../recordSet';
import { sameContent, type HonorSnapshot, type PartyOrganizationSnapshot } from '../snapshots';
import { enterpriseSet, refLookup, resolveEnterpriseRef } from './enterpriseRefs';

/** `holder=enterprise:<ref>; title=…; year=…` as the row wrote it. */
export const honorNaturalKey = (key: HonorKey): string =>
  `holder=${key.holderKind}${key.holder === null ? '' : `:${key.holder}`}; title=${key.title}; year=${key.year ?? 'none'}`;

const storedKey = (holderId: string, title: string, year: number | null) => `${holderId}|${title}|${year ?? ''}`;

/**
 * Honors: keyed by holder (the zone, an enterprise by credit code or name, a
 * party organization by name), title and year.
 */
export function honorPlanner(ctx: PlanContext): KindPlanner<HonorRecord, HonorKey> {
  const honors = new RecordSet<HonorSnapshot>([(h) => storedKey(h.holderId, h.title, h.year)]);
  const enterprises = enterpriseSet();
  const organizations = new RecordSet<PartyOrganizationSnapshot>([(o) => o.nameZh]);
  const id = (local: string) => globalId(ctx.zoneId, local);
  const stamp = { enteredBy: ctx.actor, enteredAt: ctx.now.toISOString() };

  function holderOf(key: HonorKey): { holderId: string } | { problem: string } {
    if (key.holderKind === 'zone') return { holderId: ctx.zoneId };
    if (key.holderKind === 'enterprise') {
      const enterprise = resolveEnterpriseRef(enterprises, key.holder ?? '', ctx.zoneId);
      return typeof enterprise === 'string' ? { problem: enterprise } : { holderId: enterprise.id };
    }
    const named = organizations.find(0, key.holder ?? '');
    if (named.length === 0) return { problem: `no party organization named "${key.holder}" in zone "${ctx.zoneId}"` };
    if (named.length > 1) return { problem: `${named.length} party organizations are named "${key.holder}"` };
    return { holderId: named[0].id };
  }

  function planUpsert(record: HonorRecord): RowPlan {
    const holder = holderOf(record);
    if ('problem' in holder) return refuse({ field: 'holder', message: holder.problem });
    const matches = honors.find(0, storedKey(holder.holderId, record.title, record.year));
    if (matches.length > 1) return refuse({ field: 'title', message: `${matches.length} honors of this holder are titled "${record.title}" for that year` });
    const existing = matches[0];
    const naturalKey = honorNaturalKey(record);
    const recordId = existing?.id ?? id(freeId(derivedLocalId('h', storedKey(holder.holderId, record.title, record.year)), (local) => honors.has(id(local))));
    const after: HonorSnapshot = {
      id: recordId,
      zoneId: ctx.zoneId,
      title: record.title,
      level: record.level,
      year: record.year,
      awardedBy: record.awardedBy,
      holderKind: record.holderKind,
      holderId: holder.holderId,
      sourceDocument: existing?.sourceDocument ?? null,
      sourcePassage: existing?.sourcePassage ?? null,
      synthetic: existing?.synthetic ?? false,
      ...stamp,
    };
    if (existing && sameContent(existing, after)) return planned({ outcome: 'unchanged', naturalKey, recordId, changes: [] });
    honors.put(after);
    return planned({
      outcome: existing ? 'updated' : 'created',
      naturalKey,
      recordId,
      changes: [{ entity: 'honor', action: existing ? 'update' : 'create', naturalKey, before: existing ?? null, after }],
    });
  }

  function planDelete(key: HonorKey): RowPlan {
    const naturalKey = honorNaturalKey(key);
    const holder = holderOf(key);
    // A holder that is not there holds nothing: deleting is already done.
    const existing = 'problem' in holder ? [] : honors.find(0, storedKey(holder.holderId, key.title, key.year));
    if (existing.length > 1) return refuse({ field: 'title', message: `${existing.length} honors of this holder are titled "${key.title}" for that year` });
    if (existing.length === 0) return planned({ outcome: 'unchanged', naturalKey, recordId: null, changes: [] });
    honors.remove(existing[0].id);
    return planned({
      outcome: 'deleted',
      naturalKey,
      recordId: existing[0].id,
      changes: [{ entity: 'honor', action: 'delete', naturalKey, before: existing[0], after: null }],
    });
  }

  return {
    keyOf: (operation) => honorNaturalKey(operation.op === 'upsert' ? operation.record : operation.key),
    async prefetch(operations) {
      const keys = operations.map((o) => (o.op === 'upsert' ? o.record : o.key));
      const enterpriseRefs = keys.flatMap((k) => (k.holderKind === 'enterprise' && k.holder !== null ? [k.holder] : []));
      if (enterpriseRefs.length > 0) for (const e of await loadEnterprises(ctx.manager, ctx.zoneId, refLookup(enterpriseRefs))) enterprises.put(e);
      const organizationNames = keys.flatMap((k) => (k.holderKind === 'party_organization' && k.holder !== null ? [k.holder] : []));
      if (organizationNames.length > 0) for (const o of await loadOrganizationsByName(ctx.manager, ctx.zoneId, organizationNames)) organizations.put(o);
      const idPrefixes = keys.flatMap((k) => {
        const holder = holderOf(k);
        return 'problem' in holder ? [] : [id(derivedLocalId('h', storedKey(holder.holderId, k.title, k.year)))];
      });
      for (const h of await loadHonors(
        ctx.manager,
        ctx.zoneId,
        keys.map((k) => k.title),
        idPrefixes,
      ))
        honors.put(h);
    },
    plan: (operation) => (operation.op === 'upsert' ? planUpsert(operation.record) : planDelete(operation.key)),
  };
}
