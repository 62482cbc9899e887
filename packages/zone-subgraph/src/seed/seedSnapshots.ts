import { globalId } from '@devzone/registry';
import type {
  AllianceSnapshot,
  EnterpriseSnapshot,
  HonorSnapshot,
  IndicatorReportSnapshot,
  PartyOrganizationSnapshot,
  ServiceStationSnapshot,
  ZoneSnapshot,
} from '../upkeep/snapshots';
import { sortMembers } from '../upkeep/snapshots';
import type { WritableZoneSeed } from './seedSchema';

type Source = { document: string; passage: string } | undefined;

/** Every record of a seed as the database holds it once written (`writeSeed` writes the same rows). */
export interface SeedSnapshots {
  zone: ZoneSnapshot;
  enterprises: EnterpriseSnapshot[];
  partyOrganizations: PartyOrganizationSnapshot[];
  honors: HonorSnapshot[];
  alliances: AllianceSnapshot[];
  serviceStations: ServiceStationSnapshot[];
  indicators: IndicatorReportSnapshot[];
}

/** A seeded figure's natural key: code, period and the document quoted (unique per zone). */
export const seedReportKey = (report: { code: string; period: string; sourceDocument: string | null }) =>
  `code=${report.code}; period=${report.period}; document=${report.sourceDocument ?? ''}`;

export function seedSnapshots(seed: WritableZoneSeed, synthetic = false): SeedSnapshots {
  const zoneId = seed.zone.id;
  const id = (localId: string) => globalId(zoneId, localId);
  const sourced = (s: Source) => ({ sourceDocument: s?.document ?? null, sourcePassage: s?.passage ?? null, synthetic });
  const seeded = { enteredBy: null, enteredAt: null };
  const completeness = seed.zone.recordCompleteness;
  return {
    zone: {
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
    },
    enterprises: seed.enterprises.map((e) => ({
      id: id(e.localId),
      zoneId,
      nameZh: e.nameZh,
      nameEn: e.nameEn ?? null,
      creditCode: e.creditCode ?? null,
      industry: e.industry ?? null,
      flags: [...e.flags].sort(),
      employees: e.employees?.value ?? null,
      employeesQualifier: e.employees?.qualifier ?? null,
      outputValue: e.outputValue ?? null,
      tax: e.tax ?? null,
      inventionPatents: e.patents?.invention ?? null,
      utilityPatents: e.patents?.utility ?? null,
      ...sourced(e.source),
      ...seeded,
    })),
    partyOrganizations: seed.partyOrganizations.map((o) => ({
      id: id(o.localId),
      zoneId,
      nameZh: o.nameZh,
      type: o.type,
      parentId: o.parentLocalId ? id(o.parentLocalId) : null,
      memberCount: o.memberCount?.value ?? null,
      memberCountQualifier: o.memberCount?.qualifier ?? null,
      foundedOn: o.foundedOn ?? null,
      starRating: o.starRating ?? null,
      brand: o.brand ?? null,
      enterpriseIds: [...new Set(o.enterpriseLocalIds.map(id))].sort(),
      ...sourced(o.source),
      ...seeded,
    })),
    honors: seed.honors.map((h) => ({
      id: id(h.localId),
      zoneId,
      title: h.title,
      level: h.level,
      year: h.year ?? null,
      awardedBy: h.awardedBy ?? null,
      holderKind: h.holder.kind === 'partyOrganization' ? 'party_organization' : h.holder.kind,
      holderId: h.holder.kind === 'zone' ? zoneId : id(h.holder.localId),
      ...sourced(h.source),
      ...seeded,
    })),
    alliances: seed.alliances.map((a) => ({
      id: id(a.localId),
      zoneId,
      nameZh: a.nameZh,
      description: a.description ?? null,
      members: sortMembers([
        ...a.memberOrganizationLocalIds.map((m) => ({ memberId: id(m), memberKind: 'party_organization' })),
        ...a.memberEnterpriseLocalIds.map((m) => ({ memberId: id(m), memberKind: 'enterprise' })),
      ]),
      ...sourced(a.source),
    })),
    serviceStations: seed.serviceStations.map((s) => ({
      id: id(s.localId),
      zoneId,
      nameZh: s.nameZh,
      kind: s.kind,
      hostEnterpriseId: s.hostEnterpriseLocalId ? id(s.hostEnterpriseLocalId) : null,
      areaSqm: s.areaSqm ?? null,
      ...sourced(s.source),
    })),
    indicators: seed.indicators.map((r) => ({
      id: null,
      zoneId,
      code: r.code,
      period: r.period,
      scope: '',
      periodBasis: r.periodBasis,
      value: r.value,
      qualifier: r.qualifier,
      unit: r.unit,
      note: r.note ?? null,
      citationTitle: null,
      citationUrl: null,
      citationDate: null,
      ...sourced(r.source),
      ...seeded,
    })),
  };
}
