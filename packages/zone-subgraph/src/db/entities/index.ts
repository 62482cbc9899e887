import { AllianceMemberRow, AllianceRow } from './alliance.entity';
import { AppliedSeedRow } from './appliedSeed.entity';
import { EnterpriseRow } from './enterprise.entity';
import { HonorRow } from './honor.entity';
import { IndicatorReportRow } from './indicatorReport.entity';
import { OrganizationCoverageRow, PartyOrganizationRow } from './partyOrganization.entity';
import { ServiceStationRow } from './serviceStation.entity';
import { UpkeepAuditRow } from './upkeepAudit.entity';
import { ZoneRow } from './zone.entity';

export type { AuditAction, AuditEntityKind } from './upkeepAudit.entity';
export {
  AllianceMemberRow,
  AllianceRow,
  AppliedSeedRow,
  EnterpriseRow,
  HonorRow,
  IndicatorReportRow,
  OrganizationCoverageRow,
  PartyOrganizationRow,
  ServiceStationRow,
  UpkeepAuditRow,
  ZoneRow,
};

export const zoneEntities = [
  ZoneRow,
  EnterpriseRow,
  PartyOrganizationRow,
  OrganizationCoverageRow,
  HonorRow,
  AllianceRow,
  AllianceMemberRow,
  ServiceStationRow,
  IndicatorReportRow,
  UpkeepAuditRow,
  AppliedSeedRow,
];
