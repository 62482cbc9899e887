import { registerEnumType } from 'type-graphql';

// Enums the province's schema shares come from the subgraph kit.
export { EnterpriseFlag, EnterpriseOrder, ProvenanceKind, Qualifier, RecordCompleteness } from '@devzone/subgraph-kit';

// Enum values equal their GraphQL names: the subgraph schema is rebuilt from
// SDL, which keeps names only. The database stores the lowercase form.

export enum PartyOrganizationType {
  WORKING_COMMITTEE = 'WORKING_COMMITTEE',
  SECONDARY_COMMITTEE = 'SECONDARY_COMMITTEE',
  COMMITTEE = 'COMMITTEE',
  GENERAL_BRANCH = 'GENERAL_BRANCH',
  BRANCH = 'BRANCH',
  JOINT_BRANCH = 'JOINT_BRANCH',
  FUNCTIONAL_BRANCH = 'FUNCTIONAL_BRANCH',
}
registerEnumType(PartyOrganizationType, {
  name: 'PartyOrganizationType',
  description: '党工委 / 二级党委 / 党委 / 党总支 / 党支部 / 联合党支部 / 功能性党支部',
});

export enum HonorLevel {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
  MUNICIPAL = 'MUNICIPAL',
  COUNTY = 'COUNTY',
  ZONE = 'ZONE',
}
registerEnumType(HonorLevel, { name: 'HonorLevel', description: 'Level of the body that awarded an honor.' });

export enum StationKind {
  RED_STATION = 'RED_STATION',
  PARTY_MASS_SERVICE_CENTER = 'PARTY_MASS_SERVICE_CENTER',
  GUIDANCE_STATION = 'GUIDANCE_STATION',
  NEIGHBOURHOOD_CENTER = 'NEIGHBOURHOOD_CENTER',
  OTHER = 'OTHER',
}
registerEnumType(StationKind, { name: 'StationKind', description: '红色驿站 / 党群服务中心 / 党建工作指导服务站 / 邻里中心' });

export enum PartyOrganizationOrder {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  MEMBERS_DESC = 'MEMBERS_DESC',
  TYPE = 'TYPE',
}
registerEnumType(PartyOrganizationOrder, { name: 'PartyOrganizationOrder' });
