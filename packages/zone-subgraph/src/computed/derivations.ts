import type { RecordKind } from '../records/recordKinds';

/** Counts over one zone's records, as the aggregate statement returns them. */
export interface ZoneAggregate {
  /** Records of each kind the zone holds (the base collections). */
  records: Record<RecordKind, number>;
  partyOrgs: number;
  secondaryCommittee: number;
  committee: number;
  generalBranch: number;
  branch: number;
  jointBranch: number;
  functionalBranch: number;
  membersSum: number;
  membersKnown: number;
  membersAtLeast: number;
  membersAbout: number;
  star5: number;
  star4: number;
  star3: number;
  brands: number;
  covered: number;
  redFlag: number;
  redWorkshop: number;
  redStations: number;
  guidanceStations: number;
}

export type Qualifier = 'exact' | 'at_least' | 'about';

/**
 * How one computable indicator is derived from a zone's records. `measure`
 * must agree with the catalogue unit (a test checks it): counts become lower
 * bounds over named-only records, rates cannot be computed over them.
 */
export interface Derivation {
  code: string;
  /** The base collection: the records the figure is computed over. */
  kind: RecordKind;
  measure: 'count' | 'rate';
  /** Other kinds the value depends on (coverage links belong to party organizations). */
  alsoUses?: readonly RecordKind[];
  /** Records the figure is computed from, when not every record of `kind`. */
  base?: { count: (a: ZoneAggregate) => number; one: string; many: string };
  value: (a: ZoneAggregate) => number;
  /** Reads the coverage links (the `covered` count), the costliest aggregate: only computed when a derivation asks. */
  usesCoverage?: true;
  /** Precision over complete records when it is not simply exact. */
  qualifier?: (a: ZoneAggregate) => Qualifier;
  computation: string;
}

const ORG_TYPES = [
  ['party_org.secondary_committee.count', 'secondary_committee', (a: ZoneAggregate) => a.secondaryCommittee],
  ['party_org.committee.count', 'committee', (a: ZoneAggregate) => a.committee],
  ['party_org.general_branch.count', 'general_branch', (a: ZoneAggregate) => a.generalBranch],
  ['party_org.joint_branch.count', 'joint_branch', (a: ZoneAggregate) => a.jointBranch],
  ['party_org.functional_branch.count', 'functional_branch', (a: ZoneAggregate) => a.functionalBranch],
] as const;

export const DERIVATIONS: readonly Derivation[] = [
  {
    code: 'party_org.count',
    kind: 'partyOrganizations',
    measure: 'count',
    value: (a) => a.partyOrgs,
    computation: 'count of party_organization records other than the working committee (党工委)',
  },
  ...ORG_TYPES.map(([code, type, value]): Derivation => ({
    code,
    kind: 'partyOrganizations',
    measure: 'count',
    value,
    computation: `count of party_organization records of type ${type}`,
  })),
  {
    code: 'party_org.branch.count',
    kind: 'partyOrganizations',
    measure: 'count',
    value: (a) => a.branch,
    computation: 'count of party_organization records of type branch, joint_branch or functional_branch',
  },
  {
    code: 'party_member.count',
    kind: 'partyOrganizations',
    measure: 'count',
    base: {
      count: (a) => a.membersKnown,
      one: 'party organization record with a recorded member count',
      many: 'party organization records with a recorded member count',
    },
    value: (a) => a.membersSum,
    qualifier: (a) => (a.membersKnown < a.partyOrgs || a.membersAtLeast > 0 ? 'at_least' : a.membersAbout > 0 ? 'about' : 'exact'),
    computation: 'sum of member_count over party organizations with a recorded count (a lower bound when some counts are missing or are lower bounds)',
  },
  {
    code: 'star_org.five.count',
    kind: 'partyOrganizations',
    measure: 'count',
    value: (a) => a.star5,
    computation: 'count of party organizations rated 5 stars',
  },
  {
    code: 'star_org.four.count',
    kind: 'partyOrganizations',
    measure: 'count',
    value: (a) => a.star4,
    computation: 'count of party organizations rated 4 stars',
  },
  {
    code: 'star_org.three.count',
    kind: 'partyOrganizations',
    measure: 'count',
    value: (a) => a.star3,
    computation: 'count of party organizations rated 3 stars',
  },
  {
    code: 'brand.count',
    kind: 'partyOrganizations',
    measure: 'count',
    value: (a) => a.brands,
    computation: 'count of party organizations with a recorded brand',
  },
  { code: 'enterprise.count', kind: 'enterprises', measure: 'count', value: (a) => a.records.enterprises, computation: 'count of enterprise records' },
  {
    code: 'org_coverage.rate',
    kind: 'enterprises',
    measure: 'rate',
    alsoUses: ['partyOrganizations'],
    usesCoverage: true,
    value: (a) => Math.round((a.covered / a.records.enterprises) * 10000) / 100,
    computation: 'enterprise records covered by at least one party organization (own or joint) ÷ enterprise records × 100',
  },
  {
    code: 'honor.count',
    kind: 'honors',
    measure: 'count',
    value: (a) => a.records.honors,
    computation: 'count of honor records (zone, enterprises, organizations)',
  },
  {
    code: 'red_flag_branch.count',
    kind: 'honors',
    measure: 'count',
    value: (a) => a.redFlag,
    computation: 'count of honor records whose title contains 红旗支部',
  },
  {
    code: 'red_workshop.count',
    kind: 'honors',
    measure: 'count',
    value: (a) => a.redWorkshop,
    computation: 'count of honor records whose title contains 红色车间',
  },
  {
    code: 'red_station.count',
    kind: 'serviceStations',
    measure: 'count',
    value: (a) => a.redStations,
    computation: 'count of service_station records of kind red_station',
  },
  {
    code: 'guidance_station.count',
    kind: 'serviceStations',
    measure: 'count',
    value: (a) => a.guidanceStations,
    computation: 'count of service_station records of kind guidance_station',
  },
  { code: 'alliance.count', kind: 'alliances', measure: 'count', value: (a) => a.records.alliances, computation: 'count of alliance records' },
];

const DERIVATION_BY_CODE = new Map(DERIVATIONS.map((d) => [d.code, d]));

/** The derivations of `codes` (unknown codes skipped, catalogue order kept); every one when `codes` is null. */
export function derivationsFor(codes: readonly string[] | null): readonly Derivation[] {
  if (codes === null) return DERIVATIONS;
  const wanted = new Set(codes.filter((code) => DERIVATION_BY_CODE.has(code)));
  return DERIVATIONS.filter((d) => wanted.has(d.code));
}
