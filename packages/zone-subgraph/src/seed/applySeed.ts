import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AllianceMemberRow,
  AllianceRow,
  AppliedSeedRow,
  EnterpriseRow,
  HonorRow,
  IndicatorReportRow,
  PartyOrganizationRow,
  ServiceStationRow,
  ZoneRow,
} from '../db/entities';
import { writeChanges, type Change } from '../upkeep/changes';
import { loadAlliancesWith, loadHonorsHeldBy, loadOrganizationsCovering, loadStationsHostedBy } from '../upkeep/load';
import {
  allianceSnapshot,
  enterpriseSnapshot,
  honorSnapshot,
  indicatorReportSnapshot,
  partyOrganizationSnapshot,
  sameSnapshot,
  serviceStationSnapshot,
  zoneSnapshot,
} from '../upkeep/snapshots';
import { seedActor, type SeedOrigin } from './seedOrigin';
import type { WritableZoneSeed } from './seedSchema';
import { seedReportKey, seedSnapshots, type SeedSnapshots } from './seedSnapshots';
import { writeZoneSeeds } from './writeSeed';

type ChangeOf<E extends Change['entity']> = Extract<Change, { entity: E }>;
type SnapshotOf<E extends Change['entity']> = NonNullable<ChangeOf<E>['after']>;

/** A seed file read from disk: its content and where it came from. */
export type OriginSeed = WritableZoneSeed & { readonly origin: SeedOrigin };

/** What applying a seed file does to its zone. */
export interface SeedApplicationPlan {
  readonly zoneId: string;
  readonly fileName: string;
  /** `new-zone`: the zone is not stored yet and is seeded whole, as on a first start. */
  readonly kind: 'new-zone' | 'changes';
  readonly changes: readonly Change[];
  /** Why it cannot be applied (a record the seed drops is still used by one it does not hold); nothing is written then. */
  readonly problems: readonly string[];
}

export interface SeedApplication extends SeedApplicationPlan {
  readonly applied: boolean;
  /** The audit's id for the application's changes; null when nothing was written. */
  readonly importId: string | null;
}

/** JSON with sorted keys: the stored content comes back from jsonb with its keys reordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** The seed to store as applied: its content without where it was read from. */
export function seedContent(seed: WritableZoneSeed): Omit<WritableZoneSeed, 'origin'> {
  const { origin: _origin, ...content } = seed;
  return content;
}

/** Entries of `now` that differ from (or are missing in) `before`, and the keys of `before` gone from `now`. */
function diffEntries<T>(now: readonly T[], before: readonly T[] | null, keyOf: (entry: T) => string): { changed: T[]; removed: T[] } {
  if (before === null) return { changed: [...now], removed: [] };
  const previous = new Map(before.map((entry) => [keyOf(entry), canonical(entry)]));
  const current = new Set(now.map(keyOf));
  return {
    changed: now.filter((entry) => previous.get(keyOf(entry)) !== canonical(entry)),
    removed: before.filter((entry) => !current.has(keyOf(entry))),
  };
}

async function byIds<T extends object>(manager: EntityManager, target: new () => T, ids: readonly string[]): Promise<T[]> {
  if (ids.length === 0) return [];
  return manager
    .getRepository(target)
    .createQueryBuilder('r')
    .where('r.id = ANY(:ids)', { ids: [...ids] })
    .getMany();
}

/**
 * Plans applying a seed file to its zone as an upsert of every record it holds:
 * against the content last applied (`previous`), only the records the file
 * changed, added or dropped are touched (a zone system's later edits of other
 * records stay); with no previous content, every record is compared with what
 * is stored. A record is written with the seed's values and provenance, and a
 * record the file dropped is deleted, unless a record the seed does not hold
 * still uses it.
 */
export async function planSeedApplication(manager: EntityManager, seed: OriginSeed, previous: WritableZoneSeed | null): Promise<SeedApplicationPlan> {
  const zoneId = seed.zone.id;
  const plan = (changes: Change[], problems: string[] = []): SeedApplicationPlan => ({
    zoneId,
    fileName: seed.origin.fileName,
    kind: 'changes',
    changes,
    problems,
  });
  const zoneRow = await manager.findOneBy(ZoneRow, { id: zoneId });
  if (!zoneRow) return { zoneId, fileName: seed.origin.fileName, kind: 'new-zone', changes: [], problems: [] };

  const desired = seedSnapshots(seed);
  const earlier = previous ? seedSnapshots(previous) : null;
  const byLocal = <T extends { localId: string }>(entry: T) => entry.localId;
  const reportKey = (r: { code: string; period: string; source?: { document: string } }) =>
    seedReportKey({ code: r.code, period: r.period, sourceDocument: r.source?.document ?? null });
  const diffs = {
    enterprises: diffEntries(seed.enterprises, previous?.enterprises ?? null, byLocal),
    partyOrganizations: diffEntries(seed.partyOrganizations, previous?.partyOrganizations ?? null, byLocal),
    honors: diffEntries(seed.honors, previous?.honors ?? null, byLocal),
    alliances: diffEntries(seed.alliances, previous?.alliances ?? null, byLocal),
    serviceStations: diffEntries(seed.serviceStations, previous?.serviceStations ?? null, byLocal),
    indicators: diffEntries(seed.indicators, previous?.indicators ?? null, reportKey),
  };
  const pick = <S extends { id: unknown }>(snapshots: readonly S[], entries: readonly unknown[], all: readonly unknown[]) =>
    entries.map((entry) => snapshots[all.indexOf(entry)]);
  const target = {
    enterprises: pick(desired.enterprises, diffs.enterprises.changed, seed.enterprises),
    partyOrganizations: pick(desired.partyOrganizations, diffs.partyOrganizations.changed, seed.partyOrganizations),
    honors: pick(desired.honors, diffs.honors.changed, seed.honors),
    alliances: pick(desired.alliances, diffs.alliances.changed, seed.alliances),
    serviceStations: pick(desired.serviceStations, diffs.serviceStations.changed, seed.serviceStations),
    indicators: pick(desired.indicators, diffs.indicators.changed, seed.indicators),
  };
  const dropped = {
    enterprises: earlier ? pick(earlier.enterprises, diffs.enterprises.removed, previous!.enterprises) : [],
    partyOrganizations: earlier ? pick(earlier.partyOrganizations, diffs.partyOrganizations.removed, previous!.partyOrganizations) : [],
    honors: earlier ? pick(earlier.honors, diffs.honors.removed, previous!.honors) : [],
    alliances: earlier ? pick(earlier.alliances, diffs.alliances.removed, previous!.alliances) : [],
    serviceStations: earlier ? pick(earlier.serviceStations, diffs.serviceStations.removed, previous!.serviceStations) : [],
    indicators: earlier ? pick(earlier.indicators, diffs.indicators.removed, previous!.indicators) : [],
  };

  // What is stored now for every record touched.
  const ids = <S extends { id: string }>(...lists: (readonly S[])[]) => [...new Set(lists.flat().map((s) => s.id))];
  const storedEnterprises = new Map(
    (await byIds(manager, EnterpriseRow, ids(target.enterprises, dropped.enterprises))).map((row) => [row.id, enterpriseSnapshot(row)] as const),
  );
  const organizationRows = await byIds(manager, PartyOrganizationRow, ids(target.partyOrganizations, dropped.partyOrganizations));
  const coverage = organizationRows.length
    ? await manager.query(`SELECT organization_id, enterprise_id FROM organization_coverage WHERE organization_id = ANY($1)`, [
        organizationRows.map((o) => o.id),
      ])
    : [];
  const storedOrganizations = new Map(
    organizationRows.map((row) => [
      row.id,
      partyOrganizationSnapshot(
        row,
        (coverage as { organization_id: string; enterprise_id: string }[]).filter((c) => c.organization_id === row.id).map((c) => c.enterprise_id),
      ),
    ]),
  );
  const storedHonors = new Map((await byIds(manager, HonorRow, ids(target.honors, dropped.honors))).map((row) => [row.id, honorSnapshot(row)] as const));
  const allianceRows = await byIds(manager, AllianceRow, ids(target.alliances, dropped.alliances));
  const members = allianceRows.length
    ? await manager
        .getRepository(AllianceMemberRow)
        .createQueryBuilder('m')
        .where('m.alliance_id = ANY(:ids)', { ids: allianceRows.map((a) => a.id) })
        .getMany()
    : [];
  const storedAlliances = new Map(
    allianceRows.map((row) => [
      row.id,
      allianceSnapshot(
        row,
        members.filter((m) => m.allianceId === row.id),
      ),
    ]),
  );
  const storedStations = new Map(
    (await byIds(manager, ServiceStationRow, ids(target.serviceStations, dropped.serviceStations))).map(
      (row) => [row.id, serviceStationSnapshot(row)] as const,
    ),
  );
  const reportRows = await manager
    .getRepository(IndicatorReportRow)
    .createQueryBuilder('r')
    .where('r.zone_id = :zoneId AND r.entered_by IS NULL', { zoneId })
    .getMany();
  const storedReports = new Map(reportRows.map((row) => [seedReportKey(row), indicatorReportSnapshot(row)] as const));

  const changes: Change[] = [];
  const key = (id: string) => `id=${id}`;
  const zoneNow = zoneSnapshot(zoneRow);
  const zoneEdited = previous === null || canonical(previous.zone) !== canonical(seed.zone);
  if (zoneEdited && !sameSnapshot(zoneNow, desired.zone, ['synthetic'])) {
    changes.push({ entity: 'zone', action: 'update', naturalKey: key(zoneId), before: zoneNow, after: { ...desired.zone, synthetic: zoneNow.synthetic } });
  }
  const upserts = <E extends Change['entity']>(entity: E, snapshots: readonly SnapshotOf<E>[], stored: ReadonlyMap<string, SnapshotOf<E>>) => {
    for (const after of snapshots) {
      const before = stored.get(String(after.id));
      if (before && sameSnapshot(before, after, ['enteredAt'])) continue;
      changes.push({ entity, action: before ? 'update' : 'create', naturalKey: key(String(after.id)), before: before ?? null, after } as ChangeOf<E>);
    }
  };
  upserts('enterprise', target.enterprises, storedEnterprises);
  upserts('party_organization', parentsFirst(target.partyOrganizations), storedOrganizations);
  upserts('honor', target.honors, storedHonors);
  upserts('alliance', target.alliances, storedAlliances);
  upserts('service_station', target.serviceStations, storedStations);
  for (const after of target.indicators) {
    const before = storedReports.get(seedReportKey(after));
    if (before && sameSnapshot(before, after, ['id', 'enteredAt'])) continue;
    changes.push({
      entity: 'indicator_report',
      action: before ? 'update' : 'create',
      naturalKey: seedReportKey(after),
      before: before ?? null,
      after: before ? { ...after, id: before.id } : after,
    });
  }

  // Records the file dropped: deleted, the ones others depend on last.
  const deletes = <E extends Change['entity']>(entity: E, snapshots: readonly SnapshotOf<E>[], stored: ReadonlyMap<string, SnapshotOf<E>>) => {
    for (const snapshot of snapshots) {
      const before = stored.get(String(snapshot.id));
      if (before) changes.push({ entity, action: 'delete', naturalKey: key(String(before.id)), before, after: null } as ChangeOf<E>);
    }
  };
  for (const dropped_ of dropped.indicators) {
    const before = storedReports.get(seedReportKey(dropped_));
    if (before) changes.push({ entity: 'indicator_report', action: 'delete', naturalKey: seedReportKey(before), before, after: null });
  }
  deletes('service_station', dropped.serviceStations, storedStations);
  deletes('alliance', dropped.alliances, storedAlliances);
  deletes('honor', dropped.honors, storedHonors);
  deletes('party_organization', parentsFirst(dropped.partyOrganizations).reverse(), storedOrganizations);
  deletes('enterprise', dropped.enterprises, storedEnterprises);

  const problems = await stillUsed(manager, target, dropped);
  return plan(changes, problems);
}

/** Dropped records that a record the application leaves as it is still uses: deleting them would leave it dangling. */
async function stillUsed(
  manager: EntityManager,
  target: Pick<SeedSnapshots, 'partyOrganizations' | 'honors' | 'alliances' | 'serviceStations'>,
  dropped: Pick<SeedSnapshots, 'enterprises' | 'partyOrganizations' | 'honors' | 'alliances' | 'serviceStations'>,
): Promise<string[]> {
  const droppedIds = new Set([...dropped.enterprises, ...dropped.partyOrganizations].map((s) => s.id));
  if (droppedIds.size === 0) return [];
  const rewritten = new Set([...target.partyOrganizations, ...target.honors, ...target.alliances, ...target.serviceStations].map((s) => s.id));
  const removed = new Set([...dropped.partyOrganizations, ...dropped.honors, ...dropped.alliances, ...dropped.serviceStations].map((s) => s.id));
  const untouched = (id: string) => !rewritten.has(id) && !removed.has(id);
  const problems: string[] = [];
  const used = (ids: readonly (string | null)[], by: string) => {
    for (const id of ids)
      if (id !== null && droppedIds.has(id)) problems.push(`"${id}" is dropped by the file but ${by} still uses it: change or drop that record too`);
  };
  const list = [...droppedIds];
  for (const o of await loadOrganizationsCovering(manager, list)) if (untouched(o.id)) used(o.enterpriseIds, `party organization "${o.id}" (it covers it)`);
  const children = await manager.getRepository(PartyOrganizationRow).createQueryBuilder('o').where('o.parent_id = ANY(:ids)', { ids: list }).getMany();
  for (const child of children) if (untouched(child.id)) used([child.parentId], `party organization "${child.id}" (its parent)`);
  for (const honor of await loadHonorsHeldBy(manager, list)) if (untouched(honor.id)) used([honor.holderId], `honor "${honor.id}" (its holder)`);
  for (const alliance of await loadAlliancesWith(manager, list))
    if (untouched(alliance.id))
      used(
        alliance.members.map((m) => m.memberId),
        `alliance "${alliance.id}" (a member)`,
      );
  for (const station of await loadStationsHostedBy(manager, list))
    if (untouched(station.id)) used([station.hostEnterpriseId], `service station "${station.id}" (its host)`);
  return problems;
}

function parentsFirst<S extends { id: string; parentId: string | null }>(organizations: readonly S[]): S[] {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const ordered: S[] = [];
  const placed = new Set<string>();
  const place = (o: S, depth: number) => {
    if (placed.has(o.id) || depth > organizations.length) return;
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    if (parent) place(parent, depth + 1);
    if (!placed.has(o.id)) {
      placed.add(o.id);
      ordered.push(o);
    }
  };
  for (const o of organizations) place(o, 0);
  return ordered;
}

/** Remembers a seed file's content as applied to its zone. */
export async function recordAppliedSeed(manager: EntityManager, seed: OriginSeed, appliedBy: string): Promise<void> {
  await manager.upsert(
    AppliedSeedRow,
    {
      zoneId: seed.zone.id,
      fileName: seed.origin.fileName,
      contentHash: seed.origin.contentHash,
      content: seedContent(seed),
      appliedAt: new Date(),
      appliedBy,
    },
    ['zoneId'],
  );
}

/**
 * Applies a seed file to its zone in one transaction: a zone not stored yet is
 * seeded whole (as on a first start); otherwise the planned changes are written
 * with their audit (actor `seed:<file>`, one import id for the application) and
 * the file's content is remembered as applied. A dry run plans only.
 */
export async function applySeedFile(dataSource: DataSource, seed: OriginSeed, options: { dryRun?: boolean } = {}): Promise<SeedApplication> {
  const actor = seedActor(seed.origin);
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('devzone zone upkeep'), hashtext($1))`, [seed.zone.id]);
    const stored = await manager.findOneBy(AppliedSeedRow, { zoneId: seed.zone.id });
    const plan = await planSeedApplication(manager, seed, (stored?.content as WritableZoneSeed | undefined) ?? null);
    if (options.dryRun || plan.problems.length > 0) return { ...plan, applied: false, importId: null };
    if (plan.kind === 'new-zone') {
      await writeZoneSeeds(manager, [seed]);
      return { ...plan, applied: true, importId: null };
    }
    const importId = plan.changes.length > 0 ? randomUUID() : null;
    if (plan.changes.length > 0) await writeChanges(manager, plan.changes, { actor, zoneId: seed.zone.id, importId });
    await recordAppliedSeed(manager, seed, actor);
    return { ...plan, applied: true, importId };
  });
}
