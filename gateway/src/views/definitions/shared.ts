import type { ViewColumn } from '../columns';
import type { ParameterProblem, Variables } from '../viewDefinition';

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

/** The `after` parameter of a view paging each zone: a cursor of one zone, so it pages that zone only. */
export const AFTER_PARAMETER =
  'The rows after this cursor: a `zone_next_after` of the page before. A cursor belongs to one zone, its order and its filter: give that zone alone in `ids`, the same `orderBy` and filters, and no `offset`. Every page after a cursor costs what the first one does, where a deep `offset` reads every row before it.';

/** The column carrying each zone's cursor for its next page. */
export const NEXT_AFTER_COLUMN: ViewColumn = {
  name: 'zone_next_after',
  type: 'string',
  description: "Cursor of the zone's next page: pass it as `after` with `ids=<zone_id>` for the rows after this page; empty on the zone's last page",
};

/** `after` pages one zone, from a cursor, not from an offset. */
export function checkAfter(variables: Variables): ParameterProblem | undefined {
  if (typeof variables.after !== 'string' || variables.after === '') return undefined;
  const ids = variables.ids;
  if (!Array.isArray(ids) || ids.length !== 1)
    return { parameter: 'after', message: 'after pages one zone: give the zone its cursor came from alone in ids (ids=yongkang)' };
  if (typeof variables.offset === 'number' && variables.offset !== 0)
    return { parameter: 'after', message: `after and offset exclude each other: page with one of them (offset is ${variables.offset})` };
  return undefined;
}
