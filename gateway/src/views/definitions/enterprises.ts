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

interface Enterprise {
  id: string;
  nameZh: string;
  nameEn: string | null;
  creditCode: string | null;
  industry: string | null;
  flags: string[];
  employees: { value: number; qualifier: string } | null;
  outputValue: number | null;
  tax: number | null;
  patents: { invention: number; utility: number } | null;
  honors: { title: string }[];
  provenance: RecordProvenance;
}

interface EnterprisesAnswer {
  zones: (PagedZone & { enterprises: ZonePage<Enterprise> | null })[];
}

/** Enterprises of the zones, a page per zone. */
export const enterprisesView = defineView<EnterprisesAnswer>({
  name: 'enterprises',
  title: 'Enterprises',
  description:
    'One row per enterprise of the zones the credential may read, filtered and ordered within each zone; `first` and `offset` page each zone separately (or `after` a `zone_next_after` cursor, one zone at a time) and `zone_match_count` says how many match in the zone. A zone whose service is down has one row, marked `unavailable`, with no enterprise.',
  parameters: {
    province: PROVINCE_PARAMETER,
    ids: ZONE_IDS_PARAMETER,
    industry: 'Only enterprises of this industry (matched exactly).',
    nameContains: 'Only enterprises whose Chinese or English name contains this.',
    honorContains: 'Only enterprises (or their party organizations) holding an honor whose title contains this (`清廉`).',
    flags: 'Only enterprises carrying every one of these flags (comma-separated).',
    first:
      'Enterprises per zone (1 to 500). The gateway refuses an operation whose estimated cost is over its limit: with the default limits (docs/security.md) at most about 150 here; page with `after` (or `offset`).',
    offset: 'Enterprises skipped in each zone before the first row.',
    orderBy: 'Order of the enterprises within each zone.',
    after: AFTER_PARAMETER,
  },
  check: checkAfter,
  zoneList: 'zones',
  columns: [
    ...ZONE_COLUMNS,
    { name: 'zone_match_count', type: 'integer', description: 'How many enterprises of the zone match the filter (this page may hold fewer)' },
    NEXT_AFTER_COLUMN,
    { name: 'enterprise_id', type: 'string', description: 'Enterprise id (`<zoneId>:<localId>`)' },
    { name: 'name_zh', type: 'string', description: 'Enterprise name in Chinese' },
    { name: 'name_en', type: 'string', description: 'Enterprise name in English' },
    { name: 'credit_code', type: 'string', description: '统一社会信用代码, where a source gives it' },
    { name: 'industry', type: 'string', description: 'Industry' },
    { name: 'flags', type: 'string', description: 'ABOVE_DESIGNATED_SIZE, SPECIALIZED_INNOVATIVE, HIGH_TECH, LISTED (`; `-separated)' },
    { name: 'employees', type: 'integer', description: 'Employees; read it with `employees_precision`' },
    { name: 'employees_precision', type: 'string', values: QUALIFIERS, description: 'EXACT, AT_LEAST (a lower bound) or ABOUT' },
    { name: 'output_value', type: 'number', description: 'Output value, 万元 (10,000 CNY)' },
    { name: 'tax', type: 'number', description: 'Tax paid, 万元 (10,000 CNY)' },
    { name: 'patents_invention', type: 'integer', description: 'Invention patents' },
    { name: 'patents_utility', type: 'integer', description: 'Utility-model patents' },
    { name: 'honors', type: 'string', description: 'Titles of the honors the enterprise holds (`; `-separated)' },
    ...RECORD_SOURCE_COLUMNS,
    ...STATUS_COLUMNS,
  ],
  rows(answer) {
    return zonePageRows(answer, {
      pageOf: (zone) => zone.enterprises,
      records: 'enterprises',
      cellsOf: (enterprise) => ({
        enterprise_id: enterprise.id,
        name_zh: enterprise.nameZh,
        name_en: enterprise.nameEn,
        credit_code: enterprise.creditCode,
        industry: enterprise.industry,
        flags: joined(enterprise.flags),
        employees: cell(enterprise.employees?.value),
        employees_precision: cell(enterprise.employees?.qualifier),
        output_value: enterprise.outputValue,
        tax: enterprise.tax,
        patents_invention: cell(enterprise.patents?.invention),
        patents_utility: cell(enterprise.patents?.utility),
        honors: joined(enterprise.honors.map((honor) => honor.title)),
        ...recordSourceCells(enterprise.provenance),
      }),
    });
  },
});
