import { AllianceMemberRow, AllianceRow } from './alliance.entity';
import { EnterpriseRow } from './enterprise.entity';
import { HonorRow } from './honor.entity';
import { IndicatorReportRow } from './indicatorReport.entity';
import { OrganizationCoverageRow, PartyOrganizationRow } from './partyOrganization.entity';
import { ServiceStationRow } from './serviceStation.entity';
import { ZoneRow } from './zone.entity';

export {
  AllianceMemberRow,
  AllianceRow,
  EnterpriseRow,
  HonorRow,
  IndicatorReportRow,
  OrganizationCoverageRow,
  PartyOrganizationRow,
  ServiceStationRow,
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
];
