import type { UnitCode } from './units';

export type IndicatorDirection = 'benefit' | 'cost' | 'neutral';

/**
 * How a derived indicator is computed from other indicators of the same zone
 * (the province computes it; its inputs stay visible with their provenance).
 */
export type Derivation =
  | { readonly kind: 'ratio'; readonly numerator: string; readonly denominator: string; readonly scale: number; readonly formula: string }
  /** Year-on-year growth of `base`: its latest figure against the figure for the same period a year earlier. */
  | { readonly kind: 'growth'; readonly base: string; readonly formula: string };

/** The stored indicator codes a derivation reads. */
export function derivationInputs(derivation: Derivation): string[] {
  return derivation.kind === 'ratio' ? [derivation.numerator, derivation.denominator] : [derivation.base];
}

export interface IndicatorDefinition {
  /** Stable dotted code, e.g. `party_org.count`. */
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly unit: UnitCode;
  /** Whether more is better when ranking. */
  readonly direction: IndicatorDirection;
  readonly definition: string;
  /** Present only for derived indicators. */
  readonly derivation?: Derivation;
}

const define = (d: IndicatorDefinition): IndicatorDefinition => d;

/**
 * The indicator catalogue. Reported values (from source articles) and values
 * computed from a zone's records share these codes; provenance tells them apart.
 */
export const INDICATORS: readonly IndicatorDefinition[] = [
  // Party organizations (两新党组织)
  define({
    code: 'party_org.count',
    nameZh: '两新党组织数',
    nameEn: 'Party organizations in non-public sector',
    unit: 'count',
    direction: 'benefit',
    definition: 'Party organizations in the zone\'s "two new" organizations (all types).',
  }),
  define({
    code: 'party_org.secondary_committee.count',
    nameZh: '二级党委数',
    nameEn: 'Secondary party committees',
    unit: 'count',
    direction: 'neutral',
    definition: 'Secondary party committees (二级党委).',
  }),
  define({
    code: 'party_org.committee.count',
    nameZh: '党委数',
    nameEn: 'Party committees',
    unit: 'count',
    direction: 'neutral',
    definition: 'Enterprise party committees (党委).',
  }),
  define({
    code: 'party_org.general_branch.count',
    nameZh: '党总支数',
    nameEn: 'General party branches',
    unit: 'count',
    direction: 'neutral',
    definition: 'General party branches (党总支).',
  }),
  define({
    code: 'party_org.branch.count',
    nameZh: '党支部数',
    nameEn: 'Party branches',
    unit: 'count',
    direction: 'neutral',
    definition: 'Party branches (党支部), including joint and functional branches unless stated.',
  }),
  define({
    code: 'party_org.joint_branch.count',
    nameZh: '联合党支部数',
    nameEn: 'Joint party branches',
    unit: 'count',
    direction: 'neutral',
    definition: 'Joint branches covering several small enterprises (联合党支部).',
  }),
  define({
    code: 'party_org.functional_branch.count',
    nameZh: '功能性党支部数',
    nameEn: 'Functional party branches',
    unit: 'count',
    direction: 'neutral',
    definition: 'Functional branches (功能性党支部).',
  }),
  define({
    code: 'party_org.new.count',
    nameZh: '新组建党组织数',
    nameEn: 'Newly founded party organizations',
    unit: 'count',
    direction: 'benefit',
    definition: 'Party organizations founded in the period.',
  }),
  define({
    code: 'party_member.count',
    nameZh: '党员数',
    nameEn: 'Party members',
    unit: 'person',
    direction: 'benefit',
    definition: "Party members in the zone's non-public party organizations (members are counted, never listed).",
  }),
  define({
    code: 'party_member.new.count',
    nameZh: '发展党员数',
    nameEn: 'Newly admitted party members',
    unit: 'person',
    direction: 'benefit',
    definition: 'Members admitted (发展党员) in the period.',
  }),
  define({
    code: 'party_activist.trained.count',
    nameZh: '培训入党积极分子数',
    nameEn: 'Activists trained',
    unit: 'person',
    direction: 'benefit',
    definition: 'Party activists (入党积极分子) trained in the period.',
  }),
  define({
    code: 'floating_member.managed.count',
    nameZh: '纳管流动党员数',
    nameEn: 'Floating members under management',
    unit: 'person',
    direction: 'benefit',
    definition: 'Floating party members (流动党员) brought under management.',
  }),
  // Coverage (两个覆盖)
  define({
    code: 'org_coverage.rate',
    nameZh: '党组织覆盖率（组建率）',
    nameEn: 'Organization coverage rate',
    unit: 'percent',
    direction: 'benefit',
    definition: '(Enterprises with own party organization + enterprises in a joint organization) ÷ operating non-public enterprises × 100.',
  }),
  define({
    code: 'work_coverage.rate',
    nameZh: '党的工作覆盖率',
    nameEn: 'Party work coverage rate',
    unit: 'percent',
    direction: 'benefit',
    definition:
      'Share of operating non-public enterprises reached by party work (a party-building instructor, a liaison or regular activities) whether or not they have a party organization: the second of the two coverages (两个覆盖).',
  }),
  define({
    code: 'org_coverage.above_size.rate',
    nameZh: '规上企业党组织覆盖率',
    nameEn: 'Coverage of above-designated-size enterprises',
    unit: 'percent',
    direction: 'benefit',
    definition: 'Share of above-designated-size enterprises covered by a party organization.',
  }),
  define({
    code: 'org_coverage.specialized.rate',
    nameZh: '专精特新企业党组织覆盖率',
    nameEn: 'Coverage of specialized-and-innovative SMEs',
    unit: 'percent',
    direction: 'benefit',
    definition: 'Share of specialized-and-innovative SMEs (专精特新) covered by a party organization.',
  }),
  define({
    code: 'covered_employees.count',
    nameZh: '建立党组织企业从业人员数',
    nameEn: 'Employees of enterprises with a party organization',
    unit: 'person',
    direction: 'benefit',
    definition: 'Employees working in enterprises that have a party organization.',
  }),
  // Quality and honors
  define({
    code: 'red_flag_branch.count',
    nameZh: '红旗支部数',
    nameEn: 'Red-flag branches',
    unit: 'count',
    direction: 'benefit',
    definition: 'Branches holding the red-flag branch (红旗支部) title.',
  }),
  define({
    code: 'red_workshop.count',
    nameZh: '红色车间数',
    nameEn: 'Red workshops',
    unit: 'count',
    direction: 'benefit',
    definition: 'Workshops named red workshop (红色车间).',
  }),
  define({
    code: 'benchmark_enterprise.count',
    nameZh: '标杆创建示范企业数',
    nameEn: 'Benchmark-building model enterprises',
    unit: 'count',
    direction: 'benefit',
    definition: 'Enterprises in the benchmark-building model programme (标杆创建示范企业).',
  }),
  define({
    code: 'star_org.five.count',
    nameZh: '五星级党组织数',
    nameEn: 'Five-star party organizations',
    unit: 'count',
    direction: 'benefit',
    definition: 'Party organizations rated five stars.',
  }),
  define({
    code: 'star_org.four.count',
    nameZh: '四星级党组织数',
    nameEn: 'Four-star party organizations',
    unit: 'count',
    direction: 'benefit',
    definition: 'Party organizations rated four stars.',
  }),
  define({
    code: 'star_org.three.count',
    nameZh: '三星级党组织数',
    nameEn: 'Three-star party organizations',
    unit: 'count',
    direction: 'benefit',
    definition: 'Party organizations rated three stars.',
  }),
  define({
    code: 'honor.count',
    nameZh: '荣誉数',
    nameEn: 'Honors',
    unit: 'count',
    direction: 'benefit',
    definition: 'Honors (titles) held by the zone, its enterprises and party organizations.',
  }),
  define({
    code: 'brand.count',
    nameZh: '一企一品党建品牌数',
    nameEn: 'Party-building brands',
    unit: 'count',
    direction: 'benefit',
    definition: 'Party-building brands / featured sites (一企一品).',
  }),
  define({
    code: 'common_prosperity_workshop.count',
    nameZh: '共富工坊数',
    nameEn: 'Common-prosperity workshops',
    unit: 'count',
    direction: 'benefit',
    definition: 'Common-prosperity workshops (共富工坊) built.',
  }),
  define({
    code: 'pioneer_post.count',
    nameZh: '党员先锋岗数',
    nameEn: 'Party-member pioneer posts',
    unit: 'count',
    direction: 'benefit',
    definition: 'Pioneer posts (党员先锋岗).',
  }),
  define({
    code: 'responsibility_zone.count',
    nameZh: '党员责任区数',
    nameEn: 'Party-member responsibility zones',
    unit: 'count',
    direction: 'benefit',
    definition: 'Responsibility zones (党员责任区).',
  }),
  define({
    code: 'commando_team.count',
    nameZh: '党员突击队数',
    nameEn: 'Party-member commando teams',
    unit: 'count',
    direction: 'benefit',
    definition: 'Commando teams (党员突击队).',
  }),
  // Service network
  define({
    code: 'red_station.count',
    nameZh: '红色驿站数',
    nameEn: 'Red service stations',
    unit: 'count',
    direction: 'benefit',
    definition: 'Red service stations (红色驿站).',
  }),
  define({
    code: 'guidance_station.count',
    nameZh: '党建工作指导服务站数',
    nameEn: 'Party-building guidance stations',
    unit: 'count',
    direction: 'benefit',
    definition: 'Party-building guidance and service stations.',
  }),
  define({
    code: 'alliance.count',
    nameZh: '党建联盟数',
    nameEn: 'Party-building alliances',
    unit: 'count',
    direction: 'benefit',
    definition: 'Party-building alliances (党建联盟).',
  }),
  define({
    code: 'service_center.area',
    nameZh: '党群服务中心面积',
    nameEn: 'Party-mass service centre floor area',
    unit: 'sqm',
    direction: 'benefit',
    definition: "Floor area of the zone's standardised party-mass service centre.",
  }),
  // Enterprises and economy
  define({
    code: 'enterprise.count',
    nameZh: '企业数',
    nameEn: 'Enterprises',
    unit: 'count',
    direction: 'neutral',
    definition: 'Enterprises in the zone (industrial unless stated).',
  }),
  define({
    code: 'enterprise.above_size.count',
    nameZh: '规上企业数',
    nameEn: 'Above-designated-size enterprises',
    unit: 'count',
    direction: 'benefit',
    definition: 'Above-designated-size enterprises (规上企业).',
  }),
  define({
    code: 'enterprise.high_tech.count',
    nameZh: '高新技术企业数',
    nameEn: 'High-tech enterprises',
    unit: 'count',
    direction: 'benefit',
    definition: 'Certified high-tech enterprises (高新技术企业).',
  }),
  define({
    code: 'output.above_size_industrial',
    nameZh: '规上工业总产值',
    nameEn: 'Gross output of above-size industry',
    unit: 'cny_100m',
    direction: 'benefit',
    definition: 'Gross industrial output value of above-designated-size enterprises.',
  }),
  define({
    code: 'output.above_size_industrial.growth',
    nameZh: '规上工业总产值同比增长',
    nameEn: 'Above-size industrial output growth (YoY)',
    unit: 'percent',
    direction: 'benefit',
    definition: 'Year-on-year growth of above-size industrial gross output.',
  }),
  define({
    code: 'output.value',
    nameZh: '产值',
    nameEn: 'Output value',
    unit: 'cny_100m',
    direction: 'benefit',
    definition: 'Output value contributed (scope stated in provenance).',
  }),
  define({
    code: 'tax.revenue',
    nameZh: '税收',
    nameEn: 'Tax paid',
    unit: 'cny_100m',
    direction: 'benefit',
    definition: 'Tax paid (scope stated in provenance).',
  }),
  define({
    code: 'fiscal_revenue',
    nameZh: '财政收入',
    nameEn: 'Fiscal revenue',
    unit: 'cny_100m',
    direction: 'benefit',
    definition: 'Fiscal revenue of the zone.',
  }),
  define({
    code: 'fiscal_revenue.growth',
    nameZh: '财政收入同比增长',
    nameEn: 'Fiscal revenue growth (YoY)',
    unit: 'percent',
    direction: 'benefit',
    definition: 'Year-on-year growth of fiscal revenue.',
  }),
  define({
    code: 'emerging_industry_output.growth',
    nameZh: '战略性新兴产业产值增长',
    nameEn: 'Strategic emerging industry output growth',
    unit: 'percent',
    direction: 'benefit',
    definition: "Growth of strategic emerging industries' output value.",
  }),
  define({
    code: 'high_tech_value_added.growth',
    nameZh: '高新技术产业增加值增长',
    nameEn: 'High-tech industry value-added growth',
    unit: 'percent',
    direction: 'benefit',
    definition: "Growth of high-tech industries' value added.",
  }),
  // Appended for the seed articles (figures no existing code fits; scope is part of the definition)
  define({
    code: 'red_flag_branch.new.count',
    nameZh: '新建红旗支部数',
    nameEn: 'Red-flag branches established in the period',
    unit: 'count',
    direction: 'benefit',
    definition: 'Red-flag branches (红旗支部) established or created (建立/创建) during the period; a flow, unlike the stock red_flag_branch.count.',
  }),
  define({
    code: 'red_workshop.new.count',
    nameZh: '新建红色车间数',
    nameEn: 'Red workshops established in the period',
    unit: 'count',
    direction: 'benefit',
    definition: 'Red workshops (红色车间) established or created (建立/创建) during the period; a flow, unlike the stock red_workshop.count.',
  }),
  define({
    code: 'floating_member.identified.count',
    nameZh: '摸排流动党员数',
    nameEn: 'Floating members identified',
    unit: 'person',
    direction: 'neutral',
    definition:
      "Floating party members (流动党员) identified by a survey (摸排) of the zone's party organizations; not the number brought under management (floating_member.managed.count).",
  }),
  define({
    code: 'party_venue.standard.count',
    nameZh: '活动阵地达标党组织数',
    nameEn: 'Party organizations with a standard activity venue',
    unit: 'count',
    direction: 'benefit',
    definition: 'Enterprise party organizations whose activity venue meets the local standard (e.g. the “六有” standard: six required facilities).',
  }),
  define({
    code: 'enterprise.express_logistics.count',
    nameZh: '快递物流企业数',
    nameEn: 'Express-delivery and logistics enterprises',
    unit: 'count',
    direction: 'neutral',
    definition: 'Express-delivery and logistics enterprises located in the zone (快递物流企业).',
  }),
  define({
    code: 'party_member.express_logistics.count',
    nameZh: '快递物流业党员数',
    nameEn: 'Party members in express delivery and logistics',
    unit: 'person',
    direction: 'benefit',
    definition: "Party members working in the zone's express-delivery and logistics sector only (a sub-scope of party_member.count).",
  }),
  define({
    code: 'party_org.new.standalone.count',
    nameZh: '新组建党组织中单独组建数',
    nameEn: 'Newly founded single-enterprise party organizations',
    unit: 'count',
    direction: 'benefit',
    definition: 'Of the party organizations founded in the period (party_org.new.count), those formed within one enterprise (单独组建) rather than jointly.',
  }),
  define({
    code: 'party_org.joint_branch.optimized.count',
    nameZh: '调整优化联合党支部数',
    nameEn: 'Joint branches adjusted or optimised',
    unit: 'count',
    direction: 'neutral',
    definition: 'Joint party branches (联合党支部) adjusted or optimised (调整优化) during the period; not the total number of joint branches.',
  }),
  define({
    code: 'demo_belt.enterprise.count',
    nameZh: '党建示范带参与企业数',
    nameEn: 'Enterprises in a party-building demonstration belt',
    unit: 'count',
    direction: 'benefit',
    definition:
      'Enterprises taking part in a party-building demonstration belt (党建示范带) inside the zone; the belt is named in provenance. Not a zone-wide count.',
  }),
  define({
    code: 'demo_belt.party_org.count',
    nameZh: '党建示范带党组织数',
    nameEn: 'Party organizations in a demonstration belt',
    unit: 'count',
    direction: 'benefit',
    definition:
      'Party organizations in a party-building demonstration belt (党建示范带) inside the zone; the belt is named in provenance. Not a zone-wide count.',
  }),
  define({
    code: 'demo_belt.party_member.count',
    nameZh: '党建示范带党员数',
    nameEn: 'Party members in a demonstration belt',
    unit: 'person',
    direction: 'benefit',
    definition: 'Party members of the organizations in a party-building demonstration belt (党建示范带) inside the zone. Not a zone-wide count.',
  }),
  define({
    code: 'demo_belt.output.value',
    nameZh: '党建示范带企业产值',
    nameEn: 'Output value of demonstration-belt enterprises',
    unit: 'cny_100m',
    direction: 'benefit',
    definition: "Output value contributed by the enterprises of a party-building demonstration belt (党建示范带) inside the zone. Not the zone's output.",
  }),
  define({
    code: 'demo_belt.tax.revenue',
    nameZh: '党建示范带企业税收',
    nameEn: 'Tax paid by demonstration-belt enterprises',
    unit: 'cny_100m',
    direction: 'benefit',
    definition: "Tax paid by the enterprises of a party-building demonstration belt (党建示范带) inside the zone. Not the zone's tax revenue.",
  }),
  define({
    code: 'demo_belt.star_org.five.count',
    nameZh: '党建示范带五星级党组织数',
    nameEn: 'Five-star party organizations in a demonstration belt',
    unit: 'count',
    direction: 'benefit',
    definition:
      'Party organizations rated five stars among those of a party-building demonstration belt (党建示范带) inside the zone; the belt is named in provenance. Not a zone-wide count (star_org.five.count).',
  }),
  define({
    code: 'demo_belt.star_org.four.count',
    nameZh: '党建示范带四星级党组织数',
    nameEn: 'Four-star party organizations in a demonstration belt',
    unit: 'count',
    direction: 'benefit',
    definition:
      'Party organizations rated four stars among those of a party-building demonstration belt (党建示范带) inside the zone; the belt is named in provenance. Not a zone-wide count (star_org.four.count).',
  }),
  define({
    code: 'demo_belt.star_org.three.count',
    nameZh: '党建示范带三星级党组织数',
    nameEn: 'Three-star party organizations in a demonstration belt',
    unit: 'count',
    direction: 'benefit',
    definition:
      'Party organizations rated three stars among those of a party-building demonstration belt (党建示范带) inside the zone; the belt is named in provenance. Not a zone-wide count (star_org.three.count).',
  }),
  define({
    code: 'demo_belt.pioneer_post.count',
    nameZh: '党建示范带党员先锋岗数',
    nameEn: 'Pioneer posts in a demonstration belt',
    unit: 'count',
    direction: 'benefit',
    definition:
      'Party-member pioneer posts (党员先锋岗) in the organizations of a party-building demonstration belt (党建示范带) inside the zone. Not a zone-wide count (pioneer_post.count).',
  }),
  define({
    code: 'demo_belt.enterprise.high_tech.count',
    nameZh: '党建示范带高新技术企业数',
    nameEn: 'High-tech enterprises in a demonstration belt',
    unit: 'count',
    direction: 'benefit',
    definition:
      'Enterprises of a party-building demonstration belt (党建示范带) inside the zone certified (获评) as high-tech enterprises (高新技术企业). Not a zone-wide count (enterprise.high_tech.count).',
  }),
  define({
    code: 'demo_belt.enterprise.famous_trademark.count',
    nameZh: '党建示范带驰名商标企业数',
    nameEn: 'Well-known-trademark enterprises in a demonstration belt',
    unit: 'count',
    direction: 'benefit',
    definition:
      'Enterprises of a party-building demonstration belt (党建示范带) inside the zone holding a well-known trademark (驰名商标企业). Not a zone-wide count.',
  }),
  define({
    code: 'demo_belt.national_standard.count',
    nameZh: '党建示范带参与制修订国家标准数',
    nameEn: 'National standards drafted or revised with demonstration-belt enterprises',
    unit: 'item',
    direction: 'benefit',
    definition:
      'National standards (国家标准) whose drafting or revision (制修订) the enterprises of a party-building demonstration belt (党建示范带) inside the zone took part in. Not a zone-wide count.',
  }),
  define({
    code: 'demo_belt.activity.count',
    nameZh: '党建示范带开展活动次数',
    nameEn: 'Activities held by a demonstration belt',
    unit: 'count',
    direction: 'benefit',
    definition: 'Activities (活动, counted in 次) held by a party-building demonstration belt (党建示范带) inside the zone; the belt is named in provenance.',
  }),
  // Alliance scope: figures an article gives for one party-building alliance (党建联盟) inside the zone, named in the note
  define({
    code: 'alliance.party_org.count',
    nameZh: '党建联盟党组织数',
    nameEn: 'Party organizations of a party-building alliance',
    unit: 'count',
    direction: 'benefit',
    definition:
      'Party organizations that belong to, or act at the call of, one party-building alliance (党建联盟) inside the zone; the alliance is named in the note. Not a zone-wide count (party_org.count).',
  }),
  define({
    code: 'alliance.volunteer.count',
    nameZh: '党建联盟组织志愿者数',
    nameEn: 'Volunteers organised by a party-building alliance',
    unit: 'person',
    direction: 'benefit',
    definition:
      'Volunteers (party members and employees) organised by the member organizations of one party-building alliance (党建联盟) inside the zone for a stated campaign; the alliance and campaign are named in the note.',
  }),
  define({
    code: 'alliance.red_station.count',
    nameZh: '党建联盟建设红色驿站数',
    nameEn: 'Red service stations built by a party-building alliance',
    unit: 'count',
    direction: 'benefit',
    definition:
      'Red service stations (红色驿站) built by one party-building alliance (党建联盟) inside the zone; the alliance is named in the note. Not a zone-wide count (red_station.count).',
  }),
  define({
    code: 'alliance.proposal.count',
    nameZh: '党建联盟商讨意见建议数',
    nameEn: 'Proposals discussed by a party-building alliance',
    unit: 'item',
    direction: 'benefit',
    definition:
      'Opinions and proposals (意见建议) on industrial development discussed (商讨) within one party-building alliance (党建联盟) inside the zone; the alliance is named in the note.',
  }),
  // Sector scope: express delivery and logistics (快递物流业) inside the zone, like enterprise.express_logistics.count
  define({
    code: 'party_org.branch.new.express_logistics.count',
    nameZh: '快递物流业新建党支部数',
    nameEn: 'Party branches newly built in express delivery and logistics',
    unit: 'count',
    direction: 'benefit',
    definition:
      "Party branches (党支部, not functional branches) newly built (新建) during the period in the zone's express-delivery and logistics enterprises only. Not a zone-wide count.",
  }),
  define({
    code: 'party_org.functional_branch.new.express_logistics.count',
    nameZh: '快递物流业新建功能性党支部数',
    nameEn: 'Functional branches newly built in express delivery and logistics',
    unit: 'count',
    direction: 'benefit',
    definition:
      "Functional party branches (功能性党支部) newly built (新建) during the period in the zone's express-delivery and logistics enterprises only. Not a zone-wide count (party_org.functional_branch.count).",
  }),
  // Derived: computed by the province from each zone's own figures (inputs shown with their provenance)
  define({
    code: 'derived.orgs_per_100_enterprises',
    nameZh: '每百家企业党组织数',
    nameEn: 'Party organizations per 100 enterprises',
    unit: 'per_100_enterprises',
    direction: 'benefit',
    definition: 'Party organizations per 100 enterprises of the zone.',
    derivation: {
      kind: 'ratio',
      numerator: 'party_org.count',
      denominator: 'enterprise.count',
      scale: 100,
      formula: 'party_org.count ÷ enterprise.count × 100',
    },
  }),
  define({
    code: 'derived.members_per_org',
    nameZh: '平均每个党组织党员数',
    nameEn: 'Party members per organization',
    unit: 'persons_per_org',
    direction: 'benefit',
    definition: 'Average number of party members per party organization.',
    derivation: { kind: 'ratio', numerator: 'party_member.count', denominator: 'party_org.count', scale: 1, formula: 'party_member.count ÷ party_org.count' },
  }),
  define({
    code: 'derived.honors_per_org',
    nameZh: '平均每个党组织荣誉数',
    nameEn: 'Honors per party organization',
    unit: 'per_org',
    direction: 'benefit',
    definition: 'Honors held in the zone per party organization.',
    derivation: { kind: 'ratio', numerator: 'honor.count', denominator: 'party_org.count', scale: 1, formula: 'honor.count ÷ party_org.count' },
  }),
  define({
    code: 'derived.red_flag_share',
    nameZh: '红旗支部占比',
    nameEn: 'Share of red-flag branches',
    unit: 'percent',
    direction: 'benefit',
    definition: 'Red-flag branches as a share of all party organizations.',
    derivation: {
      kind: 'ratio',
      numerator: 'red_flag_branch.count',
      denominator: 'party_org.count',
      scale: 100,
      formula: 'red_flag_branch.count ÷ party_org.count × 100',
    },
  }),
  define({
    code: 'derived.above_size_share',
    nameZh: '规上企业占比',
    nameEn: 'Share of above-designated-size enterprises',
    unit: 'percent',
    direction: 'benefit',
    definition: 'Above-designated-size enterprises as a share of all enterprises.',
    derivation: {
      kind: 'ratio',
      numerator: 'enterprise.above_size.count',
      denominator: 'enterprise.count',
      scale: 100,
      formula: 'enterprise.above_size.count ÷ enterprise.count × 100',
    },
  }),
  define({
    code: 'derived.output_growth',
    nameZh: '规上工业总产值同比增长（两期推算）',
    nameEn: 'Above-size industrial output growth, from two periods',
    unit: 'percent',
    direction: 'benefit',
    definition:
      "Year-on-year growth computed from the zone's own output figures for a period and the same period a year earlier; the reported growth rate is output.above_size_industrial.growth.",
    derivation: {
      kind: 'growth',
      base: 'output.above_size_industrial',
      formula: '(output.above_size_industrial in period P ÷ output.above_size_industrial in P one year earlier − 1) × 100',
    },
  }),
  define({
    code: 'derived.fiscal_revenue_growth',
    nameZh: '财政收入同比增长（两期推算）',
    nameEn: 'Fiscal revenue growth, from two periods',
    unit: 'percent',
    direction: 'benefit',
    definition:
      "Year-on-year growth computed from the zone's own fiscal revenue figures for a period and the same period a year earlier; the reported growth rate is fiscal_revenue.growth.",
    derivation: { kind: 'growth', base: 'fiscal_revenue', formula: '(fiscal_revenue in period P ÷ fiscal_revenue in P one year earlier − 1) × 100' },
  }),
];

const BY_CODE: ReadonlyMap<string, IndicatorDefinition> = new Map(INDICATORS.map((d) => [d.code, d]));

export function indicatorByCode(code: string): IndicatorDefinition | undefined {
  return BY_CODE.get(code);
}
