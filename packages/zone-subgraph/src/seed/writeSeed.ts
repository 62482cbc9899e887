import type { DataSource, EntityManager } from 'typeorm';
import { AppliedSeedRow } from '../db/entities';
import { seedActor } from './seedOrigin';
import { globalId } from '@devzone/registry';
import {
  AllianceMemberRow,
  AllianceRow,
  EnterpriseRow,
  HonorRow,
  IndicatorReportRow,
  OrganizationCoverageRow,
  PartyOrganizationRow,
  ServiceStationRow,
  ZoneRow,
} from '../db/entities';
import type { WritableZoneSeed } from './seedSchema';

export interface SeedOutcome {
  zoneId: string;
  status: 'seeded' | 'already-present';
}

/** Rows are inserted in chunks so that large synthetic zones stay under PostgreSQL's parameter limit. */
const CHUNK = 1000;

async function insertChunked<T extends object>(manager: EntityManager, target: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.insert(target, rows.slice(i, i + CHUNK) as never);
  }
}

/**
 * Loads each zone's seed unless the zone is already stored: a restart keeps
 * whatever was written since (a seed file edited later is reported at start,
 * see `checkSeedDrift`, and applied on demand). One transaction per zone: a
 * failure leaves that zone absent, never half-written. A seed read from a file
 * is remembered as applied in the same transaction.
 */
export async function writeZoneSeeds(
  database: DataSource | EntityManager,
  seeds: readonly WritableZoneSeed[],
  options: { synthetic?: boolean } = {},
): Promise<SeedOutcome[]> {
  const outcomes: SeedOutcome[] = [];
  for (const seed of seeds) {
    const zoneId = seed.zone.id;
    const present = await database.getRepository(ZoneRow).existsBy({ id: zoneId });
    if (present) {
      outcomes.push({ zoneId, status: 'already-present' });
      continue;
    }
    await database.transaction(async (manager) => {
      await writeOneZone(manager, seed, options.synthetic ?? false);
      if (seed.origin) {
        const { origin, ...content } = seed;
        await manager.insert(AppliedSeedRow, { zoneId, fileName: origin.fileName, contentHash: origin.contentHash, content, appliedBy: seedActor(origin) });
      }
    });
    outcomes.push({ zoneId, status: 'seeded' });
  }
  return outcomes;
}

async function writeOneZone(manager: EntityManager, seed: WritableZoneSeed, synthetic: boolean): Promise<void> {
  const zoneId = seed.zone.id;
  const id = (localId: string) => globalId(zoneId, localId);
  const source = (s: { document: string; passage: string } | undefined) => ({
    sourceDocument: s?.document ?? null,
    sourcePassage: s?.passage ?? null,
    synthetic,
  });

  const completeness = seed.zone.recordCompleteness;
  await manager.insert(ZoneRow, {
    id: zoneId,
    nameZh: seed.zone.nameZh,
    nameEn: seed.zone.nameEn,
    synthetic,
    enterprisesCompleteness: completeness.enterprises,
    partyOrganizationsCompleteness: completeness.partyOrganizations,
    honorsCompleteness: completeness.honors,
    alliancesCompleteness: completeness.alliances,
    serviceStationsCompleteness: completeness.serviceStations,
    recordsAsOf: seed.zone.recordsAsOf,
  });

  await insertChunked(
    manager,
    EnterpriseRow,
    seed.enterprises.map((e) =>
      Object.assign(new EnterpriseRow(), {
        id: id(e.localId),
        zoneId,
        nameZh: e.nameZh,
        nameEn: e.nameEn ?? null,
        creditCode: e.creditCode ?? null,
        industry: e.industry ?? null,
        flags: e.flags,
        employees: e.employees?.value ?? null,
        employeesQualifier: e.employees?.qualifier ?? null,
        outputValue: e.outputValue ?? null,
        tax: e.tax ?? null,
        inventionPatents: e.patents?.invention ?? null,
        utilityPatents: e.patents?.utility ?? null,
        ...source(e.source),
      }),
    ),
  );

  // Parents first, so the foreign key on parent_id holds at every insert.
  for (const organization of parentsFirst(seed.partyOrganizations)) {
    await manager.insert(PartyOrganizationRow, {
      id: id(organization.localId),
      zoneId,
      nameZh: organization.nameZh,
      type: organization.type,
      parentId: organization.parentLocalId ? id(organization.parentLocalId) : null,
      memberCount: organization.memberCount?.value ?? null,
      memberCountQualifier: organization.memberCount?.qualifier ?? null,
      foundedOn: organization.foundedOn ?? null,
      starRating: organization.starRating ?? null,
      brand: organization.brand ?? null,
      ...source(organization.source),
    });
  }
  await insertChunked(
    manager,
    OrganizationCoverageRow,
    seed.partyOrganizations.flatMap((o) =>
      o.enterpriseLocalIds.map((e) => Object.assign(new OrganizationCoverageRow(), { organizationId: id(o.localId), enterpriseId: id(e) })),
    ),
  );

  await insertChunked(
    manager,
    HonorRow,
    seed.honors.map((h) =>
      Object.assign(new HonorRow(), {
        id: id(h.localId),
        zoneId,
        title: h.title,
        level: h.level,
        year: h.year ?? null,
        awardedBy: h.awardedBy ?? null,
        holderKind: h.holder.kind === 'partyOrganization' ? 'party_organization' : h.holder.kind,
        holderId: h.holder.kind === 'zone' ? zoneId : id(h.holder.localId),
        ...source(h.source),
      }),
    ),
  );

  for (const alliance of seed.alliances) {
    await manager.insert(AllianceRow, {
      id: id(alliance.localId),
      zoneId,
      nameZh: alliance.nameZh,
      description: alliance.description ?? null,
      ...source(alliance.source),
    });
    const members = [
      ...alliance.memberOrganizationLocalIds.map((m) => ({ allianceId: id(alliance.localId), memberId: id(m), memberKind: 'party_organization' })),
      ...alliance.memberEnterpriseLocalIds.map((m) => ({ allianceId: id(alliance.localId), memberId: id(m), memberKind: 'enterprise' })),
    ];
    if (members.length > 0) await manager.insert(AllianceMemberRow, members);
  }

  await insertChunked(
    manager,
    ServiceStationRow,
    seed.serviceStations.map((s) =>
      Object.assign(new ServiceStationRow(), {
        id: id(s.localId),
        zoneId,
        nameZh: s.nameZh,
        kind: s.kind,
        hostEnterpriseId: s.hostEnterpriseLocalId ? id(s.hostEnterpriseLocalId) : null,
        areaSqm: s.areaSqm ?? null,
        ...source(s.source),
      }),
    ),
  );

  await insertChunked(
    manager,
    IndicatorReportRow,
    seed.indicators.map((r) =>
      Object.assign(new IndicatorReportRow(), {
        zoneId,
        code: r.code,
        period: r.period,
        periodBasis: r.periodBasis,
        value: r.value,
        qualifier: r.qualifier,
        unit: r.unit,
        note: r.note ?? null,
        ...source(r.source),
      }),
    ),
  );
}

function parentsFirst<T extends { localId: string; parentLocalId?: string }>(organizations: readonly T[]): T[] {
  const byId = new Map(organizations.map((o) => [o.localId, o]));
  const ordered: T[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (o: T) => {
    if (placed.has(o.localId)) return;
    if (visiting.has(o.localId)) throw new Error(`party organization "${o.localId}" is its own ancestor`);
    visiting.add(o.localId);
    const parent = o.parentLocalId ? byId.get(o.parentLocalId) : undefined;
    if (parent) place(parent);
    placed.add(o.localId);
    ordered.push(o);
  };
  organizations.forEach(place);
  return ordered;
}
