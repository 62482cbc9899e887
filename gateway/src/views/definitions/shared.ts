import type { ViewColumn } from '../columns';

/** Parameter descriptions several views share (the arguments they are passed to say the same). */
export const PROVINCE_PARAMETER =
  'Only zones of this province: its code (`anhui`), English name (any case) or Chinese name with or without 省 (`安徽`, `安徽省`). Only the zones your credential may read are listed.';
export const ZONE_IDS_PARAMETER = 'Only these zones, in this order (zone ids, comma-separated or repeated: `ids=chuzhou,ningguo`).';

/** The columns that say which zone a row is about. */
export const ZONE_COLUMNS: readonly ViewColumn[] = [
  { name: 'zone_id', type: 'string', notNull: true, description: 'Zone id (`yongkang`)' },
  { name: 'zone_name', type: 'string', description: 'Zone name in Chinese' },
  { name: 'province', type: 'string', description: 'Province code of the zone (`zhejiang`, `anhui`, `fujian`)' },
];

export const PROVENANCE_KINDS = ['REPORTED', 'COMPUTED', 'SYNTHETIC'];
export const QUALIFIERS = ['EXACT', 'AT_LEAST', 'ABOUT'];

/** Where a record comes from: the source article and the quoted passage. */
export const RECORD_SOURCE_COLUMNS: readonly ViewColumn[] = [
  {
    name: 'kind',
    type: 'string',
    values: PROVENANCE_KINDS,
    description: 'Provenance kind of the record: REPORTED (quoted from a source article), COMPUTED or SYNTHETIC',
  },
  { name: 'source_document', type: 'string', description: 'File name of the source article under data/sources' },
  { name: 'source_title', type: 'string', description: 'Title of the source article' },
  { name: 'passage', type: 'string', description: 'The passage of the article the record is quoted from' },
];

/** A list of texts in one cell: `; `-separated. */
export const joined = (values: readonly string[]): string | null => (values.length > 0 ? values.join('; ') : null);

/** An answer's value for a cell: undefined (not selected, or not there) is an empty cell. */
export const cell = <T extends string | number | boolean>(value: T | null | undefined): T | null => value ?? null;
