import { registerEnumType } from 'type-graphql';

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

export enum Qualifier {
  EXACT = 'EXACT',
  AT_LEAST = 'AT_LEAST',
  ABOUT = 'ABOUT',
}
registerEnumType(Qualifier, {
  name: 'Qualifier',
  description: 'How exact a figure is: EXACT; AT_LEAST for 余/多/以上/超 (a lower bound); ABOUT for 约/近.',
});

export enum ProvenanceKind {
  REPORTED = 'REPORTED',
  COMPUTED = 'COMPUTED',
  SYNTHETIC = 'SYNTHETIC',
}
registerEnumType(ProvenanceKind, {
  name: 'ProvenanceKind',
  description: 'REPORTED: quoted from a source document. COMPUTED: aggregated from the zone\'s records. SYNTHETIC: generated test data.',
});

export enum EnterpriseFlag {
  ABOVE_DESIGNATED_SIZE = 'ABOVE_DESIGNATED_SIZE',
  SPECIALIZED_INNOVATIVE = 'SPECIALIZED_INNOVATIVE',
  HIGH_TECH = 'HIGH_TECH',
  LISTED = 'LISTED',
}
registerEnumType(EnterpriseFlag, { name: 'EnterpriseFlag', description: '规上企业 / 专精特新 / 高新技术企业 / 上市公司' });

export enum StationKind {
  RED_STATION = 'RED_STATION',
  PARTY_MASS_SERVICE_CENTER = 'PARTY_MASS_SERVICE_CENTER',
  GUIDANCE_STATION = 'GUIDANCE_STATION',
  NEIGHBOURHOOD_CENTER = 'NEIGHBOURHOOD_CENTER',
  OTHER = 'OTHER',
}
registerEnumType(StationKind, { name: 'StationKind', description: '红色驿站 / 党群服务中心 / 党建工作指导服务站 / 邻里中心' });

export enum EnterpriseOrder {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  EMPLOYEES_DESC = 'EMPLOYEES_DESC',
  OUTPUT_DESC = 'OUTPUT_DESC',
  TAX_DESC = 'TAX_DESC',
}
registerEnumType(EnterpriseOrder, { name: 'EnterpriseOrder' });

export enum PartyOrganizationOrder {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  MEMBERS_DESC = 'MEMBERS_DESC',
  TYPE = 'TYPE',
}
registerEnumType(PartyOrganizationOrder, { name: 'PartyOrganizationOrder' });

export enum RecordCompleteness {
  COMPLETE = 'COMPLETE',
  NAMED_ONLY = 'NAMED_ONLY',
}
registerEnumType(RecordCompleteness, {
  name: 'RecordCompleteness',
  description:
    'How complete a kind of record is in a zone: COMPLETE, a zone system loads its full register; NAMED_ONLY, only what a source names (article seeds), so counts over them are lower bounds and rates cannot be computed.',
});
