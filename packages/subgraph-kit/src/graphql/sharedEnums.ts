import { registerEnumType } from 'type-graphql';

// Enums both subgraphs' schemas use. Values equal their GraphQL names: a
// subgraph schema is rebuilt from SDL, which keeps names only.

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
  ZONE_SYSTEM = 'ZONE_SYSTEM',
}
registerEnumType(ProvenanceKind, {
  name: 'ProvenanceKind',
  description:
    "REPORTED: quoted from a source document. COMPUTED: aggregated from the zone's records. SYNTHETIC: generated test data. " +
    'ZONE_SYSTEM: entered through the upkeep mutations by a zone system (or an administrator): `enteredBy`, `enteredAt` and the `citation` it gave.',
});

export enum EnterpriseFlag {
  ABOVE_DESIGNATED_SIZE = 'ABOVE_DESIGNATED_SIZE',
  SPECIALIZED_INNOVATIVE = 'SPECIALIZED_INNOVATIVE',
  HIGH_TECH = 'HIGH_TECH',
  LISTED = 'LISTED',
}
registerEnumType(EnterpriseFlag, { name: 'EnterpriseFlag', description: '规上企业 / 专精特新 / 高新技术企业 / 上市公司' });

export enum EnterpriseOrder {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  EMPLOYEES_DESC = 'EMPLOYEES_DESC',
  OUTPUT_DESC = 'OUTPUT_DESC',
  TAX_DESC = 'TAX_DESC',
}
registerEnumType(EnterpriseOrder, { name: 'EnterpriseOrder' });

export enum RecordCompleteness {
  COMPLETE = 'COMPLETE',
  NAMED_ONLY = 'NAMED_ONLY',
}
registerEnumType(RecordCompleteness, {
  name: 'RecordCompleteness',
  description:
    'How complete a kind of record is in a zone: COMPLETE, a zone system loads its full register; NAMED_ONLY, only what a source names (article seeds), so counts over them are lower bounds and rates cannot be computed.',
});
