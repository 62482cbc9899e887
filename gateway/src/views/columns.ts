/** The types a view's column can have; every format writes them the same way (docs/bi.md). */
export const COLUMN_TYPES = ['string', 'integer', 'number', 'boolean', 'date'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** One column of a view: its stable name, its type and what it holds. */
export interface ViewColumn {
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
  /** Every row has a value (the table's keys and `status`); other columns may be empty. */
  readonly notNull?: boolean;
  /** The values it can take, when they are a closed set. */
  readonly values?: readonly string[];
}

/**
 * Columns repeated once per key, where the keys come from the parameters or the answer
 * (one group per requested indicator, per criterion of a run). Each column's `name` is a
 * template holding `{key}`: `{key}.value` gives `party_org.count.value`.
 */
export interface ColumnGroup {
  readonly group: string;
  /** What the keys are, in order. */
  readonly keys: string;
  /** A regular expression (source) that every key matches, for the documented schema. */
  readonly keyPattern: string;
  readonly columns: readonly ViewColumn[];
}

export type ColumnPart = ViewColumn | ColumnGroup;
export type ColumnLayout = readonly ColumnPart[];

/** One value in a row: what every format can write. `null` is an empty cell. */
export type CellValue = string | number | boolean | null;
export type Row = Readonly<Record<string, CellValue>>;

/** The two columns at the end of every view: a row for a zone that could not answer is marked, never left out. */
export const STATUS_COLUMNS: readonly ViewColumn[] = [
  {
    name: 'status',
    type: 'string',
    notNull: true,
    values: ['ok', 'unavailable'],
    description: '`ok`, or `unavailable` when the zone behind the row could not answer (its service is down): its figures are then empty, not zero',
  },
  { name: 'message', type: 'string', description: 'Why the row is `unavailable` (the error the gateway gave for the zone); empty when `ok`' },
];

export function isColumnGroup(part: ColumnPart): part is ColumnGroup {
  return 'group' in part;
}

export const KEY_PLACEHOLDER = '{key}';

/** The column's name for one key of its group. */
export function groupColumnName(template: string, key: string): string {
  return template.split(KEY_PLACEHOLDER).join(key);
}

/**
 * The columns of one answer: every group expanded over its keys, in order
 * (for each key, all of the group's columns).
 */
export function expandColumns(layout: ColumnLayout, keys: Readonly<Record<string, readonly string[]>>): ViewColumn[] {
  return layout.flatMap((part) => {
    if (!isColumnGroup(part)) return [part];
    const groupKeys = keys[part.group];
    if (!groupKeys) throw new Error(`no keys for the column group "${part.group}"`);
    return groupKeys.flatMap((key) =>
      part.columns.map((column) => ({ ...column, name: groupColumnName(column.name, key), description: `${column.description} (${part.group} ${key})` })),
    );
  });
}

/** A regular expression matching every name a group's column can take. */
export function groupColumnPattern(group: ColumnGroup, column: ViewColumn): string {
  const [before, after] = column.name.split(KEY_PLACEHOLDER).map(escapeRegExp);
  return `^${before}(${group.keyPattern})${after ?? ''}$`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What every row of a view ends with: `ok`, or `unavailable` and why. */
export function rowStatus(failure: string | undefined): { status: string; message: string | null } {
  return failure === undefined ? { status: 'ok', message: null } : { status: 'unavailable', message: failure };
}
