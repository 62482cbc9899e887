import { globalId } from '@devzone/registry';
import type { Change } from '../changes';
import { loadAlliancesWith, loadEnterprises, loadHonorsHeldBy, loadZoneOrganizations } from '../load';
import { derivedLocalId, freeId, planned, quoted, refuse, type KindPlanner, type PlanContext, type RowPlan } from '../plan';
import type { FieldProblem } from '../problems';
import type { PartyOrganizationKey, PartyOrganizationRecord } from '../records/partyOrganizationRecord';
import { RecordSet } from '../recordSet';
import { sameContent, type AllianceSnapshot, type HonorSnapshot, type PartyOrganizationSnapshot } from '../snapshots';
import { enterpriseSet, refLookup, resolveEnterpriseRef } from './enterpriseRefs';

export const organizationNaturalKey = (nameZh: string) => `nameZh=${nameZh}`;

/**
 * Party organizations: keyed by name in the zone. The parent is named too, and
 * may be created by an earlier row of the same batch (imports put parents
 * first); a parent that would make the tree a cycle is refused. Deleting one is
 * refused while it has child organizations or holds honors; its coverage links
 * and alliance memberships go with it (alliances audited).
 */
export function partyOrganizationPlanner(ctx: PlanContext): KindPlanner<PartyOrganizationRecord, PartyOrganizationKey> {
  const organizations = new RecordSet<PartyOrganizationSnapshot>([(o) => o.nameZh, (o) => o.parentId]);
  const enterprises = enterpriseSet();
  const alliances = new RecordSet<AllianceSnapshot>([]);
  const honors = new RecordSet<HonorSnapshot>([(h) => h.holderId]);
  const id = (local: string) => globalId(ctx.zoneId, local);
  const stamp = { enteredBy: ctx.actor, enteredAt: ctx.now.toISOString() };

  function byName(name: string, field: string): PartyOrganizationSnapshot | undefined | FieldProblem {
    const named = organizations.find(0, name);
    if (named.length > 1) return { field, message: `${named.length} party organizations of zone "${ctx.zoneId}" are named "${name}"` };
    return named[0];
  }
  const isProblem = (value: unknown): value is FieldProblem => typeof value === 'object' && value !== null && 'message' in value;

  function planUpsert(record: PartyOrganizationRecord): RowPlan {
    const problems: FieldProblem[] = [];
    const lookupField = record.previousNameZh !== null ? 'previousNameZh' : 'nameZh';
    const found = byName(record.previousNameZh ?? record.nameZh, lookupField);
    if (isProblem(found)) return refuse(found);
    const existing = found;
    if (record.previousNameZh !== null) {
      if (!existing) problems.push({ field: 'previousNameZh', message: `no party organization named "${record.previousNameZh}" in zone "${ctx.zoneId}"` });
      else if (organizations.find(0, record.nameZh).some((o) => o.id !== existing.id))
        problems.push({ field: 'nameZh', message: `another party organization of zone "${ctx.zoneId}" is named "${record.nameZh}"` });
    }
    const recordId = existing?.id ?? id(freeId(derivedLocalId('o', record.nameZh), (local) => organizations.has(id(local))));

    let parentId: string | null = null;
    if (record.parent !== null) {
      const parent = byName(record.parent, 'parent');
      if (isProblem(parent)) problems.push(parent);
      else if (!parent)
        problems.push({
          field: 'parent',
          message: `no party organization named "${record.parent}" in zone "${ctx.zoneId}" (an import may create it on an earlier line)`,
        });
      else if (ancestorsOf(parent).includes(recordId) || parent.id === recordId)
        problems.push({ field: 'parent', message: `"${record.parent}" is under "${record.nameZh}": the tree would have a cycle` });
      else parentId = parent.id;
    }
    const enterpriseIds: string[] = [];
    record.enterprises.forEach((ref, i) => {
      const enterprise = resolveEnterpriseRef(enterprises, ref, ctx.zoneId);
      if (typeof enterprise === 'string') problems.push({ field: `enterprises[${i}]`, message: enterprise });
      else enterpriseIds.push(enterprise.id);
    });
    if (problems.length > 0) return refuse(...problems);

    const naturalKey = organizationNaturalKey(record.nameZh);
    const after: PartyOrganizationSnapshot = {
      id: recordId,
      zoneId: ctx.zoneId,
      nameZh: record.nameZh,
      type: record.type,
      parentId,
      memberCount: record.memberCount,
      memberCountQualifier: record.memberCountQualifier,
      foundedOn: record.foundedOn,
      starRating: record.starRating,
      brand: record.brand,
      enterpriseIds: [...new Set(enterpriseIds)].sort(),
      sourceDocument: existing?.sourceDocument ?? null,
      sourcePassage: existing?.sourcePassage ?? null,
      synthetic: existing?.synthetic ?? false,
      ...stamp,
    };
    if (existing && sameContent(existing, after)) return planned({ outcome: 'unchanged', naturalKey, recordId, changes: [] });
    organizations.put(after);
    const change: Change = { entity: 'party_organization', action: existing ? 'update' : 'create', naturalKey, before: existing ?? null, after };
    return planned({ outcome: existing ? 'updated' : 'created', naturalKey, recordId, changes: [change] });
  }

  function ancestorsOf(organization: PartyOrganizationSnapshot): string[] {
    const seen: string[] = [];
    let parentId = organization.parentId;
    while (parentId !== null && !seen.includes(parentId)) {
      seen.push(parentId);
      parentId = organizations.get(parentId)?.parentId ?? null;
    }
    return seen;
  }

  function planDelete(key: PartyOrganizationKey): RowPlan {
    const found = byName(key.nameZh, 'nameZh');
    if (isProblem(found)) return refuse(found);
    const naturalKey = organizationNaturalKey(key.nameZh);
    if (!found) return planned({ outcome: 'unchanged', naturalKey, recordId: null, changes: [] });
    const children = organizations.find(1, found.id);
    const held = honors.find(0, found.id);
    const problems: FieldProblem[] = [
      ...(children.length > 0
        ? [{ field: 'nameZh', message: `"${found.nameZh}" has child organization(s) ${quoted(children.map((c) => c.nameZh))}: move or delete them first` }]
        : []),
      ...(held.length > 0
        ? [{ field: 'nameZh', message: `"${found.nameZh}" holds ${held.length} honor(s) (${quoted(held.map((h) => h.title))}): delete them first` }]
        : []),
    ];
    if (problems.length > 0) return refuse(...problems);
    const changes: Change[] = [];
    for (const alliance of alliances.values().filter((a) => a.members.some((m) => m.memberId === found.id))) {
      const after = { ...alliance, members: alliance.members.filter((m) => m.memberId !== found.id) };
      alliances.put(after);
      changes.push({ entity: 'alliance', action: 'update', naturalKey: `id=${alliance.id}`, before: alliance, after });
    }
    changes.push({ entity: 'party_organization', action: 'delete', naturalKey, before: found, after: null });
    organizations.remove(found.id);
    return planned({ outcome: 'deleted', naturalKey, recordId: found.id, changes });
  }

  return {
    keyOf: (operation) => organizationNaturalKey(operation.op === 'upsert' ? operation.record.nameZh : operation.key.nameZh),
    async prefetch(operations) {
      for (const o of await loadZoneOrganizations(ctx.manager, ctx.zoneId)) organizations.put(o);
      const refs = operations.flatMap((o) => (o.op === 'upsert' ? o.record.enterprises : []));
      if (refs.length > 0) for (const e of await loadEnterprises(ctx.manager, ctx.zoneId, refLookup(refs))) enterprises.put(e);
      const deleted = operations.flatMap((o) => (o.op === 'delete' ? organizations.find(0, o.key.nameZh).map((org) => org.id) : []));
      for (const a of await loadAlliancesWith(ctx.manager, deleted)) alliances.put(a);
      for (const h of await loadHonorsHeldBy(ctx.manager, deleted)) honors.put(h);
    },
    plan: (operation) => (operation.op === 'upsert' ? planUpsert(operation.record) : planDelete(operation.key)),
  };
}
