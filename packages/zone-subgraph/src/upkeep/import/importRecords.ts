import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ACTION_COLUMN, type ImportColumn, type KindDefinition } from '../kinds';
import type { Outcome } from '../plan';
import { zodProblems, type FieldProblem } from '../problems';
import { runBatch, type BatchRow } from '../runBatch';
import { parseCsv, parseJson, type SourceRow } from './parseRows';

export type ImportFormat = 'csv' | 'json';

/** One problem of an import: where (CSV line or JSON index), which column as written and which record field. */
export interface ImportProblem {
  /** CSV: 1-based line, the header being line 1. Null for JSON. */
  readonly line: number | null;
  /** JSON: 0-based index in the array. Null for CSV. */
  readonly index: number | null;
  /** The column (CSV header or JSON key) as written; null for a problem of the whole row or file. */
  readonly column: string | null;
  /** The record field, with its position in a list (`enterprises[2]`); null when no field is concerned. */
  readonly field: string | null;
  readonly message: string;
}

export interface ImportRowOutcome {
  readonly line: number | null;
  readonly index: number | null;
  readonly outcome: Outcome;
  readonly naturalKey: string;
  readonly recordId: string | null;
}

export interface ImportReport {
  /** The audit's id for this import's changes: set when it was applied. */
  readonly importId: string | null;
  readonly dryRun: boolean;
  /** True when the changes were written: no problem and not a dry run. */
  readonly applied: boolean;
  /** Data rows read (blank rows not counted). */
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly deleted: number;
  readonly problems: readonly ImportProblem[];
  /** What each good row does (a dry run) or did. */
  readonly outcomes: readonly ImportRowOutcome[];
}

export interface ImportRequest {
  readonly zoneId: string;
  readonly actor: string;
  readonly format: ImportFormat;
  readonly content: string;
  readonly dryRun: boolean;
}

/** More rows than this are refused whole: split the file. */
export const MAX_IMPORT_ROWS = 20_000;

const normalizeHeader = (header: string) => header.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '').toLowerCase();

const DELETE_WORDS = new Set(['delete', '删除']);
const UPSERT_WORDS = new Set(['upsert', '新增', '更新', '保存']);

/** The fields that say which record a row is: a file without any of their columns cannot be read. */
const KEY_COLUMNS: Record<string, readonly string[][]> = {
  enterprises: [['nameZh', 'creditCode']],
  partyOrganizations: [['nameZh']],
  honors: [['holderKind'], ['title']],
  indicatorReports: [['code'], ['period']],
};

/**
 * Imports a CSV or JSON file of one kind of record into one zone: every row is
 * validated and planned, every problem reported by line (CSV) or index (JSON)
 * and column; the changes are written, all in one transaction with their audit,
 * only when no row has a problem and it is not a dry run.
 */
export async function importRecords<R, K>(dataSource: DataSource, definition: KindDefinition<R, K>, request: ImportRequest): Promise<ImportReport> {
  const csv = request.format === 'csv';
  const where = (at: number | null) => ({ line: csv ? at : null, index: csv ? null : at });
  const parsed = csv ? parseCsv(request.content) : parseJson(request.content);
  const refusedWhole = (problems: ImportProblem[], rows = 0): ImportReport => ({
    importId: null,
    dryRun: request.dryRun,
    applied: false,
    rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    problems,
    outcomes: [],
  });
  if (!parsed.ok) return refusedWhole([{ ...where(parsed.at), column: null, field: null, message: parsed.message }]);
  const { headers, rows } = parsed.file;
  if (rows.length > MAX_IMPORT_ROWS)
    return refusedWhole([{ ...where(null), column: null, field: null, message: `${rows.length} rows: at most ${MAX_IMPORT_ROWS} per import` }], rows.length);

  const columns = [...definition.columns, ACTION_COLUMN];
  const byHeader = new Map<string, ImportColumn>();
  for (const column of columns) for (const header of column.headers) byHeader.set(normalizeHeader(header), column);
  const known = columns.map((c) => (c.headers.length > 1 ? `${c.headers[0]} (${c.headers.slice(1).join('/')})` : c.headers[0])).join(', ');
  const unknownColumn = `unknown column; the columns of ${definition.kind} are: ${known}`;

  // Which header names which field: the header line's (CSV), or each object's own keys (JSON).
  const mapHeaders = (names: readonly string[], at: number | null) => {
    const fieldOfHeader = new Map<string, string>();
    const headerOfField = new Map<string, string>();
    const problems: ImportProblem[] = [];
    for (const header of names) {
      if (header === '' || UNNAMED.test(header)) continue;
      const column = byHeader.get(normalizeHeader(header));
      if (!column) problems.push({ ...where(at), column: header, field: null, message: unknownColumn });
      else if (headerOfField.has(column.field))
        problems.push({ ...where(at), column: header, field: column.field, message: `names the same field as column "${headerOfField.get(column.field)}"` });
      else {
        fieldOfHeader.set(header, column.field);
        headerOfField.set(column.field, header);
      }
    }
    return { fieldOfHeader, headerOfField, problems };
  };

  const fileHeaders = csv ? mapHeaders(headers, 1) : null;
  if (fileHeaders) {
    for (const alternatives of KEY_COLUMNS[definition.kind]) {
      if (!alternatives.some((field) => fileHeaders.headerOfField.has(field))) {
        const names = alternatives.map((field) => columns.find((c) => c.field === field)!.headers.join('/')).join(' or ');
        fileHeaders.problems.push({ ...where(1), column: null, field: alternatives[0], message: `no column ${names}: it says which record each row is` });
      }
    }
    if (fileHeaders.problems.length > 0) return refusedWhole(fileHeaders.problems, rows.length);
  }

  const rowProblems: ImportProblem[] = [];
  const headerOfFieldAt = new Map<number, ReadonlyMap<string, string>>();
  const batch: BatchRow<R, K>[] = [];
  let refusedRows = 0;
  for (const row of rows) {
    const mapped = fileHeaders ?? mapHeaders([...row.values.keys()], row.at);
    headerOfFieldAt.set(row.at, mapped.headerOfField);
    const named: ImportProblem[] = [
      ...(fileHeaders ? [] : mapped.problems),
      ...readRow(row, mapped.fieldOfHeader, definition, batch).map((p) =>
        p.field === '(root)'
          ? { ...where(row.at), column: null, field: null, message: p.message }
          : { ...where(row.at), column: mapped.headerOfField.get(rootOf(p.field)) ?? null, field: p.field, message: p.message },
      ),
    ];
    if (named.length > 0) {
      refusedRows += 1;
      // A row refused for its keys (JSON) is not planned either.
      if (batch.at(-1)?.at === row.at) batch.pop();
    }
    rowProblems.push(...named);
  }
  const importId = randomUUID();
  const result = await runBatch(dataSource, batch, {
    zoneId: request.zoneId,
    actor: request.actor,
    importId,
    dryRun: request.dryRun,
    planner: definition.planner,
    keyField: definition.keyField,
    order: definition.order,
    describeAt: (at) => (csv ? `line ${at}` : `index ${at}`),
    refusedRows,
  });
  const counts = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
  const outcomes: ImportRowOutcome[] = [];
  for (const row of rows) {
    const plannedRow = result.rows.get(row.at);
    if (!plannedRow) continue;
    counts[plannedRow.outcome] += 1;
    outcomes.push({ ...where(row.at), outcome: plannedRow.outcome, naturalKey: plannedRow.naturalKey, recordId: plannedRow.recordId });
  }
  const planProblems = result.problems.flatMap(({ at, problems: found }) =>
    found.map((p) => ({ ...where(at), column: headerOfFieldAt.get(at)?.get(rootOf(p.field)) ?? null, field: p.field, message: p.message })),
  );
  const position = (p: ImportProblem) => p.line ?? p.index ?? -1;
  const problems = [...rowProblems, ...planProblems].sort((a, b) => position(a) - position(b));
  const changed = counts.created + counts.updated + counts.deleted > 0;
  return {
    importId: result.applied && changed ? importId : null,
    dryRun: request.dryRun,
    applied: result.applied,
    rows: rows.length,
    ...counts,
    problems,
    outcomes,
  };
}

/** A column with no header: `(column 8)`. */
const UNNAMED = /^\(column \d+\)$/;

/** The record field a problem's path starts with: `enterprises[2]` → `enterprises`. */
const rootOf = (field: string) => field.replace(/[.[].*$/, '');

/** Validates one row into the batch (an upsert or a delete); returns its problems. */
function readRow<R, K>(row: SourceRow, fieldOfHeader: ReadonlyMap<string, string>, definition: KindDefinition<R, K>, batch: BatchRow<R, K>[]): FieldProblem[] {
  const values: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [header, value] of row.values) {
    const field = fieldOfHeader.get(header);
    if (field) values[field] = value;
    else if (UNNAMED.test(header) && value !== null && value !== undefined && String(value).trim() !== '')
      problems.push({ field: '(root)', message: `a value in ${header}, which has no header` });
  }
  const action = typeof values.action === 'string' ? values.action.trim().toLowerCase() : values.action;
  delete values.action;
  let op: 'upsert' | 'delete' = 'upsert';
  if (action === undefined || action === null || action === '' || (typeof action === 'string' && UPSERT_WORDS.has(action))) op = 'upsert';
  else if (typeof action === 'string' && DELETE_WORDS.has(action)) op = 'delete';
  else problems.push({ field: 'action', message: `must be upsert (新增/更新, the default when blank) or delete (删除), got ${JSON.stringify(action)}` });
  const parsed = (op === 'upsert' ? definition.recordSchema : definition.keySchema).safeParse(values);
  if (!parsed.success) problems.push(...zodProblems(parsed.error));
  else if (problems.length === 0) batch.push({ at: row.at, operation: op === 'upsert' ? { op, record: parsed.data as R } : { op, key: parsed.data as K } });
  return problems;
}
