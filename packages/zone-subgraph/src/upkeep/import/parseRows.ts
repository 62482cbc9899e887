import { parse } from 'csv-parse/sync';

/** One data row of an import file: where it is and its values by header (as written). */
export interface SourceRow {
  /** CSV: the 1-based line the row starts on (the header is line 1). JSON: the 0-based array index. */
  readonly at: number;
  readonly values: ReadonlyMap<string, unknown>;
}

export interface ParsedFile {
  /** Headers as written, in file order (CSV: the header line; JSON: every key used by any object). */
  readonly headers: readonly string[];
  readonly rows: readonly SourceRow[];
}

export type ParseOutcome = { readonly ok: true; readonly file: ParsedFile } | { readonly ok: false; readonly at: number | null; readonly message: string };

/**
 * A CSV file as Excel and other spreadsheets write it: UTF-8 with or without a
 * byte-order mark, CRLF or LF line ends, quoted fields holding commas, quotes
 * ("") and line breaks. The first line holds the headers. Blank lines and rows
 * whose every cell is blank are skipped (they keep their line numbers).
 */
export function parseCsv(content: string): ParseOutcome {
  // One kind of line break, so that csv-parse counts lines as people do (it counts a quoted CRLF twice).
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: false, bom: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return { ok: false, at: typeof e.lines === 'number' ? e.lines : null, message: `not readable as CSV: ${e.message ?? String(error)}` };
  }
  if (records.length === 0) return { ok: false, at: 1, message: 'the file is empty: its first line must name the columns' };
  const [header, ...data] = records;
  const headers = header.record.map((h, i) => h.trim() || `(column ${i + 1})`);
  if (header.info.lines !== 1) return { ok: false, at: 1, message: 'the header line must not hold line breaks' };
  const rows: SourceRow[] = [];
  let previousEnd = header.info.lines;
  for (const { record, info } of data) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((cell) => cell.trim() === '')) continue;
    const values = new Map<string, unknown>();
    record.forEach((cell, i) => {
      // Cells beyond the header have no column: they are reported if they hold anything.
      values.set(i < headers.length ? headers[i] : `(column ${i + 1})`, cell);
    });
    rows.push({ at: line, values });
  }
  return { ok: true, file: { headers, rows } };
}

/** A JSON file: an array of objects, one per record, keyed like the CSV headers. */
export function parseJson(content: string): ParseOutcome {
  let value: unknown;
  try {
    value = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, at: null, message: `not readable as JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(value)) return { ok: false, at: null, message: 'must be a JSON array of objects, one per record' };
  const headers: string[] = [];
  const rows: SourceRow[] = [];
  for (const [index, item] of value.entries()) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return { ok: false, at: index, message: 'must be an object (one record)' };
    for (const key of Object.keys(item)) if (!headers.includes(key)) headers.push(key);
    rows.push({ at: index, values: new Map(Object.entries(item as Record<string, unknown>)) });
  }
  return { ok: true, file: { headers, rows } };
}
