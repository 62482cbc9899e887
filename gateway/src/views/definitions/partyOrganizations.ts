import { STATUS_COLUMNS } from '../columns';
import { defineView } from '../viewDefinition';
import {
  AFTER_PARAMETER,
  checkAfter,
  cell,
  joined,
  PROVINCE_PARAMETER,
  QUALIFIERS,
  RECORD_SOURCE_COLUMNS,
  ZONE_COLUMNS,
  ZONE_IDS_PARAMETER,
  NEXT_AFTER_COLUMN,
} from './shared';
import { recordSourceCells, zonePageRows, type PagedZone, type RecordProvenance, type ZonePage } from './zonePageRows';

interface PartyOrganization {
  id: string;
  nameZh: string;
  type: string;
  parent: { id: string } | null;
  brand: string | null;
  foundedOn: string | null;
  starRating: number | null;
  memberCount: { value: number; qualifier: string } | null;
  enterprises: { id: string }[];
  honors: { title: string }[];
  provenance: RecordProvenance;
}

interface PartyOrganizationsAnswer {
  zones: (PagedZone & { partyOrganizations: ZonePage<PartyOrganization> | null })[];
}

const ORGANIZATION_TYPES = ['WORKING_COMMITTEE', 'SECONDARY_COMMITTEE', 'COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'JOINT_BRANCH', 'FUNCTIONAL_BRANCH'];

/** Party organizations of the zones, a page per zone. */
export const partyOrganizationsView = defineView<PartyOrganizationsAnswer>({
  name: 'party-organizations',
  title: 'Party organizations',
  description:
    'One row per party organization of the zones the credential may read: type, parent in the tree, members with their precision, the enterprises it covers, honors and source. `first` and `offset` page each zone separately (or `after` a `zone_next_after` cursor, one zone at a time); `zone_match_count` says how many match in the zone. A zone whose service is down has one row, marked `unavailable`, with no organization.',
  parameters: {
    province: PROVINCE_PARAMETER,
    ids: ZONE_IDS_PARAMETER,
    types: 'Only organizations of these types (comma-separated: `BRANCH,JOINT_BRANCH`).',
    nameContains: 'Only organizations whose name contains this.',
    honorContains: 'Only organizations holding an honor whose title contains this.',
    first:
      'Organizations per zone (1 to 500). The gateway refuses an operation whose estimated cost is over its limit: with the default limits (docs/security.md) at most about 120 here; page with `after` (or `offset`).',
    offset: 'Organizations skipped in each zone before the first row.',
    orderBy: 'Order of the organizations within each zone.',
    after: AFTER_PARAMETER,
  },
  check: checkAfter,
  zoneList: 'zones',
  columns: [
    ...ZONE_COLUMNS,
    { name: 'zone_match_count', type: 'integer', description: 'How many organizations of the zone match the filter (this page may hold fewer)' },
    NEXT_AFTER_COLUMN,
    { name: 'organization_id', type: 'string', description: 'Organization id (`<zoneId>:<localId>`)' },
    { name: 'name_zh', type: 'string', description: 'Organization name in Chinese' },
    {
      name: 'type',
      type: 'string',
      values: ORGANIZATION_TYPES,
      description:
        '党工委 WORKING_COMMITTEE, 二级党委 SECONDARY_COMMITTEE, 党委 COMMITTEE, 党总支 GENERAL_BRANCH, 党支部 BRANCH, 联合党支部 JOINT_BRANCH, 功能性党支部 FUNCTIONAL_BRANCH',
    },
    { name: 'parent_id', type: 'string', description: 'Id of the organization above it in the tree; empty for a root' },
    { name: 'brand', type: 'string', description: 'Party-building brand (一企一品)' },
    { name: 'founded_on', type: 'string', description: 'Year or date founded, as precise as the source (kept as text)' },
    { name: 'star_rating', type: 'integer', description: 'Star rating 1 to 5, where stated' },
    { name: 'members', type: 'integer', description: 'Party members; read it with `members_precision`' },
    { name: 'members_precision', type: 'string', values: QUALIFIERS, description: 'EXACT, AT_LEAST (a lower bound) or ABOUT' },
    { name: 'enterprise_ids', type: 'string', description: 'Ids of the enterprises it covers (`; `-separated)' },
    { name: 'honors', type: 'string', description: 'Titles of the honors it holds (`; `-separated)' },
    ...RECORD_SOURCE_COLUMNS,
    ...STATUS_COLUMNS,
  ],
  rows(answer) {
    return zonePageRows(answer, {
      pageOf: (zone) => zone.partyOrganizations,
      records: 'party organizations',
      cellsOf: (organization) => ({
        organization_id: organization.id,
        name_zh: organization.nameZh,
        type: organization.type,
        parent_id: cell(organization.parent?.id),
        brand: organization.brand,
        founded_on: organization.foundedOn,
        star_rating: organization.starRating,
        members: cell(organization.memberCount?.value),
        members_precision: cell(organization.memberCount?.qualifier),
        enterprise_ids: joined(organization.enterprises.map((enterprise) => enterprise.id)),
        honors: joined(organization.honors.map((honor) => honor.title)),
        ...recordSourceCells(organization.provenance),
      }),
    });
  },
});
