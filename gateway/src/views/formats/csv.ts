import type { CellValue } from '../columns';
import { valuesOf, writeTextRows, type TableWriter } from './table';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Text that Excel would run as a formula when it opens the file (CSV injection): such a
 * cell is written with a leading apostrophe, quoted, as OWASP advises. Numbers are never text here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. */
export function csvField(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string' && FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: readonly CellValue[]): string => values.map(csvField).join(',') + CRLF;

/** CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese text), CRLF line ends, a header row of column names. */
export const writeCsv: TableWriter = (out, { columns, rows }) => {
  function* lines(): Iterable<string> {
    for (const row of rows) yield csvLine(valuesOf(row, columns));
  }
  return writeTextRows(out, BOM + csvLine(columns.map((column) => column.name)), lines(), '');
};
